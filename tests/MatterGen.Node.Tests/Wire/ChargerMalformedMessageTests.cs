using System;
using System.Threading.Tasks;
using CsCheck;
using MatterGen.Clusters.Tests;
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
/// Damaged IM messages sent raw to the engine serving the whole charger node: every one gets an answer (a
/// status, or the report or response a still-valid message asks for), no exception escapes the engine, and the
/// node keeps serving afterwards.
/// </summary>
public sealed class ChargerMalformedMessageTests
{
    private static readonly Entry Administrator = new() { Privilege = Privileges.Administer, AuthMode = Modes.CASE, Subjects = [ChargerOnTheWire.AdminNodeId], Targets = null };

    private static readonly InteractionMessage[] Requests =
    [
        new ReadRequest([new AttributePath()], [new EventPath()], null, true, null) { InteractionModelRevision = 12 },
        new ReadRequest([AttributePath.Concrete(0, ClusterIds.AccessControl, 0)], null, null, true, null),
        new WriteRequest(null, false, [new AttributeData(null, AttributePath.Concrete(0, ClusterIds.BasicInformation, 5), new byte[] { 0x0C, 0x01, (byte)'x' })], null),
        new WriteRequest(null, false, [new AttributeData(null, AttributePath.Concrete(0, ClusterIds.AccessControl, 0), TestNodes.Tlv((ref TlvWriter w) => AccessControl.AttributeCodecs.EncodeACL(ref w, TlvTag.Anonymous, [Administrator])))], null),
        new InvokeRequest(false, false, [new CommandData(new CommandPath(ChargerNode.EvseEndpoint, ClusterIds.EnergyEvse, 2), new byte[] { 0x15, 0x34, 0x00, 0x21, 0x01, 0x70, 0x17, 0x21, 0x02, 0x80, 0x3E, 0x18 })]),
        new InvokeRequest(false, false, [new CommandData(new CommandPath(ChargerNode.EvseEndpoint, ClusterIds.EnergyEvseMode, 0), new byte[] { 0x15, 0x24, 0x00, 0x01, 0x18 })]),
    ];

    [Fact]
    public async Task Damaged_messages_always_get_an_answer_and_leave_the_node_serving()
    {
        // Room for the whole node in one report: a damaged read must not leave the engine waiting for a chunk's status.
        await using var wire = ChargerOnTheWire.WithAdministrator(maxPayloadSize: 64 * 1024);
        var answered = 0;

        await Gen.Select(Gen.Int[0, Requests.Length - 1], TlvMutation.Gen).SampleAsync(async (index, mutation) =>
        {
            // A damaged ACL write may be a valid one that takes the administrator's access away: give it back each time.
            Assert.Equal(MatterStatus.Success, wire.Node.AccessControlServer.ReplaceEntries(1, [Administrator]));
            var request = Requests[index];
            var payload = mutation.Apply(InteractionMessageWriter.Encode(request));
            if (AsksForNoAnswer(request.Opcode, payload))
            {
                return;
            }

            var exchange = wire.ClientSession.CreateExchange();
            await using (exchange)
            {
                await exchange.SendAsync(new ProtocolMessage(ProtocolId.InteractionModel, (byte)request.Opcode, payload), true, wire.Guard);
                var answer = InteractionMessageReader.Decode(await exchange.ReceiveAsync(TimeSpan.FromHours(1), wire.Guard));
                Assert.True(answer is ReportData or WriteResponse or InvokeResponse or StatusResponse, $"{answer}");
                answered++;
            }
        }, iter: 1000, threads: 1);

        Assert.True(answered > 500, $"only {answered} damaged messages were sent");
        Assert.Equal(MatterStatus.Success, wire.Node.AccessControlServer.ReplaceEntries(1, [Administrator]));
        var (report, status) = await wire.Client.ReadAsync(new ReadRequest([new AttributePath()], null, null, true, null), wire.Guard);
        Assert.Equal(MatterStatus.Success, status);
        Assert.NotEmpty(report.Attributes());
    }

    /// <summary>True when the damage left a valid message that wants no answer: a suppressed invoke, or a write with more chunks to come and suppressResponse.</summary>
    private static bool AsksForNoAnswer(InteractionOpcode opcode, byte[] payload)
    {
        try
        {
            return InteractionMessageReader.Decode(opcode, payload) switch
            {
                InvokeRequest invoke => invoke.SuppressResponse,
                WriteRequest write => write.SuppressResponse == true && write.MoreChunkedMessages != true,
                _ => false,
            };
        }
        catch (InvalidInteractionMessageException)
        {
            return false;
        }
    }
}
