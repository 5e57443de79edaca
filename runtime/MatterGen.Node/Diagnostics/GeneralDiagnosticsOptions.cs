using System;
using System.Collections.Generic;
using MatterGen.Node.Clusters;

namespace MatterGen.Node.Diagnostics;

/// <summary>What a node's General Diagnostics reports and whether it accepts test event triggers.</summary>
public sealed class GeneralDiagnosticsOptions
{
    /// <summary>The length of a test event trigger enable key, in bytes.</summary>
    public const int EnableKeyLength = 16;

    /// <summary>
    /// The 16-byte key that TestEventTrigger must carry. Null (the default) or all zeros: test event triggers are
    /// disabled, TestEventTriggersEnabled reads false and every TestEventTrigger is refused, as a production device must have it.
    /// </summary>
    public byte[]? TestEventTriggerEnableKey { get; init; }

    /// <summary>Why the node started (BootReason attribute and event).</summary>
    public GeneralDiagnostics.BootReasonEnum BootReason { get; init; } = GeneralDiagnostics.BootReasonEnum.Unspecified;

    /// <summary>The node's network interfaces; null reads the host's (loopback left out, at most 8).</summary>
    public Func<IReadOnlyList<GeneralDiagnostics.NetworkInterface>>? NetworkInterfaces { get; init; }

    /// <summary>Whether the UTC clock is synchronized; TimeSnapshot gives no UTC time while it is not.</summary>
    public Func<bool> IsTimeSynchronized { get; init; } = static () => true;

    /// <summary>Parses a key written as 32 hexadecimal digits (as test harnesses pass it), or null for none.</summary>
    /// <exception cref="FormatException">Not 32 hexadecimal digits.</exception>
    public static byte[]? ParseEnableKey(string? hex)
    {
        if (string.IsNullOrWhiteSpace(hex))
        {
            return null;
        }

        var key = Convert.FromHexString(hex.Trim());
        return key.Length == EnableKeyLength ? key : throw new FormatException($"A test event trigger enable key is {EnableKeyLength} bytes ({EnableKeyLength * 2} hex digits), was {key.Length}.");
    }
}
