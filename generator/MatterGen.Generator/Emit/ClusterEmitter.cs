using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Emits the complete C# view of one cluster: a static partial class with its ids, feature flags, enums,
/// bitmaps, structs, command and event payload records with TLV codecs, per-attribute codecs, metadata and
/// a typed <c>Client</c>.
/// </summary>
internal static class ClusterEmitter
{
    /// <summary>Names of the fixed members of every cluster class; nested types never take them.</summary>
    internal static readonly string[] FixedMembers =
    {
        "ClusterId", "ClusterName", "ClusterRevision", "Feature", "Attributes", "Commands", "Events", "AttributeCodecs", "Client",
    };

    /// <summary>The hint name of a cluster's file.</summary>
    public static string HintName(ClusterUnit unit, GeneratorSettings settings) =>
        settings.RootNamespace + "." + unit.TypeName + ".g.cs";

    /// <summary>The C# source of a cluster.</summary>
    public static string Emit(ClusterUnit unit, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        var cluster = unit.Cluster;
        var names = ClusterNames.Assign(unit);
        var mapper = MapperFor(unit, settings, names);

        var writer = new CodeWriter();
        FileHeader.Write(writer, settings);
        Docs.Summary(writer, cluster.Description, "The " + cluster.Name + " cluster.");
        var note = "Cluster " + Docs.Id(cluster.Code) + ", revision " + cluster.Revision.ToString(CultureInfo.InvariantCulture) + ".";
        Docs.Maturity(writer, Docs.IsProvisional(cluster.Maturity), Docs.IsDeprecated(cluster.Maturity), note: note);
        writer.Line(Docs.GeneratedCode);
        writer.Block("public static partial class " + unit.TypeName);
        writer.Line("/// <summary>The cluster id.</summary>");
        writer.Line("public const uint ClusterId = " + Literals.Hex(cluster.Code) + ";");
        writer.Line();
        writer.Line("/// <summary>The cluster's name as the specification writes it.</summary>");
        writer.Line("public const string ClusterName = " + Literals.String(cluster.Name) + ";");
        writer.Line();
        writer.Line("/// <summary>The cluster revision this code was generated from (the ClusterRevision attribute's value).</summary>");
        writer.Line("public const ushort ClusterRevision = " + ((ushort)cluster.Revision).ToString(CultureInfo.InvariantCulture) + ";");
        writer.Line();
        EmitFeatures(writer, cluster, cancellationToken);

        var emittedTypes = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var type in unit.LocalTypes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!emittedTypes.Add(type.Name))
            {
                continue;
            }

            var typeName = names.Types[type.Name];
            if (type.Kind == DataTypeKind.Struct)
            {
                RecordEmitter.Emit(writer, StructSpec(type, typeName), mapper, cancellationToken);
            }
            else
            {
                EnumEmitter.Emit(writer, type, typeName, cancellationToken);
            }

            writer.Line();
        }

        for (var i = 0; i < cluster.Commands.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var command = cluster.Commands[i];
            var what = command.Direction == CommandDirection.ClientToServer ? "request" : "response";
            var spec = new RecordSpec(
                names.Commands[i],
                string.IsNullOrWhiteSpace(command.Description) ? "The " + command.Name + " command's " + what + " (id " + Docs.Id(command.Id) + ")." : command.Description!,
                command.Fields,
                "CommandId",
                command.Id,
                Docs.IsProvisional(command.Maturity, command.Conformance),
                Docs.IsDeprecated(command.Maturity, command.Conformance),
                AddFabricIndex: false);
            RecordEmitter.Emit(writer, spec, mapper, cancellationToken);
            writer.Line();
        }

        for (var i = 0; i < cluster.Events.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clusterEvent = cluster.Events[i];
            var spec = new RecordSpec(
                names.Events[i],
                string.IsNullOrWhiteSpace(clusterEvent.Description) ? "The " + clusterEvent.Name + " event (id " + Docs.Id(clusterEvent.Id) + ")." : clusterEvent.Description!,
                clusterEvent.Fields,
                "EventId",
                clusterEvent.Id,
                Docs.IsProvisional(clusterEvent.Maturity, clusterEvent.Conformance),
                Docs.IsDeprecated(clusterEvent.Maturity, clusterEvent.Conformance),
                AddFabricIndex: false);
            RecordEmitter.Emit(writer, spec, mapper, cancellationToken);
            writer.Line();
        }

        var memberNames = ClusterMemberNames.Of(unit, mapper);
        AttributeCodecEmitter.Emit(writer, cluster, mapper, memberNames, cancellationToken);
        writer.Line();
        MetadataEmitter.Emit(writer, cluster, mapper, memberNames, cancellationToken);
        writer.Line();
        Client.ClientEmitter.Emit(writer, unit, mapper, memberNames, "global::" + settings.RootNamespace + "." + unit.TypeName, cancellationToken);
        writer.Close();
        return writer.ToString();
    }

    /// <summary>
    /// The type mapper for code that refers to a cluster's emitted types (the feature-specialized server code
    /// uses it too, so both name every type the same way).
    /// </summary>
    internal static TypeMapper MapperFor(ClusterUnit unit, GeneratorSettings settings, ClusterNames names) => new(
        unit.LocalTypes.Select(t => (t, "global::" + settings.RootNamespace + "." + unit.TypeName + "." + names.Types[t.Name])),
        unit.GlobalTypes,
        settings.RootNamespace);

    /// <summary>The record spec of a struct type.</summary>
    internal static RecordSpec StructSpec(DataTypeModel type, string typeName) => new(
        typeName,
        string.IsNullOrWhiteSpace(type.Description) ? "The " + type.Name + " struct." : type.Description!,
        type.Fields,
        null,
        0,
        Docs.IsProvisional(type.Maturity),
        Docs.IsDeprecated(type.Maturity),
        type.IsFabricScoped);

    private static void EmitFeatures(CodeWriter writer, ClusterModel cluster, CancellationToken cancellationToken)
    {
        writer.Line("/// <summary>The cluster's features: the bits of its FeatureMap attribute.</summary>");
        writer.Line("[global::System.Flags]");
        writer.Line(Docs.GeneratedCode);
        writer.Block("public enum Feature : uint");
        writer.Line("/// <summary>No feature.</summary>");
        writer.Line("None = 0,");
        var scope = new NameScope(new[] { "Feature", "None" }.Concat(NameScope.ObjectMembers).Concat(new[] { "value__", "CompareTo", "GetTypeCode", "HasFlag" }));
        foreach (var feature in cluster.Features.OrderBy(f => f.Bit))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (feature.Bit is < 0 or > 31)
            {
                continue;
            }

            writer.Line();
            var summary = feature.Code + ": " + (feature.Summary ?? feature.Name) + ". Conformance: " + ConformanceText.Render(feature.Conformance) + ".";
            Docs.Summary(writer, summary, summary);
            if (ConformanceText.IsProvisional(feature.Conformance))
            {
                writer.Line("/// <remarks>Provisional in the Matter specification: it may change or be removed in a later revision.</remarks>");
                writer.Line(Docs.ProvisionalAttribute);
            }

            writer.Line(scope.Claim(Identifier.FromName(feature.Name)) + " = " + Literals.Hex(1UL << feature.Bit, 8) + ",");
        }

        writer.Close();
        writer.Line();
    }
}
