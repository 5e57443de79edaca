using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Emits the complete C# view of one cluster: a static partial class with its ids, feature flags, enums,
/// bitmaps, structs, command and event payload records with TLV codecs, per-attribute codecs, metadata and
/// a typed <c>Client</c>.
/// </summary>
internal static class ClusterEmitter
{
    /// <summary>The hint name of a cluster's file.</summary>
    public static string HintName(ClusterUnit unit, GeneratorSettings settings) =>
        settings.RootNamespace + "." + unit.TypeName + ".g.cs";

    /// <summary>The C# source of a cluster, printed from its plan.</summary>
    public static string Emit(ClusterPlan plan, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        var unit = plan.Unit;
        var cluster = unit.Cluster;

        var writer = new CodeWriter();
        FileHeader.Write(writer, settings);
        Docs.Summary(writer, cluster.Description, "The " + cluster.Name + " cluster.");
        var note = "Cluster " + Docs.Id(cluster.Code) + ", revision " + cluster.Revision.ToString(CultureInfo.InvariantCulture) + ".";
        Docs.Maturity(writer, MaturityMarks.IsProvisional(cluster.Maturity), MaturityMarks.IsDeprecated(cluster.Maturity), note: note);
        writer.Lines($$"""
            {{Docs.GeneratedCode}}
            public static partial class {{unit.TypeName}}
            {
                /// <summary>The cluster id.</summary>
                public const uint ClusterId = {{Literals.Hex(cluster.Code)}};

                /// <summary>The cluster's name as the specification writes it.</summary>
                public const string ClusterName = {{Literals.String(cluster.Name)}};

                /// <summary>The cluster revision this code was generated from (the ClusterRevision attribute's value).</summary>
                public const ushort ClusterRevision = {{((ushort)cluster.Revision).ToString(CultureInfo.InvariantCulture)}};

            """);
        writer.Indent();
        EmitFeatures(writer, plan.Features, cancellationToken);

        var emittedTypes = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var type in unit.LocalTypes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!emittedTypes.Add(type.Name))
            {
                continue;
            }

            if (type.Kind == DataTypeKind.Struct)
            {
                RecordEmitter.Emit(writer, plan.Struct(type));
            }
            else
            {
                EnumEmitter.Emit(writer, plan.Enum(type), cancellationToken);
            }

            writer.Line();
        }

        foreach (var record in plan.Commands.Concat(plan.Events))
        {
            cancellationToken.ThrowIfCancellationRequested();
            RecordEmitter.Emit(writer, record);
            writer.Line();
        }

        AttributeCodecEmitter.Emit(writer, plan, cancellationToken);
        writer.Line();
        MetadataEmitter.Emit(writer, cluster, plan.Mapper, plan.Members, cancellationToken);
        writer.Line();
        Client.ClientEmitter.Emit(writer, plan, cancellationToken);
        writer.Close();
        return writer.ToString();
    }

    private static void EmitFeatures(CodeWriter writer, EquatableArray<FeatureFlagPlan> features, CancellationToken cancellationToken)
    {
        writer.Lines($$"""
            /// <summary>The cluster's features: the bits of its FeatureMap attribute.</summary>
            [global::System.Flags]
            {{Docs.GeneratedCode}}
            public enum Feature : uint
            {
                /// <summary>No feature.</summary>
                None = 0,
            """);
        writer.Indent();
        foreach (var flag in features)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var feature = flag.Feature;
            writer.Line();
            var summary = feature.Code + ": " + (feature.Summary ?? feature.Name) + ". Conformance: " + ConformanceText.Render(feature.Conformance) + ".";
            Docs.Summary(writer, summary, summary);
            if (MaturityMarks.IsProvisional(feature.Conformance))
            {
                writer.Line("/// <remarks>Provisional in the Matter specification: it may change or be removed in a later revision.</remarks>");
                writer.Line(Docs.ProvisionalAttribute);
            }

            writer.Line(flag.Name + " = " + Literals.Hex(1UL << feature.Bit, 8) + ",");
        }

        writer.Close();
        writer.Line();
    }
}
