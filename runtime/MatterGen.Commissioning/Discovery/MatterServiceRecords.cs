using System;
using System.Collections.Generic;
using System.Globalization;
using MatterGen.Commissioning.Discovery.Wire;

namespace MatterGen.Commissioning.Discovery;

/// <summary>
/// The DNS-SD records of Matter's advertisements (Matter Core 4.3): <c>_matterc._udp</c> with the <c>_L</c>, <c>_S</c>,
/// <c>_V</c>, <c>_T</c> and <c>_CM</c> subtypes, and <c>_matter._tcp</c> with the <c>_I</c> subtype. TTLs follow RFC 6762
/// section 10: 120 s for records that name a host (SRV, and A/AAAA elsewhere), 75 minutes for the others.
/// </summary>
public static class MatterServiceRecords
{
    /// <summary>The commissionable service type.</summary>
    public const string CommissionableService = "_matterc._udp.local";

    /// <summary>The operational service type.</summary>
    public const string OperationalService = "_matter._tcp.local";

    /// <summary>The DNS-SD service type enumeration name (RFC 6763 section 9).</summary>
    public const string ServiceEnumeration = "_services._dns-sd._udp.local";

    /// <summary>The TTL of SRV, A and AAAA records.</summary>
    public static readonly TimeSpan HostRecordTtl = TimeSpan.FromSeconds(120);

    /// <summary>The TTL of PTR and TXT records.</summary>
    public static readonly TimeSpan OtherRecordTtl = TimeSpan.FromMinutes(75);

    /// <summary>The records of a commissionable advertisement served by <paramref name="hostName"/> (a name under <c>.local</c>).</summary>
    public static MdnsServiceInstance Commissionable(CommissionableAdvertisement advertisement, string hostName)
    {
        ArgumentNullException.ThrowIfNull(advertisement);
        advertisement.Validate();
        var instance = $"{advertisement.InstanceName}.{CommissionableService}";
        var subtypes = new List<string>
        {
            $"_L{advertisement.Discriminator.ToString(CultureInfo.InvariantCulture)}",
            $"_S{(advertisement.Discriminator >> 8).ToString(CultureInfo.InvariantCulture)}",
            $"_V{advertisement.VendorId.ToString(CultureInfo.InvariantCulture)}",
        };
        if (advertisement.DeviceType is { } deviceType)
        {
            subtypes.Add($"_T{deviceType.ToString(CultureInfo.InvariantCulture)}");
        }

        if (advertisement.CommissioningMode != 0)
        {
            subtypes.Add("_CM");
        }

        var text = new List<KeyValuePair<string, string>>
        {
            new("D", Number(advertisement.Discriminator)),
            new("CM", Number(advertisement.CommissioningMode)),
            new("VP", $"{Number(advertisement.VendorId)}+{Number(advertisement.ProductId)}"),
        };
        AddIf(text, "DT", advertisement.DeviceType);
        if (advertisement.DeviceName is { } name)
        {
            text.Add(new("DN", name));
        }

        AddIf(text, "PH", advertisement.PairingHint);
        if (advertisement.PairingInstruction is { } instruction)
        {
            text.Add(new("PI", instruction));
        }

        AddTiming(text, advertisement.Timing, advertisement.TcpSupport, advertisement.IntermittentlyConnected);
        return Build(CommissionableService, instance, subtypes, advertisement.Port, hostName, text);
    }

    /// <summary>The records of an operational advertisement served by <paramref name="hostName"/>.</summary>
    public static MdnsServiceInstance Operational(OperationalAdvertisement advertisement, string hostName)
    {
        ArgumentNullException.ThrowIfNull(advertisement);
        advertisement.Timing.Validate();
        var instance = $"{advertisement.InstanceName}.{OperationalService}";
        var text = new List<KeyValuePair<string, string>>();
        AddTiming(text, advertisement.Timing, advertisement.TcpSupport, advertisement.IntermittentlyConnected);
        return Build(OperationalService, instance, [$"_I{advertisement.CompressedFabricId:X16}"], advertisement.Port, hostName, text);
    }

    private static MdnsServiceInstance Build(string service, string instance, IEnumerable<string> subtypes, ushort port, string hostName, List<KeyValuePair<string, string>> text)
    {
        var records = new List<DnsRecord>
        {
            DnsRecord.Pointer(ServiceEnumeration, service, OtherRecordTtl),
            DnsRecord.Pointer(service, instance, OtherRecordTtl),
        };
        foreach (var subtype in subtypes)
        {
            records.Add(DnsRecord.Pointer($"{subtype}._sub.{service}", instance, OtherRecordTtl));
        }

        records.Add(DnsRecord.Service(instance, port, hostName, HostRecordTtl));
        records.Add(DnsRecord.Text(instance, text, OtherRecordTtl));
        return new MdnsServiceInstance(instance, records);
    }

    private static void AddTiming(List<KeyValuePair<string, string>> text, SessionTiming timing, byte? tcp, byte? icd)
    {
        AddIf(text, "SII", Milliseconds(timing.IdleInterval));
        AddIf(text, "SAI", Milliseconds(timing.ActiveInterval));
        AddIf(text, "SAT", Milliseconds(timing.ActiveThreshold));
        AddIf(text, "T", tcp);
        AddIf(text, "ICD", icd);
    }

    private static uint? Milliseconds(TimeSpan? interval) => interval is { } value ? (uint)value.TotalMilliseconds : null;

    private static void AddIf<T>(List<KeyValuePair<string, string>> text, string key, T? value)
        where T : struct, IFormattable
    {
        if (value is { } present)
        {
            text.Add(new(key, present.ToString(null, CultureInfo.InvariantCulture)));
        }
    }

    private static string Number<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
