using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;
using MatterGen.Generator.Specialization;

namespace MatterGen.Generator.Pipeline;

/// <summary>Finds the cluster a server declaration names, specializes it, and hands it its cluster's plan.</summary>
internal static class ServerStage
{
    public static SpecializationResult Specialize(ServerDeclaration declaration, EquatableArray<ClusterUnit> clusters, CancellationToken cancellationToken, bool strictConformance = false)
    {
        if (!declaration.IsPartial)
        {
            return Failure(DiagnosticInfo.Create(DiagnosticIds.ServerTypeNotPartial, declaration.Position, declaration.TypeName));
        }

        var unit = Find(clusters, declaration.ClusterName);
        if (unit is null)
        {
            return Failure(DiagnosticInfo.Create(DiagnosticIds.UnknownCluster, declaration.Position, declaration.ClusterName));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ServerSpecializer.Specialize(declaration, unit, strictConformance);
    }

    /// <summary>
    /// The specialization with the plan of its cluster and the plan of the server's members (none when there is
    /// no specialized cluster).
    /// </summary>
    public static ServerPlan WithPlan(SpecializationResult specialization, ImmutableArray<ClusterPlan> plans)
    {
        if (specialization.Cluster is not { } cluster)
        {
            return new ServerPlan(specialization, null, null);
        }

        foreach (var plan in plans)
        {
            if (string.Equals(plan.Unit.TypeName, cluster.Unit.TypeName, StringComparison.Ordinal) && plan.Unit.Equals(cluster.Unit))
            {
                return new ServerPlan(specialization, plan, ServerMemberPlan.For(cluster, plan));
            }
        }

        return new ServerPlan(specialization, null, null);
    }

    /// <summary>A cluster by name (case-insensitive, spaces ignored), by C# type name, or by id (<c>0x0099</c> or <c>153</c>).</summary>
    public static ClusterUnit? Find(EquatableArray<ClusterUnit> clusters, string nameOrId)
    {
        var wanted = Normalize(nameOrId);
        var id = TryParseId(nameOrId.Trim());
        foreach (var unit in clusters)
        {
            if (Normalize(unit.Cluster.Name) == wanted
                || string.Equals(unit.TypeName, nameOrId.Trim(), StringComparison.OrdinalIgnoreCase)
                || (id is { } value && unit.Cluster.Code == value))
            {
                return unit;
            }
        }

        return null;
    }

    private static uint? TryParseId(string text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(text.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
        {
            return hex;
        }

        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static string Normalize(string name) => name.Replace(" ", string.Empty).Replace("/", string.Empty).ToUpperInvariant();

    private static SpecializationResult Failure(DiagnosticInfo diagnostic) =>
        new(null, EquatableArray.From(new[] { diagnostic }));
}
