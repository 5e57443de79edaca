using System;

namespace MatterGen.Interaction;

/// <summary>
/// A Matter status as an exception: driver code throws it to answer a command with a status other than
/// success, and clients throw it when a server answers with one.
/// </summary>
public sealed class MatterStatusException : Exception
{
    /// <summary>Creates the exception for <paramref name="status"/>.</summary>
    /// <param name="status">The Interaction Model status; never <see cref="MatterStatus.Success"/>.</param>
    /// <param name="message">Why, for logs.</param>
    /// <param name="clusterStatus">A cluster-specific status code, where the cluster defines one.</param>
    public MatterStatusException(MatterStatus status, string? message = null, byte? clusterStatus = null)
        : base(message ?? $"Matter status {status} (0x{(byte)status:X2})")
    {
        Status = status;
        ClusterStatus = clusterStatus;
    }

    /// <summary>The Interaction Model status.</summary>
    public MatterStatus Status { get; }

    /// <summary>The cluster-specific status, if any.</summary>
    public byte? ClusterStatus { get; }
}
