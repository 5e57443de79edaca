using System;

namespace MatterGen.Interaction;

/// <summary>The outcome of reading one attribute: a status and, on success, its TLV value and data version.</summary>
/// <param name="Status">The status.</param>
/// <param name="Value">The value as one anonymous TLV element; empty unless <see cref="Status"/> is success.</param>
/// <param name="DataVersion">The cluster's data version when read.</param>
public readonly record struct AttributeReadResult(MatterStatus Status, ReadOnlyMemory<byte> Value, uint DataVersion);

/// <summary>The outcome of invoking a command: a status, or the response command's id and fields.</summary>
/// <param name="Status">The status; success with a response, or the status of a command without one.</param>
/// <param name="ResponseCommandId">The response command's id when there is a response.</param>
/// <param name="Response">The response's fields as an anonymous TLV structure; empty when there is none.</param>
/// <param name="ClusterStatus">A cluster-specific status, if the server gave one.</param>
public readonly record struct InvokeResult(MatterStatus Status, uint? ResponseCommandId, ReadOnlyMemory<byte> Response, byte? ClusterStatus = null)
{
    /// <summary>A command answered with a status and no response.</summary>
    public static InvokeResult FromStatus(MatterStatus status, byte? clusterStatus = null) => new(status, null, ReadOnlyMemory<byte>.Empty, clusterStatus);
}
