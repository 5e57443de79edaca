using System.Collections.Generic;

namespace MatterGen.Commissioning.Discovery;

/// <summary>Where and as whom the mDNS responder answers.</summary>
public sealed record MdnsResponderOptions
{
    /// <summary>The interfaces to serve by name (for example <c>eth0</c>); empty serves every interface that is up and supports multicast.</summary>
    public IReadOnlyList<string> InterfaceNames { get; init; } = [];

    /// <summary>
    /// The host name under <c>.local</c> the SRV records point to. The specification derives it from the MAC address
    /// (12 or 16 upper-case hex digits); null makes a random 16-digit one for the responder's lifetime.
    /// </summary>
    public string? HostName { get; init; }

    /// <summary>The mDNS port; 5353 except in tests.</summary>
    public int Port { get; init; } = 5353;

    /// <summary>Whether to serve IPv6 (ff02::fb) besides IPv4 (224.0.0.251).</summary>
    public bool UseIPv6 { get; init; } = true;

    /// <summary>The most responses sent per second in all, so a flood of queries cannot turn the node into a flood.</summary>
    public int MaximumResponsesPerSecond { get; init; } = 100;
}
