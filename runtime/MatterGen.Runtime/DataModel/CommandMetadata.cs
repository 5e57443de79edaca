namespace MatterGen.DataModel;

/// <summary>What the specification says about one command of a cluster.</summary>
/// <param name="Id">Command id.</param>
/// <param name="Name">Name as the specification writes it.</param>
/// <param name="Direction">Request (client to server) or response (server to client).</param>
/// <param name="ResponseId">For a request, the id of its response command; null when the response is a status.</param>
/// <param name="InvokePrivilege">Privilege needed to invoke.</param>
/// <param name="MustUseTimedInvoke">Invocations must be timed.</param>
/// <param name="IsFabricScoped">The command is fabric-scoped.</param>
/// <param name="Conformance">Conformance in the specification's notation.</param>
/// <param name="IsProvisional">The specification calls it provisional.</param>
public sealed record CommandMetadata(
    uint Id,
    string Name,
    CommandDirection Direction,
    uint? ResponseId,
    Privilege InvokePrivilege,
    bool MustUseTimedInvoke,
    bool IsFabricScoped,
    string Conformance,
    bool IsProvisional);
