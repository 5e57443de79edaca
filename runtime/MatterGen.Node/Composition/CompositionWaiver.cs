namespace MatterGen.Node.Composition;

/// <summary>
/// A mandatory cluster a node knowingly goes without, and why (for example a root-node cluster this repository
/// does not implement yet). A waiver for a cluster that is present is itself an error, so waivers cannot outlive
/// their reason.
/// </summary>
/// <param name="Endpoint">The endpoint the cluster is missing on.</param>
/// <param name="ClusterId">The missing cluster.</param>
/// <param name="Reason">Why it is missing.</param>
public sealed record CompositionWaiver(ushort Endpoint, uint ClusterId, string Reason);
