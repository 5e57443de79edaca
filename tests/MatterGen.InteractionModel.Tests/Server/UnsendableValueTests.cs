using System;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Tests.Clusters;
using MatterGen.InteractionModel.Tests.Support;
using Xunit;

namespace MatterGen.InteractionModel.Tests.Server;

/// <summary>
/// Values an <see cref="IInteractionTransport"/> caller hands the IM client that no IM message can carry (not one
/// well-formed anonymous TLV element): INVALID_ACTION, as a node answers a malformed message, and nothing sent.
/// </summary>
public sealed class UnsendableValueTests
{
    public static TheoryData<byte[]> Unsendable => new()
    {
        Array.Empty<byte>(),
        new byte[] { 0x15 },             // An unclosed structure.
        new byte[] { 0x24, 0x00, 0x01 }, // A tagged element.
        new byte[] { 0x04, 0x01, 0x04 }, // Bytes after the element.
        new byte[] { 0x1F },             // A reserved element type.
    };

    [Theory]
    [MemberData(nameof(Unsendable))]
    public async Task A_write_of_an_unsendable_value_gets_invalid_action_and_sends_nothing(byte[] value)
    {
        await using var node = new NodeFixture();
        var sent = 0;
        node.ClientSession.Sent += _ => sent++;

        var status = await node.Client.WriteAttributeAsync(1, InteractionTest.ClusterId, 0, value, timed: true, node.Guard);

        Assert.Equal((MatterStatus.InvalidAction, 0), (status, sent));
    }

    [Theory]
    [MemberData(nameof(Unsendable))]
    public async Task An_invoke_with_unsendable_fields_gets_invalid_action_and_sends_nothing_unless_there_are_none(byte[] fields)
    {
        await using var node = new NodeFixture();
        var sent = 0;
        node.ClientSession.Sent += _ => sent++;

        var result = await node.Client.InvokeAsync(1, InteractionTest.ClusterId, 1, fields, timed: false, node.Guard);

        // No fields at all is a command without CommandFields: it goes, and the node judges it (Echo needs its value).
        Assert.Equal(fields.Length == 0 ? (MatterStatus.InvalidCommand, 1) : (MatterStatus.InvalidAction, 0), (result.Status, sent));
    }
}
