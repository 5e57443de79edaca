using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace MatterGen.Commissioning.Discovery;

/// <summary>An interface the responder serves: its index and its unicast addresses (link-local IPv6 included).</summary>
/// <param name="Name">The interface name.</param>
/// <param name="Index">The OS interface index.</param>
/// <param name="IPv4">Its IPv4 addresses.</param>
/// <param name="IPv6">Its IPv6 addresses.</param>
public sealed record MdnsInterface(string Name, int Index, IReadOnlyList<IPAddress> IPv4, IReadOnlyList<IPAddress> IPv6)
{
    /// <summary>Every address of the interface, IPv4 first.</summary>
    public IEnumerable<IPAddress> Addresses => IPv4.Concat(IPv6);

    /// <summary>The interfaces that are up and support multicast, optionally only those named.</summary>
    public static IReadOnlyList<MdnsInterface> Find(IReadOnlyList<string> names)
    {
        var found = new List<MdnsInterface>();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            // Linux reports the loopback interface's state as Unknown.
            if (nic.OperationalStatus is not (OperationalStatus.Up or OperationalStatus.Unknown) || !nic.SupportsMulticast
                || (names.Count > 0 && !names.Contains(nic.Name, StringComparer.Ordinal)))
            {
                continue;
            }

            var properties = nic.GetIPProperties();
            var index = TryIndex(() => properties.GetIPv4Properties()?.Index) ?? TryIndex(() => properties.GetIPv6Properties()?.Index);
            if (index is null)
            {
                continue;
            }

            var addresses = properties.UnicastAddresses.Select(a => a.Address).ToList();
            found.Add(new MdnsInterface(
                nic.Name,
                index.Value,
                addresses.Where(a => a.AddressFamily == AddressFamily.InterNetwork).ToList(),
                addresses.Where(a => a.AddressFamily == AddressFamily.InterNetworkV6).Select(a => new IPAddress(a.GetAddressBytes())).ToList()));
        }

        return found;
    }

    private static int? TryIndex(Func<int?> read)
    {
        try
        {
            return read();
        }
        catch (NetworkInformationException)
        {
            return null;
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }
}
