using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using MatterGen.Node.Clusters;
using Interface = MatterGen.Node.Clusters.GeneralDiagnostics.NetworkInterface;

namespace MatterGen.Node.Diagnostics;

/// <summary>The host's network interfaces as General Diagnostics reports them, within the specification's limits.</summary>
internal static class HostNetworkInterfaces
{
    /// <summary>At most this many interfaces (NetworkInterfaces list maximum).</summary>
    public const int MaxInterfaces = 8;

    private const int MaxNameBytes = 32;
    private const int MaxIPv4Addresses = 4;
    private const int MaxIPv6Addresses = 8;

    /// <summary>Every interface but loopback, at most <see cref="MaxInterfaces"/>; none when the host will not say.</summary>
    public static IReadOnlyList<Interface> Read()
    {
        System.Net.NetworkInformation.NetworkInterface[] all;
        try
        {
            all = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (Exception exception) when (exception is NetworkInformationException or PlatformNotSupportedException)
        {
            return [];
        }

        var result = new List<Interface>();
        foreach (var nic in all)
        {
            if (nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            {
                continue;
            }

            try
            {
                result.Add(Describe(nic));
            }
            catch (Exception exception) when (exception is NetworkInformationException or PlatformNotSupportedException)
            {
                // An interface the host will not describe (it went away, or the platform cannot say) is left out.
                continue;
            }

            if (result.Count == MaxInterfaces)
            {
                break;
            }
        }

        return result;
    }

    private static Interface Describe(System.Net.NetworkInformation.NetworkInterface nic)
    {
        var ipv4 = new List<ReadOnlyMemory<byte>>();
        var ipv6 = new List<ReadOnlyMemory<byte>>();
        foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
        {
            var address = unicast.Address;
            if (address.AddressFamily == AddressFamily.InterNetwork && ipv4.Count < MaxIPv4Addresses)
            {
                ipv4.Add(address.GetAddressBytes());
            }
            else if (address.AddressFamily == AddressFamily.InterNetworkV6 && ipv6.Count < MaxIPv6Addresses)
            {
                ipv6.Add(address.GetAddressBytes());
            }
        }

        // EUI-48 or EUI-64; anything else (a tunnel's empty or odd address) is reported as none.
        var hardware = nic.GetPhysicalAddress().GetAddressBytes();
        return new Interface
        {
            Name = Truncate(nic.Name),
            IsOperational = nic.OperationalStatus == OperationalStatus.Up,
            OffPremiseServicesReachableIPv4 = null,
            OffPremiseServicesReachableIPv6 = null,
            HardwareAddress = hardware.Length is 6 or 8 ? hardware : Array.Empty<byte>(),
            IPv4Addresses = ipv4,
            IPv6Addresses = ipv6,
            Type = TypeOf(nic.NetworkInterfaceType),
        };
    }

    private static GeneralDiagnostics.InterfaceTypeEnum TypeOf(NetworkInterfaceType type) => type switch
    {
        NetworkInterfaceType.Ethernet or NetworkInterfaceType.Ethernet3Megabit or NetworkInterfaceType.FastEthernetT
            or NetworkInterfaceType.FastEthernetFx or NetworkInterfaceType.GigabitEthernet => GeneralDiagnostics.InterfaceTypeEnum.Ethernet,
        NetworkInterfaceType.Wireless80211 => GeneralDiagnostics.InterfaceTypeEnum.WiFi,
        NetworkInterfaceType.Wwanpp or NetworkInterfaceType.Wwanpp2 => GeneralDiagnostics.InterfaceTypeEnum.Cellular,
        _ => GeneralDiagnostics.InterfaceTypeEnum.Unspecified,
    };

    /// <summary>
    /// The name of the interface the node most likely talks on: the first one that is up and not loopback,
    /// Ethernet before any other kind; null when there is none or the host will not say.
    /// </summary>
    public static string? PrimaryName()
    {
        try
        {
            var up = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
                .Where(nic => nic.NetworkInterfaceType != NetworkInterfaceType.Loopback && nic.OperationalStatus == OperationalStatus.Up)
                .ToList();
            return (up.FirstOrDefault(nic => TypeOf(nic.NetworkInterfaceType) == GeneralDiagnostics.InterfaceTypeEnum.Ethernet) ?? up.FirstOrDefault())?.Name;
        }
        catch (Exception exception) when (exception is NetworkInformationException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    /// <summary>A name cut to at most 32 bytes of UTF-8, on a character boundary (the limit of interface names in the root clusters).</summary>
    public static string Truncate(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxNameBytes)
        {
            return name;
        }

        var builder = new StringBuilder();
        var bytes = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > MaxNameBytes)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }
}
