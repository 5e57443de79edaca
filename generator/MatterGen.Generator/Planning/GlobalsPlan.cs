using System.Collections.Generic;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Planning;

/// <summary>
/// The globals file resolved once, as the pipeline's <c>PlanGlobals</c> step: each global type under its C#
/// name, with the record plan of each struct and the value names of each enum and bitmap, so the globals emitter
/// only prints. Value-equal, so the step caches it.
/// </summary>
/// <param name="Types">The global types to emit, in definition order; of two that get one C# name, the first.</param>
internal sealed record GlobalsPlan(EquatableArray<GlobalTypePlan> Types)
{
    /// <summary>Resolves the plan of <paramref name="unit"/> for code in <paramref name="settings"/>' namespace.</summary>
    public static GlobalsPlan For(GlobalTypesUnit unit, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        var mapper = new TypeMapper(System.Array.Empty<(DataTypeModel, string)>(), unit.Types, settings.RootNamespace);
        var named = new HashSet<string>(System.StringComparer.Ordinal);
        var types = new List<GlobalTypePlan>();
        foreach (var type in unit.Types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var typeName = GlobalNames.TypeName(type.Name);

            // Two definitions that map to one C# name: the resolver reports it; the first one is emitted.
            if (!named.Add(typeName))
            {
                continue;
            }

            types.Add(type.Kind == DataTypeKind.Struct
                ? new GlobalTypePlan(type, typeName, RecordPlan.Resolve(RecordSpec.ForStruct(type, typeName), mapper, cancellationToken), null)
                : new GlobalTypePlan(type, typeName, null, EnumPlan.Resolve(type, typeName)));
        }

        return new GlobalsPlan(types.ToEquatableArray());
    }
}

/// <summary>One global type as the globals file declares it.</summary>
/// <param name="Type">The type's definition.</param>
/// <param name="TypeName">Its C# name inside the globals class.</param>
/// <param name="Record">For a struct, its record resolved; null for an enum or bitmap.</param>
/// <param name="Enum">For an enum or bitmap, its values named; null for a struct.</param>
internal sealed record GlobalTypePlan(DataTypeModel Type, string TypeName, RecordPlan? Record, EnumPlan? Enum);
