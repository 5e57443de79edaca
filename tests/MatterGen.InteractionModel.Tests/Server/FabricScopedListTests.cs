using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Tests.Clusters;
using MatterGen.InteractionModel.Tests.Support;
using MatterGen.Messaging;
using MatterGen.Tlv;
using Xunit;
using Note = MatterGen.InteractionModel.Tests.Clusters.InteractionTest.NoteStruct;

namespace MatterGen.InteractionModel.Tests.Server;

/// <summary>
/// The generic fabric rules on a generated server's fabric-scoped list (Notes: Note, and the fabric-sensitive
/// Owner), from its metadata alone: what each fabric reads, and that a write touches only the writer's entries.
/// </summary>
public sealed class FabricScopedListTests
{
    private const uint Cluster = InteractionTest.ClusterId;
    private static readonly AttributePath Notes = AttributePath.Concrete(1, Cluster, 3);

    [Fact]
    public void The_metadata_says_the_list_is_fabric_scoped_with_one_sensitive_field()
    {
        Assert.True(InteractionTest.Attributes.Notes.IsFabricScoped);
        Assert.Equal([2], InteractionTest.Attributes.Notes.FabricSensitiveFields);
        Assert.False(InteractionTest.Attributes.Labels.IsFabricScoped);
    }

    [Fact]
    public async Task An_unfiltered_read_shows_other_fabrics_entries_without_their_sensitive_fields()
    {
        await using var node = new NodeFixture();
        node.Server.Notes = [Entry("mine", "alice", 1), Entry("theirs", "bob", 2)];

        var all = await ReadNotesAsync(node, fabricFiltered: false);
        var filtered = await ReadNotesAsync(node, fabricFiltered: true);

        Assert.Equal([Entry("mine", "alice", 1), Entry("theirs", null, 2)], all);
        Assert.Equal([Entry("mine", "alice", 1)], filtered);
    }

    [Fact]
    public async Task A_reader_without_a_fabric_sees_every_entry_as_another_fabrics()
    {
        await using var node = new NodeFixture(subject: new SubjectDescriptor(SessionAuthMode.Case, 0x0A, FabricIndex: 0));
        node.Server.Notes = [Entry("mine", "alice", 1)];

        Assert.Equal([Entry("mine", null, 1)], await ReadNotesAsync(node, fabricFiltered: false));
        Assert.Empty(await ReadNotesAsync(node, fabricFiltered: true));
    }

    [Fact]
    public async Task A_write_replaces_only_the_writers_entries_and_stamps_its_fabric_index()
    {
        await using var node = new NodeFixture();
        node.Server.Notes = [Entry("old", "alice", 1), Entry("theirs", "bob", 2)];

        var status = await WriteAsync(node, new AttributeData(null, Notes, List(Entry("new", "carol", 7), Entry("newer", null, null))));

        Assert.Equal([MatterStatus.Success], status);
        Assert.Equal([Entry("new", "carol", 1), Entry("newer", null, 1), Entry("theirs", "bob", 2)], node.Server.Notes);
    }

    [Fact]
    public async Task A_writer_without_a_fabric_may_not_write_a_fabric_scoped_list()
    {
        await using var node = new NodeFixture(subject: new SubjectDescriptor(SessionAuthMode.Case, 0x0A, FabricIndex: 0));
        node.Server.Notes = [Entry("theirs", "bob", 2)];

        var status = await WriteAsync(node, new AttributeData(null, Notes, List(Entry("mine", null, null))));

        Assert.Equal([MatterStatus.UnsupportedAccess], status);
        Assert.Equal([Entry("theirs", "bob", 2)], node.Server.Notes);
    }

    [Fact]
    public async Task Appends_in_a_later_chunk_add_to_the_writers_entries_and_keep_the_other_fabrics()
    {
        await using var node = new NodeFixture();
        node.Server.Notes = [Entry("theirs", "bob", 2)];

        var exchange = await node.StartAsync(new WriteRequest(null, false, [new AttributeData(null, Notes, List(Entry("a", null, null)))], true));
        Assert.IsType<WriteResponse>(await node.ReceiveAsync(exchange));
        await exchange.SendAsync(InteractionMessageWriter.ToProtocolMessage(new WriteRequest(null, false,
            [new AttributeData(null, AttributePath.Append(1, Cluster, 3), Item(Entry("b", "x", 9)))], null)), true, node.Guard);
        var last = Assert.IsType<WriteResponse>(await node.ReceiveAsync(exchange));

        Assert.Equal(MatterStatus.Success, Assert.Single(last.WriteResponses).Status.Status);
        Assert.Equal([Entry("a", null, 1), Entry("b", "x", 1), Entry("theirs", "bob", 2)], node.Server.Notes);
    }

    [Theory]
    [InlineData("04 07")] // Not a list.
    [InlineData("16 04 07 18")] // A list whose entry is not a structure.
    [InlineData("16 15 24 FE 01 18 04 07 18")] // A list with a structure, then an entry that is not one.
    public async Task A_malformed_write_of_a_fabric_scoped_list_is_refused_and_changes_nothing(string hex)
    {
        await using var node = new NodeFixture();
        node.Server.Notes = [Entry("mine", "alice", 1), Entry("theirs", "bob", 2)];

        var status = await WriteAsync(node, new AttributeData(null, Notes, Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal))));

        Assert.NotEqual(MatterStatus.Success, Assert.Single(status));
        Assert.Equal([Entry("mine", "alice", 1), Entry("theirs", "bob", 2)], node.Server.Notes);
    }

    private static Note Entry(string note, string? owner, byte? fabric) => new() { Note = note, Owner = owner, FabricIndex = fabric };

    private static async Task<Note[]> ReadNotesAsync(NodeFixture node, bool fabricFiltered)
    {
        var (report, _) = await node.Client.ReadAsync(new ReadRequest([Notes], null, null, fabricFiltered, null), node.Guard);
        return [.. ListValue.Items(Assert.Single(report.Attributes()).Data!.Data).Select(item => Note.Decode(item.Span))];
    }

    private static async Task<MatterStatus[]> WriteAsync(NodeFixture node, params AttributeData[] writes)
    {
        var exchange = await node.StartAsync(new WriteRequest(null, false, writes, null));
        var response = Assert.IsType<WriteResponse>(await node.ReceiveAsync(exchange));
        return [.. response.WriteResponses.Select(r => r.Status.Status)];
    }

    internal static byte[] List(params Note[] entries)
    {
        var buffer = new byte[512];
        var writer = new TlvWriter(buffer);
        writer.StartArray(TlvTag.Anonymous);
        foreach (var entry in entries)
        {
            entry.Encode(ref writer, TlvTag.Anonymous);
        }

        writer.EndContainer();
        return buffer.AsSpan(0, writer.BytesWritten).ToArray();
    }

    private static byte[] Item(Note entry)
    {
        var buffer = new byte[128];
        return buffer.AsSpan(0, entry.Encode(buffer)).ToArray();
    }
}
