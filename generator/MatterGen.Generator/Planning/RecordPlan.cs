using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Planning;

/// <summary>
/// A record resolved for emission, so the emitter only prints: its C# name, and each field with its property
/// name, C# type and wire shape. Fields come in id order; a field whose type no definition defines is kept
/// apart (<see cref="LeftOut"/>) so the record can say so.
/// </summary>
/// <param name="Spec">What the record is (name, summary, id, maturity).</param>
/// <param name="Fields">The fields the record has, in id order, each with its index among them.</param>
/// <param name="LeftOut">Fields of an unknown type, which the record leaves out (MG0003).</param>
/// <param name="OmitsSensitiveFields">
/// The record carries the <see cref="SensitiveFieldOmission.Flag"/>: a fabric-scoped struct with a fabric-sensitive
/// field decoding must see, whose sensitive fields another fabric's entry leaves out.
/// </param>
internal sealed record RecordPlan(RecordSpec Spec, EquatableArray<FieldPlan> Fields, EquatableArray<FieldModel> LeftOut, bool OmitsSensitiveFields)
{
    /// <summary>Field id of the FabricIndex field of fabric-scoped structs.</summary>
    public const uint FabricIndexId = 0xFE;

    // Members every generated record has: a field never takes their names.
    private static readonly string[] RecordMembers =
    {
        "EqualityContract", "PrintMembers", "Deconstruct", "Encode", "EncodeTlvFields", "Decode", "CommandId", "EventId",
        SensitiveFieldOmission.Flag,
    };

    /// <summary>The record's C# name.</summary>
    public string TypeName => Spec.TypeName;

    /// <summary>True when decoding must see at least one field (a mandatory or nullable one).</summary>
    public bool TracksFields => Fields.Any(field => field.IsTracked);

    /// <summary>True for a field the omission flag leaves out (a fabric-sensitive one, when the record has the flag).</summary>
    public bool Omits(FieldPlan field) => OmitsSensitiveFields && field.Field.IsFabricSensitive;

    /// <summary>True when at least one field is read on the scalar fast path.</summary>
    public bool HasScalarFields => Fields.Any(field => field.IsScalar);

    /// <summary>Resolves the names and types of <paramref name="spec"/>'s fields.</summary>
    public static RecordPlan Resolve(RecordSpec spec, TypeMapper mapper, CancellationToken cancellationToken)
    {
        var scope = new NameScope(new[] { spec.TypeName }.Concat(NameScope.ObjectMembers).Concat(RecordMembers));
        var plans = new List<FieldPlan>();
        var ids = new HashSet<uint>();
        var sourceFields = spec.Fields.OrderBy(f => f.Id).ToList();
        if (spec.AddFabricIndex && sourceFields.All(f => f.Id != FabricIndexId))
        {
            sourceFields.Add(new FieldModel(FabricIndexId, "FabricIndex", new TypeReference("fabric_idx", false), false, true, false, null, Constraint.None, Model.Maturity.Stable, spec.IsStruct
                ? "The fabric this entry belongs to; servers fill it in, clients leave it out."
                : "The fabric this event belongs to: only that fabric is told of it."));
        }

        foreach (var field in sourceFields)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A context tag holds 0 to 255; the resolver reports duplicate ids, the first one wins here.
            if (field.Id > byte.MaxValue || !ids.Add(field.Id) || mapper.Map(field.Type.Name) is not { } type)
            {
                continue;
            }

            plans.Add(new FieldPlan(field, scope.Claim(Identifier.FromName(field.Name)), type, MaturityMarks.IsDeprecated(field.Maturity), plans.Count));
        }

        var leftOut = spec.Fields.Where(f => mapper.Map(f.Type.Name) is null).ToEquatableArray();
        return new RecordPlan(spec, plans.ToEquatableArray(), leftOut, SensitiveFieldOmission.Applies(spec, plans));
    }
}
