using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Naming;

/// <summary>
/// The C# names of the types nested in a cluster class, chosen so none collides with another, with the
/// cluster class itself (CS0542) or with its fixed members. First come first served, in a fixed order:
/// local types, then commands, then events; a later name that is taken gets a numeric suffix.
/// Value-equal, so a cluster's plan (which holds them) can be cached between generator runs.
/// </summary>
internal sealed record ClusterNames
{
    /// <summary>Names of the fixed members every cluster class has (the emitter writes them); nested types never take them.</summary>
    internal static readonly string[] FixedMembers =
    {
        "ClusterId", "ClusterName", "ClusterRevision", "Feature", "Attributes", "Commands", "Events", "AttributeCodecs", "Client",
    };

    private ClusterNames(EquatableMap<string, string> types, EquatableArray<string> commands, EquatableArray<string> events)
    {
        Types = types;
        Commands = commands;
        Events = events;
    }

    /// <summary>Local type name as written → C# name.</summary>
    public EquatableMap<string, string> Types { get; }

    /// <summary>The payload record's C# name of each command, by position in the cluster's command list.</summary>
    public EquatableArray<string> Commands { get; }

    /// <summary>The payload record's C# name of each event, by position in the cluster's event list.</summary>
    public EquatableArray<string> Events { get; }

    /// <summary>Chooses every nested type's name.</summary>
    public static ClusterNames Assign(ClusterUnit unit)
    {
        var scope = new NameScope(new[] { unit.TypeName }.Concat(FixedMembers).Concat(NameScope.ObjectMembers));
        var named = new HashSet<string>(System.StringComparer.Ordinal);
        var types = new List<(string Name, string CSharp)>();
        foreach (var type in unit.LocalTypes)
        {
            if (named.Add(type.Name))
            {
                types.Add((type.Name, scope.Claim(Identifier.FromName(type.Name))));
            }
        }

        var commands = new List<string>();
        foreach (var command in unit.Cluster.Commands)
        {
            var name = Identifier.FromName(command.Name);
            if (command.Direction == CommandDirection.ClientToServer && !name.EndsWith("Request", System.StringComparison.Ordinal))
            {
                name += "Request";
            }

            commands.Add(scope.Claim(name));
        }

        var events = new List<string>();
        foreach (var clusterEvent in unit.Cluster.Events)
        {
            var name = Identifier.FromName(clusterEvent.Name);
            events.Add(scope.Claim(name.EndsWith("Event", System.StringComparison.Ordinal) ? name : name + "Event"));
        }

        return new ClusterNames(
            EquatableMap<string, string>.FirstWins(types),
            commands.ToEquatableArray(),
            events.ToEquatableArray());
    }
}
