using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Evse.Charger;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.Messaging;
using MatterGen.Node.Clusters;
using MatterGen.Node.Composition;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Node.Tests.Wire;

/// <summary>
/// A wildcard read of the whole charger node over IM messages: it must say exactly what the node's Descriptors
/// and AttributeLists (read in the same report) say, and chunking at any budget must not change it.
/// </summary>
public sealed class ChargerWildcardReadTests
{
    private static readonly ReadRequest WholeNode = new([new AttributePath()], null, null, true, null);

    [Fact]
    public async Task A_wildcard_read_reports_every_attribute_the_descriptors_list_and_nothing_else()
    {
        await using var wire = ChargerOnTheWire.WithAdministrator(maxPayloadSize: 64 * 1024);

        var (report, status) = await wire.Client.ReadAsync(WholeNode, wire.Guard);

        Assert.Equal(MatterStatus.Success, status);
        var reports = report.Attributes();
        Assert.All(reports, r => Assert.Null(r.Status));
        var values = reports.ToDictionary(r => (r.Data!.Path.Endpoint!.Value, r.Data.Path.Cluster!.Value, r.Data.Path.Attribute!.Value), r => r.Data!.Data);

        var endpoints = new[] { (ushort)0 }.Concat(Decode(values[(0, ClusterIds.Descriptor, 0x0003)], Descriptor.AttributeCodecs.DecodePartsList)).ToList();
        var expected = new HashSet<(ushort, uint, uint)>();
        foreach (var endpoint in endpoints)
        {
            foreach (var cluster in Decode(values[(endpoint, ClusterIds.Descriptor, 0x0001)], Descriptor.AttributeCodecs.DecodeServerList))
            {
                foreach (var attribute in UnsignedList(values[(endpoint, cluster, GlobalAttributes.AttributeList)]))
                {
                    expected.Add((endpoint, cluster, (uint)attribute));
                }
            }
        }

        Assert.Equal([0, ChargerNode.EvseEndpoint], endpoints);
        Assert.Equal(expected.Order(), values.Keys.Order());
        Assert.Equal(values.Count, reports.Count); // No path twice.
        // What the node serves is what the wire says: every server of every endpoint, read from the node itself.
        var served = wire.Node.Endpoints.SelectMany(e => wire.Node.ServersOn(e).Select(s => (e, s.Description.ClusterId))).Order();
        Assert.Equal(served, expected.Select(p => (p.Item1, p.Item2)).Distinct().Order());
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(800)]
    [InlineData(1200)]
    public async Task A_chunked_wildcard_read_reassembles_to_the_unchunked_one(int budget)
    {
        await using var whole = ChargerOnTheWire.WithAdministrator(maxPayloadSize: 64 * 1024);
        await using var chunked = ChargerOnTheWire.WithAdministrator(budget: budget);
        var sizes = new List<int>();
        chunked.NodeSession.Sent += message => sizes.Add(message.Payload.Length);

        var (expected, _) = await whole.Client.ReadAsync(WholeNode, whole.Guard);
        var (actual, status) = await chunked.Client.ReadAsync(WholeNode, chunked.Guard);

        Assert.Equal(MatterStatus.Success, status);
        Assert.True(sizes.Count > 1, "the whole charger node fits no single message of these budgets");
        Assert.All(sizes, size => Assert.True(size <= budget, $"a message of {size} bytes over the budget {budget}"));
        Assert.Equal(Comparable(expected.Attributes()), Comparable(actual.Attributes()));
    }

    [Fact]
    public async Task A_subject_without_an_entry_reads_nothing_and_a_concrete_path_gets_unsupported_access()
    {
        // A charger with its administrator, read by another node of the same fabric that no entry names.
        await using var wire = new ChargerOnTheWire(new SubjectDescriptor(SessionAuthMode.Case, 0x0000_0000_0000_0BAD, FabricIndex: 1));
        Assert.Equal(MatterStatus.Success, wire.Node.AccessControlServer.AddAdministrator(1, ChargerOnTheWire.AdminNodeId));

        var (report, status) = await wire.Client.ReadAsync(WholeNode, wire.Guard);
        var concrete = await wire.Client.ReadAttributeAsync(0, ClusterIds.BasicInformation, 0x0001, wire.Guard);

        Assert.Equal(MatterStatus.Success, status);
        Assert.Empty(report.Attributes());
        Assert.Equal(MatterStatus.UnsupportedAccess, concrete.Status);
    }

    /// <summary>Reports as comparable values; data versions are left out (each server starts at a random one).</summary>
    private static List<(ushort?, uint?, uint?, string)> Comparable(List<AttributeReport> reports) =>
        reports.Select(r => (r.Data!.Path.Endpoint, r.Data.Path.Cluster, r.Data.Path.Attribute, Convert.ToHexString(r.Data.Data.Span))).ToList();

    private static T Decode<T>(ReadOnlyMemory<byte> value, TlvDecoder<T> decode)
    {
        var reader = new TlvReader(value.Span);
        Assert.True(reader.Read());
        return decode(ref reader);
    }

    private static List<ulong> UnsignedList(ReadOnlyMemory<byte> value)
    {
        var reader = new TlvReader(value.Span);
        Assert.True(reader.Read());
        Assert.Equal(TlvElementType.Array, reader.ElementType);
        var items = new List<ulong>();
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            items.Add(reader.GetUInt64());
        }

        return items;
    }
}
