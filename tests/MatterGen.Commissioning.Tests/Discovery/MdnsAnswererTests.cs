using System;
using System.Linq;
using System.Net;
using CsCheck;
using MatterGen.Commissioning.Discovery;
using MatterGen.Commissioning.Discovery.Wire;
using Xunit;

namespace MatterGen.Commissioning.Tests.Discovery;

public sealed class MdnsAnswererTests
{
    private static readonly MdnsServiceInstance Commissionable = MatterServiceRecords.Commissionable(MatterServiceRecordsTests.Window, "HOST.local");
    private static readonly MdnsServiceInstance Operational = MatterServiceRecords.Operational(new OperationalAdvertisement(1, 2, 5540), "HOST.local");
    private static readonly DnsRecord[] HostRecords = [.. MdnsAnswerer.HostRecords("HOST.local", [IPAddress.Parse("192.168.1.10"), IPAddress.Parse("fe80::1")])];

    private static MdnsAnswer? Ask(byte[] query) => MdnsAnswerer.Answer(DnsQuery.Read(query)!, [Commissionable, Operational], HostRecords);

    [Fact]
    public void Subtype_query_by_discriminator_is_answered_with_everything_needed()
    {
        var answer = Ask(DnsWire.Query(("_L3840._sub._matterc._udp.local", DnsRecordType.Ptr)))!;
        var pointer = Assert.Single(answer.Answers);
        Assert.Equal(Commissionable.FullName, pointer.Target);
        Assert.Contains(answer.Additional, r => r.Type == DnsRecordType.Srv);
        Assert.Contains(answer.Additional, r => r.Type == DnsRecordType.Txt);
        Assert.Contains(answer.Additional, r => r.Type == DnsRecordType.A);
        Assert.Contains(answer.Additional, r => r.Type == DnsRecordType.Aaaa);
        Assert.False(answer.Unicast);
    }

    [Fact]
    public void Other_discriminator_gets_no_answer() =>
        Assert.Null(Ask(DnsWire.Query(("_L3841._sub._matterc._udp.local", DnsRecordType.Ptr))));

    [Fact]
    public void Names_match_case_insensitively() =>
        Assert.NotNull(Ask(DnsWire.Query(("_MATTERC._UDP.LOCAL", DnsRecordType.Ptr))));

    [Fact]
    public void Any_query_on_the_instance_gives_SRV_and_TXT()
    {
        var answer = Ask(DnsWire.Query((Operational.FullName, DnsRecordType.Any)))!;
        Assert.Equal([DnsRecordType.Srv, DnsRecordType.Txt], answer.Answers.Select(r => r.Type).ToArray());
        Assert.Contains(answer.Additional, r => r.Type == DnsRecordType.A);
    }

    [Fact]
    public void Host_address_query_is_answered()
    {
        var answer = Ask(DnsWire.Query(("host.local", DnsRecordType.Aaaa)))!;
        Assert.Equal(IPAddress.Parse("fe80::1").GetAddressBytes(), Assert.Single(answer.Answers).Data);
    }

    [Fact]
    public void Service_enumeration_lists_both_types_once()
    {
        var answer = Ask(DnsWire.Query(("_services._dns-sd._udp.local", DnsRecordType.Ptr)))!;
        Assert.Equal(["_matterc._udp.local", "_matter._tcp.local"], answer.Answers.Select(r => r.Target!).ToArray());
    }

    [Fact]
    public void Known_answer_with_enough_TTL_is_suppressed()
    {
        var known = DnsRecord.Pointer("_matter._tcp.local", Operational.FullName, TimeSpan.FromMinutes(60));
        Assert.Null(Ask(DnsWire.Query([("_matter._tcp.local", DnsRecordType.Ptr)], [known])));
        var stale = known with { TimeToLive = TimeSpan.FromMinutes(10) };
        Assert.NotNull(Ask(DnsWire.Query([("_matter._tcp.local", DnsRecordType.Ptr)], [stale])));
    }

    [Fact]
    public void QU_bit_asks_for_unicast() =>
        Assert.True(Ask(DnsWire.Query([("_matterc._udp.local", DnsRecordType.Ptr)], [], unicastResponse: true))!.Unicast);

    [Fact]
    public void Responses_are_ignored()
    {
        var response = DnsResponse.Write(Commissionable.Records, []);
        Assert.Null(DnsQuery.Read(response));
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 12, 0, 1 })] // pointer to itself
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 20, 0, 12, 0, 1 })] // forward pointer
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 5, (byte)'a' })] // label past the end
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 12, 0, 1 })] // reserved label type
    [InlineData(new byte[] { 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0 })] // 65535 questions
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 1 })] // short header
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 12 })] // question ends inside its type
    public void Malformed_queries_are_format_errors(byte[] message) => Assert.Throws<DnsFormatException>(() => DnsQuery.Read(message));

    [Fact]
    public void Name_longer_than_255_bytes_is_refused()
    {
        var message = new System.Collections.Generic.List<byte> { 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 };
        for (var i = 0; i < 5; i++)
        {
            message.Add(63);
            message.AddRange(Enumerable.Repeat((byte)'x', 63));
        }

        message.AddRange([0, 0, 12, 0, 1]);
        Assert.Throws<DnsFormatException>(() => DnsQuery.Read(message.ToArray()));
    }

    [Fact]
    public void Random_bytes_never_throw_anything_but_format_errors() =>
        Gen.Byte.Array[0, 600].Sample(AnswerOrFormatError, iter: 20_000);

    [Fact]
    public void Mutated_real_queries_never_throw_anything_but_format_errors()
    {
        var query = DnsWire.Query([("_L3840._sub._matterc._udp.local", DnsRecordType.Ptr), ("_matter._tcp.local", DnsRecordType.Ptr)], [DnsRecord.Pointer("_matter._tcp.local", Operational.FullName, TimeSpan.FromMinutes(60))]);
        Gen.Select(Gen.Int[0, query.Length - 1], Gen.Byte).Array[1, 4].Sample(mutations =>
        {
            var copy = (byte[])query.Clone();
            foreach (var (index, value) in mutations)
            {
                copy[index] = value;
            }

            AnswerOrFormatError(copy);
        }, iter: 20_000);
    }

    // Any input either parses and is answered, or is a DnsFormatException; nothing else may escape.
    private static void AnswerOrFormatError(byte[] message)
    {
        try
        {
            if (DnsQuery.Read(message) is { } query)
            {
                MdnsAnswerer.Answer(query, [Commissionable, Operational], HostRecords);
                DnsReceivedRecord.ReadResponse(message, out _);
            }
        }
        catch (DnsFormatException)
        {
        }
    }

    [Fact]
    public void Large_answers_are_split_into_packets_under_1400_bytes()
    {
        var many = Enumerable.Range(0, 40).Select(i => MatterServiceRecords.Operational(new OperationalAdvertisement((ulong)i, 2, 5540), "HOST.local")).ToList();
        var records = many.SelectMany(i => i.Records).ToList();
        var packets = MdnsResponder.Pack(records, HostRecords).ToList();
        Assert.True(packets.Count > 1);
        Assert.All(packets, p => Assert.True(p.Length <= 1400));
        Assert.Equal(records.Count, packets.Sum(p => DnsReceivedRecord.ReadResponse(p, out _).Count(r => r.Type != DnsRecordType.A && r.Type != DnsRecordType.Aaaa)));
    }
}
