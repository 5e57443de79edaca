namespace MatterGen.DataModel;

/// <summary>What the specification says about one event of a cluster.</summary>
/// <param name="Id">Event id.</param>
/// <param name="Name">Name as the specification writes it.</param>
/// <param name="Priority">Priority.</param>
/// <param name="ReadPrivilege">Privilege needed to read.</param>
/// <param name="IsFabricSensitive">The event is fabric-sensitive.</param>
/// <param name="Conformance">Conformance in the specification's notation.</param>
/// <param name="IsProvisional">The specification calls it provisional.</param>
public sealed record EventMetadata(
    uint Id,
    string Name,
    EventPriority Priority,
    Privilege ReadPrivilege,
    bool IsFabricSensitive,
    string Conformance,
    bool IsProvisional);
