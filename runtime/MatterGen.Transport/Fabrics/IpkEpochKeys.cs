using System;
using System.Collections.Generic;
using System.Linq;

namespace MatterGen.Transport.Fabrics;

/// <summary>
/// A fabric's identity protection key set (group key set 0, Core Specification 4.17.3 and 11.2): one to three epoch
/// keys, oldest first, and the operational IPKs derived from them with the compressed fabric id. Immutable, so CASE
/// reads one consistent set while KeySetWrite replaces it.
/// </summary>
internal sealed class IpkEpochKeys
{
    /// <summary>The most epoch keys a key set holds.</summary>
    public const int MaxKeys = 3;

    /// <summary>An epoch key is this long.</summary>
    public const int KeyLength = 16;

    private IpkEpochKeys(byte[][] epochKeys, byte[][] operationalKeys)
    {
        EpochKeys = epochKeys;
        OperationalKeys = operationalKeys;
    }

    /// <summary>The epoch keys, oldest start time first.</summary>
    public IReadOnlyList<byte[]> EpochKeys { get; }

    /// <summary>The operational IPK of each epoch key, in the same order: a responder accepts a destination id made with any.</summary>
    public IReadOnlyList<byte[]> OperationalKeys { get; }

    /// <summary>
    /// The operational IPK an initiator uses: the single one, or with several the one before the newest — the
    /// current key of a rotation whose newest key is still being distributed (what connectedhomeip's initiator does).
    /// </summary>
    public byte[] InitiatorKey => OperationalKeys[OperationalKeys.Count > 1 ? OperationalKeys.Count - 2 : 0];

    /// <summary>Copies and checks the epoch keys (oldest first) and derives their operational keys.</summary>
    /// <exception cref="ArgumentException">Not one to three keys, or a key not 16 bytes long.</exception>
    public static IpkEpochKeys Create(IReadOnlyList<ReadOnlyMemory<byte>> epochKeys, ReadOnlySpan<byte> compressedFabricId)
    {
        ArgumentNullException.ThrowIfNull(epochKeys);
        if (epochKeys.Count is < 1 or > MaxKeys)
        {
            throw new ArgumentException($"An IPK key set has 1 to {MaxKeys} epoch keys.", nameof(epochKeys));
        }

        if (epochKeys.Any(key => key.Length != KeyLength))
        {
            throw new ArgumentException($"An IPK epoch key has {KeyLength} bytes.", nameof(epochKeys));
        }

        var copies = epochKeys.Select(key => key.ToArray()).ToArray();
        var derived = new byte[copies.Length][];
        for (var i = 0; i < copies.Length; i++)
        {
            derived[i] = FabricKeys.OperationalGroupKey(copies[i], compressedFabricId);
        }

        return new IpkEpochKeys(copies, derived);
    }
}
