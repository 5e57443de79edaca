using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Parsing;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Emits the nested <c>Attributes</c>, <c>Commands</c> and <c>Events</c> classes: one metadata record per
/// element, as the specification states it, and an <c>All</c> list in id order.
/// </summary>
internal static class MetadataEmitter
{
    private const string DataModel = "global::MatterGen.DataModel.";

    // Parameter names of the runtime metadata records, so the generated calls read as named arguments.
    private static readonly string[] AttributeParameters = { "Id", "Name", "TypeName", "IsList", "IsNullable", "IsWritable", "ReadPrivilege", "WritePrivilege", "Quality", "MustUseTimedWrite", "Default", "Min", "Max", "MinLength", "MaxLength", "Conformance", "IsProvisional" };
    private static readonly string[] CommandParameters = { "Id", "Name", "Direction", "ResponseId", "InvokePrivilege", "MustUseTimedInvoke", "IsFabricScoped", "Conformance", "IsProvisional" };
    private static readonly string[] EventParameters = { "Id", "Name", "Priority", "ReadPrivilege", "IsFabricSensitive", "Conformance", "IsProvisional" };

    /// <summary>Writes the three classes.</summary>
    public static void Emit(CodeWriter writer, ClusterModel cluster, ClusterMemberNames memberNames, CancellationToken cancellationToken)
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
            var name = memberNames.AttributeMetadataNames[i];
            var quality = Quality(a.Quality);
            var provisional = Docs.IsProvisional(a.Maturity, a.Conformance);
            Member(writer, a.Name, a.Id, "AttributeMetadata", name, a.Description, provisional, Docs.IsDeprecated(a.Maturity, a.Conformance), Arguments(AttributeParameters, new[]
            {
                Literals.Hex(a.Id), Literals.String(a.Name), Literals.String(a.Type.Name), Literals.Bool(a.Type.IsList),
                Literals.Bool(a.IsNullable), Literals.Bool(a.IsWritable), Privilege(a.Access.Read), Privilege(a.Access.Write),
                quality, Literals.Bool(a.MustUseTimedWrite), Literals.String(a.Default),
                Literals.Decimal(NumberText.ParseDefinitionNumber(a.Constraint.Min)), Literals.Decimal(NumberText.ParseDefinitionNumber(a.Constraint.Max)),
                Literals.NullableInt(a.Constraint.MinLength), Literals.NullableInt(a.Constraint.MaxLength),
                Literals.String(ConformanceText.Render(a.Conformance)), Literals.Bool(provisional),
            }));
        }

        All(writer, "AttributeMetadata", memberNames.AttributeMetadataNames);
        writer.Close();
        writer.Line();

        Open(writer, "Commands", "command");
        for (var i = 0; i < cluster.Commands.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var c = cluster.Commands[i];
            var name = memberNames.CommandMetadataNames[i];
            var provisional = Docs.IsProvisional(c.Maturity, c.Conformance);
            var responseId = c.ResponseName is { } response && commandIds.TryGetValue(response, out var id) ? Literals.Hex(id) : "null";
            Member(writer, c.Name, c.Id, "CommandMetadata", name, c.Description, provisional, Docs.IsDeprecated(c.Maturity, c.Conformance), Arguments(CommandParameters, new[]
            {
                Literals.Hex(c.Id), Literals.String(c.Name), DataModel + "CommandDirection." + c.Direction, responseId,
                Privilege(c.Access.Invoke), Literals.Bool(c.MustUseTimedInvoke), Literals.Bool(c.IsFabricScoped),
                Literals.String(ConformanceText.Render(c.Conformance)), Literals.Bool(provisional),
            }));
        }

        All(writer, "CommandMetadata", memberNames.CommandMetadataNames);
        writer.Close();
        writer.Line();

        Open(writer, "Events", "event");
        for (var i = 0; i < cluster.Events.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var e = cluster.Events[i];
            var name = memberNames.EventMetadataNames[i];
            var provisional = Docs.IsProvisional(e.Maturity, e.Conformance);
            Member(writer, e.Name, e.Id, "EventMetadata", name, e.Description, provisional, Docs.IsDeprecated(e.Maturity, e.Conformance), Arguments(EventParameters, new[]
            {
                Literals.Hex(e.Id), Literals.String(e.Name), DataModel + "EventPriority." + e.Priority, Privilege(e.Access.Read),
                Literals.Bool(e.IsFabricSensitive), Literals.String(ConformanceText.Render(e.Conformance)), Literals.Bool(provisional),
            }));
        }

        All(writer, "EventMetadata", memberNames.EventMetadataNames);
        writer.Close();
    }

    private static string Arguments(string[] names, string[] values) =>
        string.Join(", ", names.Zip(values, (name, value) => name + ": " + value));

    private static void Open(CodeWriter writer, string className, string what)
    {
        writer.Line("/// <summary>What the specification says about each " + what + " of the cluster.</summary>");
        writer.Line(Docs.GeneratedCode);
        writer.Block("public static class " + className);
    }

    private static void Member(CodeWriter writer, string elementName, uint id, string recordType, string name, string? description, bool provisional, bool deprecated, string arguments)
    {
        Docs.Summary(writer, description, elementName + " (" + Docs.Id(id) + ").");
        Docs.Maturity(writer, provisional, deprecated);
        writer.Line("public static readonly " + DataModel + recordType + " " + name + " = new(" + arguments + ");");
        writer.Line();
    }

    private static void All(CodeWriter writer, string recordType, System.Collections.Generic.IReadOnlyList<string> names)
    {
        writer.Line("/// <summary>All of them, in the definition's order.</summary>");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<" + DataModel + recordType + "> All { get; } = new " + DataModel + recordType + "[]");
        writer.Open();
        foreach (var name in names)
        {
            writer.Line(name + ",");
        }

        writer.Close(";");
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
