using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Planning;

/// <summary>
/// What every emitter of one cluster needs resolved, computed once: the C# names of its nested types and
/// members, the mapping of its Matter types to C#, its records (structs, command and event payloads) with
/// their fields' names, types and shapes, its enums, bitmaps and feature flags with their members' names, and its client's methods. The cluster file and each feature-specialized server of the cluster
/// receive the same plan from the pipeline's <c>PlanCluster</c> step, so both name every type and member the
/// same way and a server edit never plans its cluster again. Value-equal (every member is), so the step caches it.
/// </summary>
internal sealed record ClusterPlan
{
    private readonly EquatableMap<string, RecordPlan> structs;
    private readonly EquatableMap<string, EnumPlan> enums;

    private ClusterPlan(
        ClusterUnit unit,
        string classReference,
        ClusterNames types,
        TypeMapper mapper,
        ClusterMemberNames members,
        EquatableMap<string, RecordPlan> structs,
        EquatableMap<string, EnumPlan> enums,
        EquatableArray<FeatureFlagPlan> features,
        EquatableArray<RecordPlan> commands,
        EquatableArray<RecordPlan> events,
        EquatableArray<AttributePlan> attributes,
        ClientPlan client)
    {
        Unit = unit;
        ClassReference = classReference;
        Types = types;
        Mapper = mapper;
        Members = members;
        this.structs = structs;
        this.enums = enums;
        Features = features;
        Commands = commands;
        Events = events;
        Attributes = attributes;
        Client = client;
    }

    /// <summary>The cluster.</summary>
    public ClusterUnit Unit { get; }

    /// <summary>The cluster class, fully qualified (<c>global::MatterGen.Clusters.EnergyEvse</c>).</summary>
    public string ClassReference { get; }

    /// <summary>The C# names of the cluster's nested types and payload records.</summary>
    public ClusterNames Types { get; }

    /// <summary>Matter type names to C# types, local names first.</summary>
    public TypeMapper Mapper { get; }

    /// <summary>The names of the metadata members, attribute codecs and payload records.</summary>
    public ClusterMemberNames Members { get; }

    /// <summary>The bits of the cluster's <c>Feature</c> enum, in bit order.</summary>
    public EquatableArray<FeatureFlagPlan> Features { get; }

    /// <summary>The payload record of each command, by position in the cluster's command list.</summary>
    public EquatableArray<RecordPlan> Commands { get; }

    /// <summary>The payload record of each event, by position in the cluster's event list.</summary>
    public EquatableArray<RecordPlan> Events { get; }

    /// <summary>Each attribute with its codec, by position in the cluster's attribute list.</summary>
    public EquatableArray<AttributePlan> Attributes { get; }

    /// <summary>The methods of the cluster's <c>Client</c> class: names, C# types, codecs.</summary>
    public ClientPlan Client { get; }

    /// <summary>The record of one of the cluster's local structs.</summary>
    public RecordPlan Struct(DataTypeModel type) => structs[type.Name];

    /// <summary>The plan of one of the cluster's local enums or bitmaps.</summary>
    public EnumPlan Enum(DataTypeModel type) => enums[type.Name];

    /// <summary>The payload record of a command of the cluster.</summary>
    public RecordPlan Command(CommandModel command)
    {
        var commands = Unit.Cluster.Commands;
        for (var i = 0; i < commands.Count; i++)
        {
            if (commands[i].Id == command.Id && commands[i].Direction == command.Direction)
            {
                return Commands[i];
            }
        }

        throw new KeyNotFoundException("The cluster has no command " + command.Name);
    }

    /// <summary>Resolves the plan of <paramref name="unit"/> for code in <paramref name="settings"/>' namespace.</summary>
    public static ClusterPlan For(ClusterUnit unit, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        var cluster = unit.Cluster;
        var classReference = "global::" + settings.RootNamespace + "." + unit.TypeName;
        var types = ClusterNames.Assign(unit);
        var mapper = new TypeMapper(
            unit.LocalTypes.Select(type => (type, classReference + "." + types.Types[type.Name])),
            unit.GlobalTypes,
            settings.RootNamespace);
        var members = ClusterMemberNames.Of(unit, types, type => mapper.Map(type.Name) is not null);

        var structs = EquatableMap<string, RecordPlan>.FirstWins(unit.LocalTypes
            .Where(type => type.Kind == DataTypeKind.Struct)
            .GroupBy(type => type.Name, System.StringComparer.Ordinal)
            .Select(group => (group.Key, RecordPlan.Resolve(RecordSpec.ForStruct(group.First(), types.Types[group.Key]), mapper, cancellationToken))));

        var enums = EquatableMap<string, EnumPlan>.FirstWins(unit.LocalTypes
            .Where(type => type.Kind != DataTypeKind.Struct)
            .GroupBy(type => type.Name, System.StringComparer.Ordinal)
            .Select(group => (group.Key, EnumPlan.Resolve(group.First(), types.Types[group.Key]))));

        var commands = cluster.Commands
            .Select((command, i) => RecordPlan.Resolve(RecordSpec.ForCommand(command, types.Commands[i]), mapper, cancellationToken))
            .ToEquatableArray();
        var events = cluster.Events
            .Select((clusterEvent, i) => RecordPlan.Resolve(RecordSpec.ForEvent(clusterEvent, types.Events[i]), mapper, cancellationToken))
            .ToEquatableArray();
        var attributes = cluster.Attributes.Select((attribute, i) => AttributePlan.Resolve(attribute, i, mapper, members)).ToEquatableArray();
        return new ClusterPlan(unit, classReference, types, mapper, members, structs, enums, FeatureFlagPlan.Resolve(cluster.Features), commands, events,
            attributes, ClientPlan.Of(unit, classReference, members, attributes));
    }
}
