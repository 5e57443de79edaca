using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;
using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Emits the nested <c>Attributes</c>, <c>Commands</c> and <c>Events</c> classes: one metadata record per
/// element, as the specification states it, and an <c>All</c> list in id order. The records are built with named
/// arguments, so a generated call reads like the runtime record it makes.
/// </summary>
internal static class MetadataEmitter
{
    /// <summary>Writes the three classes.</summary>
    public static void Emit(CodeWriter writer, ClusterModel cluster, TypeMapper mapper, ClusterMemberNames memberNames, CancellationToken cancellationToken)
    {
        var commandIds = cluster.Commands
            .Where(c => c.Direction == CommandDirection.ServerToClient)
            .GroupBy(c => c.Name, System.StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Id, System.StringComparer.Ordinal);

        Open(writer, "Attributes", "attribute");
        for (var i = 0; i < cluster.Attributes.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var a = cluster.Attributes[i];
            var provisional = MaturityMarks.IsProvisional(a.Maturity, a.Conformance);
            var constraint = a.Constraint;
            Member(writer, a.Name, a.Id, a.Description, provisional, MaturityMarks.IsDeprecated(a.Maturity, a.Conformance), "AttributeMetadata", memberNames.AttributeMetadataNames[i],
                $"Id: {Literals.Hex(a.Id)}, Name: {Literals.String(a.Name)}, TypeName: {Literals.String(a.Type.Name)}, IsList: {Literals.Bool(a.Type.IsList)}, " +
                $"IsNullable: {Literals.Bool(a.IsNullable)}, IsWritable: {Literals.Bool(a.IsWritable)}, ReadPrivilege: {Privilege(a.Access.Read)}, WritePrivilege: {Privilege(a.Access.Write)}, " +
                $"Quality: {Quality(a.Quality)}, MustUseTimedWrite: {Literals.Bool(a.MustUseTimedWrite)}, Default: {Literals.String(a.Default?.Text)}, " +
                $"Min: {Literals.Decimal(constraint.Min)}, Max: {Literals.Decimal(constraint.Max)}, " +
                $"MinLength: {Literals.NullableInt(constraint.MinLength)}, MaxLength: {Literals.NullableInt(constraint.MaxLength)}, " +
                $"Conformance: {Literals.String(ConformanceText.Render(a.Conformance))}, IsProvisional: {Literals.Bool(provisional)}",
                FabricScope(mapper.Named(a.Type.Name)));
        }

        Close(writer, "AttributeMetadata", memberNames.AttributeMetadataNames);
        writer.Line();

        Open(writer, "Commands", "command");
        for (var i = 0; i < cluster.Commands.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var c = cluster.Commands[i];
            var provisional = MaturityMarks.IsProvisional(c.Maturity, c.Conformance);
            var responseId = c.ResponseName is { } response && commandIds.TryGetValue(response, out var id) ? Literals.Hex(id) : "null";
            Member(writer, c.Name, c.Id, c.Description, provisional, MaturityMarks.IsDeprecated(c.Maturity, c.Conformance), "CommandMetadata", memberNames.CommandMetadataNames[i],
                $"Id: {Literals.Hex(c.Id)}, Name: {Literals.String(c.Name)}, Direction: {DataModel}CommandDirection.{c.Direction}, ResponseId: {responseId}, " +
                $"InvokePrivilege: {Privilege(c.Access.Invoke)}, MustUseTimedInvoke: {Literals.Bool(c.MustUseTimedInvoke)}, IsFabricScoped: {Literals.Bool(c.IsFabricScoped)}, " +
                $"Conformance: {Literals.String(ConformanceText.Render(c.Conformance))}, IsProvisional: {Literals.Bool(provisional)}");
        }

        Close(writer, "CommandMetadata", memberNames.CommandMetadataNames);
        writer.Line();

        Open(writer, "Events", "event");
        for (var i = 0; i < cluster.Events.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var e = cluster.Events[i];
            var provisional = MaturityMarks.IsProvisional(e.Maturity, e.Conformance);
            Member(writer, e.Name, e.Id, e.Description, provisional, MaturityMarks.IsDeprecated(e.Maturity, e.Conformance), "EventMetadata", memberNames.EventMetadataNames[i],
                $"Id: {Literals.Hex(e.Id)}, Name: {Literals.String(e.Name)}, Priority: {DataModel}EventPriority.{e.Priority}, ReadPrivilege: {Privilege(e.Access.Read)}, " +
                $"IsFabricSensitive: {Literals.Bool(e.IsFabricSensitive)}, Conformance: {Literals.String(ConformanceText.Render(e.Conformance))}, IsProvisional: {Literals.Bool(provisional)}");
        }

        Close(writer, "EventMetadata", memberNames.EventMetadataNames);
    }

    private static void Open(CodeWriter writer, string className, string what)
    {
        writer.Lines($$"""
            /// <summary>What the specification says about each {{what}} of the cluster.</summary>
            {{Docs.GeneratedCode}}
            public static class {{className}}
            {
            """);
        writer.Indent();
    }

    // One record: its documentation and its field, made with the record's named arguments and an optional initializer.
    private static void Member(CodeWriter writer, string elementName, uint id, string? description, bool provisional, bool deprecated, string recordType, string name, string arguments, string initializer = "")
    {
        Docs.Summary(writer, description, elementName + " (" + Docs.Id(id) + ").");
        Docs.Maturity(writer, provisional, deprecated);
        writer.Lines($"""
            public static readonly {DataModel}{recordType} {name} = new({arguments}){initializer};

            """);
    }

    // The All list, in the definition's order, and the end of the class.
    private static void Close(CodeWriter writer, string recordType, IReadOnlyList<string> names)
    {
        writer.Lines($$"""
            /// <summary>All of them, in the definition's order.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<{{DataModel}}{{recordType}}> All { get; } = new {{DataModel}}{{recordType}}[]
            {
            """);
        writer.Indent();
        foreach (var name in names)
        {
            writer.Line(name + ",");
        }

        writer.Close(";");
        writer.Close();
    }

    // The initializer that marks an attribute whose value is a fabric-scoped struct (or a list of them), with the
    // ids of the struct's fabric-sensitive fields; empty for any other attribute.
    private static string FabricScope(DataTypeModel? type)
    {
        if (type is not { Kind: DataTypeKind.Struct, IsFabricScoped: true })
        {
            return string.Empty;
        }

        var sensitive = type.Fields.Where(f => f.IsFabricSensitive && f.Id <= byte.MaxValue).Select(f => f.Id).Distinct().OrderBy(id => id).ToList();
        return sensitive.Count == 0
            ? " { IsFabricScoped = true }"
            : " { IsFabricScoped = true, FabricSensitiveFields = new byte[] { " + string.Join(", ", sensitive.Select(id => Literals.Hex(id, 2))) + " } }";
    }

    private static string Privilege(Model.Privilege privilege) => DataModel + "Privilege." + privilege;

    private static string Quality(AttributeQuality quality)
    {
        var flags = new[]
        {
            (AttributeQuality.NonVolatile, "NonVolatile"), (AttributeQuality.Fixed, "Fixed"), (AttributeQuality.ChangesOmitted, "ChangesOmitted"),
            (AttributeQuality.QuieterReporting, "QuieterReporting"), (AttributeQuality.LargeMessage, "LargeMessage"),
            (AttributeQuality.Scene, "Scene"), (AttributeQuality.Atomic, "Atomic"),
        }.Where(f => (quality & f.Item1) != 0).Select(f => DataModel + "AttributeQuality." + f.Item2).ToList();
        return flags.Count == 0 ? DataModel + "AttributeQuality.None" : string.Join(" | ", flags);
    }
}
