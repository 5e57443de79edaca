using System;
using System.Linq;
using System.Net;
using MatterGen.Commissioning.Discovery;
using MatterGen.Commissioning.Discovery.Wire;
using Xunit;

namespace MatterGen.Commissioning.Tests.Discovery;

public sealed class MatterServiceRecordsTests
{
    private const string Host = "AABBCCDDEEFF0011.local";

    internal static readonly CommissionableAdvertisement Window = new()
    {
        InstanceName = "0123456789ABCDEF",
        Discriminator = 3840,
        VendorId = 0xFFF1,
        ProductId = 0x8000,
        Port = 5540,
        DeviceType = 0x050C,
        DeviceName = "MatterGen EVSE",
        PairingHint = 33,
    };

    [Fact]
    public void Commissionable_records_have_the_service_and_every_subtype()
    {
        var instance = MatterServiceRecords.Commissionable(Window, Host);
        Assert.Equal("0123456789ABCDEF._matterc._udp.local", instance.FullName);
        var pointers = instance.Records.Where(r => r.Type == DnsRecordType.Ptr).ToDictionary(r => r.Name, r => r.Target);
        Assert.Equal("_matterc._udp.local", pointers["_services._dns-sd._udp.local"]);
        foreach (var name in new[] { "_matterc._udp.local", "_L3840._sub._matterc._udp.local", "_S15._sub._matterc._udp.local", "_V65521._sub._matterc._udp.local", "_T1292._sub._matterc._udp.local", "_CM._sub._matterc._udp.local" })
        {
            Assert.Equal(instance.FullName, pointers[name]);
        }

        Assert.All(instance.Records.Where(r => r.Type == DnsRecordType.Ptr), r => Assert.False(r.Unique));
        Assert.All(instance.Records.Where(r => r.Type is DnsRecordType.Srv or DnsRecordType.Txt), r => Assert.True(r.Unique));
    }

    [Fact]
    public void Commissionable_TXT_record_carries_the_spec_keys()
    {
        var text = MatterServiceRecords.Commissionable(Window, Host).Records.Single(r => r.Type == DnsRecordType.Txt);
        var entries = DnsWire.TextEntries(text.Data);
        Assert.Equal("3840", entries["D"]);
        Assert.Equal("1", entries["CM"]);
        Assert.Equal("65521+32768", entries["VP"]);
        Assert.Equal("1292", entries["DT"]);
        Assert.Equal("MatterGen EVSE", entries["DN"]);
        Assert.Equal("33", entries["PH"]);
        Assert.Equal("500", entries["SII"]);
        Assert.Equal("300", entries["SAI"]);
        Assert.Equal("4000", entries["SAT"]);
        Assert.False(entries.ContainsKey("ICD"));
        Assert.False(entries.ContainsKey("T"));
    }

    [Fact]
    public void Outside_commissioning_mode_there_is_no_CM_subtype()
    {
        var instance = MatterServiceRecords.Commissionable(Window with { CommissioningMode = 0 }, Host);
        Assert.DoesNotContain(instance.Records, r => r.Name.StartsWith("_CM.", StringComparison.Ordinal));
    }

    [Fact]
    public void SRV_points_at_the_host_and_port()
    {
        var srv = MatterServiceRecords.Commissionable(Window, Host).Records.Single(r => r.Type == DnsRecordType.Srv);
        Assert.Equal(Host, srv.Target);
        Assert.Equal([0, 0, 0, 0, 0x15, 0xA4], srv.Data[..6]);
        Assert.Equal(TimeSpan.FromSeconds(120), srv.TimeToLive);
    }

    [Fact]
    public void Operational_name_is_compressed_fabric_id_dash_node_id_in_hex()
    {
        var instance = MatterServiceRecords.Operational(new OperationalAdvertisement(0x87E1B004E235A130, 0x8FC7772401CD0696, 5540), Host);
        Assert.Equal("87E1B004E235A130-8FC7772401CD0696._matter._tcp.local", instance.FullName);
        Assert.Contains(instance.Records, r => r.Name == "_I87E1B004E235A130._sub._matter._tcp.local" && r.Target == instance.FullName);
        Assert.Contains(instance.Records, r => r.Name == "_matter._tcp.local" && r.Target == instance.FullName);
    }

    [Theory]
    [InlineData(4096, "DN")]
    [InlineData(3840, "A name of more than thirty-two bytes")]
    public void Out_of_range_values_are_refused(int discriminator, string name) =>
        Assert.ThrowsAny<ArgumentException>(() => MatterServiceRecords.Commissionable(Window with { Discriminator = (ushort)discriminator, DeviceName = name }, Host));

    [Fact]
    public void Wire_format_sets_CacheFlush_only_on_unique_records()
    {
        var instance = MatterServiceRecords.Commissionable(Window, Host);
        var hostRecords = MdnsAnswerer.HostRecords(Host, [IPAddress.Loopback, IPAddress.IPv6Loopback]);
        var records = DnsReceivedRecord.ReadResponse(DnsResponse.Write(instance.Records, hostRecords), out _);
        Assert.Equal(instance.Records.Count + 2, records.Count);
        Assert.All(records, r => Assert.Equal(r.Type != DnsRecordType.Ptr, r.CacheFlush));
        Assert.Contains(records, r => r.Type == DnsRecordType.Aaaa && r.Data.SequenceEqual(IPAddress.IPv6Loopback.GetAddressBytes()));
        Assert.Contains(records, r => r.Type == DnsRecordType.A && r.TimeToLive == TimeSpan.FromSeconds(120));
        Assert.Contains(records, r => r.Type == DnsRecordType.Ptr && r.TimeToLive == TimeSpan.FromSeconds(4500));
    }
}
