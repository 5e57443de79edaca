using System.Threading.Tasks;
using CsCheck;
using MatterGen.Clusters.Tests;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Tests.Clusters;
using MatterGen.InteractionModel.Tests.Support;
using MatterGen.Messaging;
using Xunit;
using static MatterGen.InteractionModel.Tests.Support.TableAccessControl;

namespace MatterGen.InteractionModel.Tests.Server;

/// <summary>Access control as the engine applies it, and input no engine may choke on.</summary>
public sealed class AccessAndMalformedTests
{
    private const uint Cluster = InteractionTest.ClusterId;

    public static TheoryData<Privilege, uint, MatterStatus, MatterStatus, MatterStatus> Cases => new()
    {
        // granted, attribute read/written (0 Counter: View/Operate, 4 Secret: Manage/Administer), read, write, invoke Reset (Administer)
        { Privilege.View, 0, MatterStatus.Success, MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess },
        { Privilege.Operate, 0, MatterStatus.Success, MatterStatus.Success, MatterStatus.UnsupportedAccess },
        { Privilege.Manage, 4, MatterStatus.Success, MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess },
        { Privilege.Operate, 4, MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess },
        { Privilege.Administer, 4, MatterStatus.Success, MatterStatus.Success, MatterStatus.Success },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Reads_writes_and_invokes_get_the_status_the_granted_privilege_allows(Privilege granted, uint attribute, MatterStatus read, MatterStatus write, MatterStatus invoke)
    {
        await using var node = new NodeFixture();
        node.Node.AccessControl = new TableAccessControl([new Grant(granted, Cluster: Cluster), new Grant(Privilege.View)]);

        var readResult = await node.Client.ReadAttributeAsync(1, Cluster, attribute, node.Guard);
        var writeResult = await node.Client.WriteAttributeAsync(1, Cluster, attribute, new byte[] { 0x04, 0x01 }, timed: true, node.Guard);
        var invokeResult = await node.Client.InvokeAsync(1, Cluster, 4, new byte[] { 0x15, 0x18 }, timed: false, node.Guard);

        Assert.Equal((read, write, invoke), (readResult.Status, writeResult, invokeResult.Status));
    }

    [Fact]
    public async Task Denied_paths_are_omitted_from_wildcards_and_reported_for_concrete_paths()
    {
        await using var node = new NodeFixture();
        node.Node.AccessControl = new TableAccessControl([new Grant(Privilege.View, Endpoint: 2)]);

        var (wildcard, _) = await node.Client.ReadAsync(new ReadRequest([new AttributePath()], null, null, true, null), node.Guard);
        var concrete = await node.Client.ReadAttributeAsync(1, Cluster, 0, node.Guard);
        var otherSubject = await node.Client.ReadAttributeAsync(2, MatterGen.Evse.Clusters.EnergyEVSE.ClusterId, 0, node.Guard);

        Assert.All(wildcard.Attributes(), r => Assert.Equal((ushort)2, r.Data!.Path.Endpoint));
        Assert.NotEmpty(wildcard.Attributes());
        Assert.Equal(MatterStatus.UnsupportedAccess, concrete.Status);
        Assert.Equal(MatterStatus.Success, otherSubject.Status);
    }

    [Fact]
    public async Task A_subject_with_no_grant_for_the_auth_mode_sees_nothing()
    {
        await using var node = new NodeFixture(subject: new SubjectDescriptor(SessionAuthMode.Pase, 0, 0));

        node.Server.EmitAlarm(new InteractionTest.AlarmEvent { Code = 1 });

        var (wildcard, status) = await node.Client.ReadAsync(new ReadRequest([new AttributePath()], [new EventPath()], null, true, null), node.Guard);
        var (concrete, _) = await node.Client.ReadAsync(new ReadRequest(null, [new EventPath(Endpoint: 1, Cluster: Cluster, Event: 1)], null, true, null), node.Guard);

        Assert.Equal(MatterStatus.Success, status);
        Assert.Empty(wildcard.Attributes());
        Assert.Empty(wildcard.Events);
        Assert.Equal(MatterStatus.UnsupportedAccess, Assert.Single(concrete.Events).Status!.Status.Status);
    }

    [Fact]
    public async Task Damaged_and_random_messages_get_invalid_action_and_never_break_the_engine()
    {
        await using var node = new NodeFixture();
        var requests = new[]
        {
            new ReadRequest([new AttributePath()], null, null, true, null) { InteractionModelRevision = 12 },
            new WriteRequest(null, false, [new AttributeData(null, AttributePath.Concrete(1, Cluster, 0), new byte[] { 0x04, 0x01 })], null) as InteractionMessage,
            new InvokeRequest(false, false, [new CommandData(new CommandPath(1, Cluster, 1), new byte[] { 0x15, 0x24, 0x00, 0x05, 0x18 })]),
        };

        await Gen.Select(Gen.Int[0, requests.Length - 1], TlvMutation.Gen).SampleAsync(async (index, mutation) =>
        {
            var payload = mutation.Apply(InteractionMessageWriter.Encode(requests[index]));
            if (StillValidWithoutAnswer(requests[index].Opcode, payload))
            {
                return; // The mutation left a valid request that asks for no answer (suppressResponse, or more chunks to come).
            }

            var exchange = await node.StartRawAsync((byte)requests[index].Opcode, payload);
            var answer = await node.ReceiveAsync(exchange);
            // A mutation may leave a valid message (a flipped timed flag is a valid, mismatched, request).
            Assert.True(answer is ReportData or WriteResponse or InvokeResponse or StatusResponse { Status: MatterStatus.InvalidAction or MatterStatus.TimedRequestMismatch }, $"{answer}");
        }, iter: 300, threads: 1);

        foreach (var opcode in new byte[] { 0x01, 0x04, 0x05, 0x07, 0x09, 0x42 })
        {
            var exchange = await node.StartRawAsync(opcode, [0x15, 0x18]);
            Assert.Equal(MatterStatus.InvalidAction, Assert.IsType<StatusResponse>(await node.ReceiveAsync(exchange)).Status);
        }
    }

    private static bool StillValidWithoutAnswer(InteractionOpcode opcode, byte[] payload)
    {
        try
        {
            return InteractionMessageReader.Decode(opcode, payload) is InvokeRequest { SuppressResponse: true } or WriteRequest { SuppressResponse: true, MoreChunkedMessages: not true };
        }
        catch (InvalidInteractionMessageException)
        {
            return false;
        }
    }
}
