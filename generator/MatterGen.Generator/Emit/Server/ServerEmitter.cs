using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// Emits the user's <c>[MatterServer]</c> type as a <c>ClusterServer</c>: the specialization's fixed feature
/// map and global lists, its description, typed storage for exactly the attributes present, reads and writes
/// by id through the cluster's codecs, command dispatch to the generated driver interface, and typed event
/// emitters.
/// </summary>
internal static class ServerEmitter
{
    /// <summary>Ids of the global attributes every server has (Matter Core Specification 7.13).</summary>
    private static readonly uint[] GlobalAttributeIds = { 0xFFF8, 0xFFF9, 0xFFFB, 0xFFFC, 0xFFFD };

    /// <summary>The hint name of a server type's file: stable and unique per type.</summary>
    public static string HintName(ServerDeclaration declaration)
    {
        var parts = new List<string>();
        if (declaration.Namespace is not null)
        {
            parts.Add(declaration.Namespace);
        }

        parts.AddRange(declaration.ContainingTypes.Select(container => container.Split(' ').Last()));
        parts.Add(declaration.TypeName);
        return string.Join(".", parts) + ".MatterServer.g.cs";
    }

    /// <summary>The C# source of a server type, printed from its specialization, its cluster's plan and its own.</summary>
    public static string Emit(SpecializedCluster cluster, (ClusterPlan Cluster, ServerMemberPlan Members) plans, CancellationToken cancellationToken)
    {
        var declaration = cluster.Declaration;
        var (plan, members) = plans;
        var clusterClass = plan.ClassReference;
        var names = plan.Members;
        var driver = members.DriverMethods;

        var writer = new CodeWriter();
        FileHeader.Write(writer, declaration.Namespace);

        foreach (var container in declaration.ContainingTypes)
        {
            writer.Block(container);
        }

        var features = cluster.Features.Count == 0 ? "no features" : string.Join(", ", cluster.Features.Select(feature => feature.Name));
        Docs.Summary(writer, null, $"Server of the {cluster.Unit.Cluster.Name} cluster ({Docs.Id(cluster.Unit.Cluster.Code)}), specialized for {features}.");
        writer.Lines($$"""
            {{Docs.GeneratedCode}}
            partial class {{declaration.TypeName}} : {{Interaction}}ClusterServer
            {
            """);
        writer.Indent();

        WriteIdentity(writer, cluster, clusterClass);
        WriteGlobalLists(writer, cluster);

        var stored = members.Attributes;
        foreach (var held in stored)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AttributeStorageEmitter.Emit(writer, held);
        }

        DescriptionEmitter.Emit(writer, cluster, stored, names, clusterClass, driver.Count == 0 ? null : members.DriverInterface);
        AttributeAccessEmitter.Emit(writer, stored, clusterClass);
        DispatchEmitter.Emit(writer, members);
        EventEmitter.Emit(writer, members.EventEmitters);
        writer.Close();
        if (driver.Count != 0)
        {
            writer.Line();
            DriverEmitter.Emit(writer, cluster, members);
        }

        foreach (var _ in declaration.ContainingTypes)
        {
            writer.Close();
        }

        return writer.ToString();
    }

    private static void WriteIdentity(CodeWriter writer, SpecializedCluster cluster, string clusterClass) =>
        writer.Lines($$"""
            /// <summary>The cluster's id.</summary>
            public const uint ClusterId = {{clusterClass}}.ClusterId;

            /// <summary>The ClusterRevision attribute (0xFFFD).</summary>
            public const ushort ClusterRevision = {{clusterClass}}.ClusterRevision;

            /// <summary>The FeatureMap attribute (0xFFFC), fixed at compile time.</summary>
            public const uint FeatureMap = {{Literals.Hex(cluster.FeatureMap, 2)}};

            /// <summary>The features this server has.</summary>
            public static {{clusterClass}}.Feature Features => ({{clusterClass}}.Feature)FeatureMap;

            """);

    private static void WriteGlobalLists(CodeWriter writer, SpecializedCluster cluster)
    {
        var attributeIds = cluster.Attributes.Select(attribute => attribute.Id).Concat(GlobalAttributeIds);
        WriteIdList(writer, "AttributeList", "The AttributeList attribute (0xFFFB): every attribute this server has, global ones included.", attributeIds);
        WriteIdList(writer, "AcceptedCommandList", "The AcceptedCommandList attribute (0xFFF9): the requests this server accepts.", cluster.AcceptedCommands.Select(command => command.Id));
        WriteIdList(writer, "GeneratedCommandList", "The GeneratedCommandList attribute (0xFFF8): the responses this server sends.", cluster.GeneratedCommands.Select(command => command.Id));
        WriteIdList(writer, "EventList", "The EventList: the events this server can emit.", cluster.Events.Select(clusterEvent => clusterEvent.Id));
    }

    private static void WriteIdList(CodeWriter writer, string name, string summary, IEnumerable<uint> ids) =>
        writer.Lines($$"""
            /// <summary>{{summary}}</summary>
            public static global::System.Collections.Generic.IReadOnlyList<uint> {{name}} { get; } = new uint[] { {{string.Join(", ", ids.Select(id => Literals.Hex(id)))}} };

            """);
}
