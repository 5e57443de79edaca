using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using MatterGen.Evse.Charger;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Client;
using MatterGen.InteractionModel.Messages;
using MatterGen.Messaging;
using MatterGen.Node.Clusters;
using MatterGen.Node.Network;
using MatterGen.Tlv;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Udp;
using Xunit;

namespace MatterGen.Node.Tests.Network;

/// <summary>
/// The charger node on the network end to end: a C# controller runs PASE and CASE against the
/// <see cref="MatterDeviceHost"/> and talks to the node with the generated clients over the Interaction Model.
/// </summary>
public sealed class DeviceHostTests
{
    private const uint SupplyStateAttribute = 0x0001;

    public static TheoryData<int?> Networks => new() { null, 3, 11 };

    [Theory]
    [MemberData(nameof(Networks))]
    public async Task Pase_with_the_passcode_reads_basic_information_descriptor_and_evse_attributes(int? lossySeed)
    {
        await using var rig = NetworkRig.InMemory(lossySeed is { } seed ? Lossy(seed) : null);

        var session = await rig.Run(PaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, NetworkRig.Passcode));
        var client = rig.Client(session);

        Assert.Equal(SessionAuthMode.Pase, session.Subject.AuthMode);
        Assert.True(Assert.Single(rig.Host.Transport.Sessions.Snapshot()).Subject.IsCommissioning);
        Assert.Equal("MatterGen", await rig.Run(new BasicInformation.Client(client, 0).ReadVendorNameAsync().AsTask()));
        Assert.Equal(new ushort[] { ChargerNode.EvseEndpoint }, (await rig.Run(new Descriptor.Client(client, 0).ReadPartsListAsync().AsTask())).ToArray());
        Assert.Equal(EnergyEVSE.SupplyStateEnum.Disabled, await rig.Run(new EnergyEVSE.Client(client, ChargerNode.EvseEndpoint).ReadSupplyStateAsync().AsTask()));
        if (lossySeed is not null)
        {
            Assert.True(rig.Network!.Dropped > 0);
        }
    }

    [Fact]
    public async Task A_wrong_passcode_gets_no_session_and_the_right_one_still_works()
    {
        await using var rig = NetworkRig.InMemory();

        await Assert.ThrowsAsync<SessionEstablishmentException>(() => rig.Run(PaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, NetworkRig.Passcode + 1)));

        Assert.Equal(0, rig.Host.Transport.Sessions.Count);
        var session = await rig.Run(PaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, NetworkRig.Passcode));
        Assert.Equal(SessionAuthMode.Pase, session.Subject.AuthMode);
    }

    [Fact]
    public async Task The_window_takes_one_commissioner_at_a_time_and_closes_with_its_pase_session_after_its_timeout()
    {
        await using var rig = NetworkRig.InMemory();
        var first = await rig.Run(PaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, NetworkRig.Passcode));

        await Assert.ThrowsAsync<SessionEstablishmentException>(() => rig.Run(PaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, NetworkRig.Passcode)));
        await rig.Run(rig.Controller.CloseSessionAsync(first).AsTask());
        Assert.True(await rig.Run(NetworkRig.WaitUntil(() => rig.Host.Transport.Sessions.Count == 0)));
        var second = await rig.Run(PaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, NetworkRig.Passcode));
        Assert.Equal(SessionAuthMode.Pase, second.Subject.AuthMode);

        rig.FakeTime!.Advance(TimeSpan.FromMinutes(15));
        Assert.False(rig.Host.IsCommissioningWindowOpen);
        Assert.True(await NetworkRig.WaitUntil(() => rig.Host.Transport.Sessions.Count == 0));
        await Assert.ThrowsAsync<SessionEstablishmentException>(() => rig.Run(PaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, NetworkRig.Passcode)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(7)]
    public async Task Case_after_commissioning_reads_writes_invokes_and_subscribes(int? lossySeed)
    {
        await using var rig = NetworkRig.InMemory(lossySeed is { } seed ? Lossy(seed) : null);

        var (_, session) = await TestCommissioner.CommissionAsync(rig);
        await ExerciseOperationalSession(rig, session);
    }

    [Fact]
    public async Task A_case_peer_without_an_acl_entry_gets_unsupported_access()
    {
        await using var rig = NetworkRig.InMemory();
        rig.InstallFabric();
        var stranger = rig.ControllerFabric(0x0000_0000_0002_0001);

        var session = await rig.Run(CaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, stranger, NetworkRig.DeviceNodeId));
        var evse = new EnergyEVSE.Client(rig.Client(session), ChargerNode.EvseEndpoint);

        var read = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Run(evse.ReadSupplyStateAsync().AsTask()));
        var invoke = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Run(evse.EnableChargingAsync(Charge()).AsTask()));

        Assert.Equal(MatterStatus.UnsupportedAccess, read.Status);
        Assert.Equal(MatterStatus.UnsupportedAccess, invoke.Status);
        Assert.Equal(EnergyEVSE.SupplyStateEnum.Disabled, TestNodes.Read(rig.Charger.Evse.Server, SupplyStateAttribute, EnergyEVSE.AttributeCodecs.DecodeSupplyState));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Commissioning_then_case_interactions_over_udp_loopback(string address)
    {
        var loopback = IPAddress.Parse(address);
        if (loopback.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !System.Net.Sockets.Socket.OSSupportsIPv6)
        {
            return;
        }

        await using var rig = NetworkRig.Udp(loopback);

        var (_, session) = await TestCommissioner.CommissionAsync(rig);
        await ExerciseOperationalSession(rig, session);
    }

    private static async Task ExerciseOperationalSession(NetworkRig rig, Transport.Sessions.SecureSession session)
    {
        Assert.Equal(SessionAuthMode.Case, session.Subject.AuthMode);
        var client = rig.Client(session);
        var evse = new EnergyEVSE.Client(client, ChargerNode.EvseEndpoint);

        Assert.Equal(0x8001, await rig.Run(new BasicInformation.Client(client, 0).ReadProductIDAsync().AsTask()));
        await rig.Run(evse.WriteUserMaximumChargeCurrentAsync(20_000).AsTask());
        Assert.Equal(20_000, await rig.Run(evse.ReadUserMaximumChargeCurrentAsync().AsTask()));

        var subscription = await rig.Run(client.SubscribeAsync(new SubscribeRequest(true, 0, 60, [AttributePath.Concrete(ChargerNode.EvseEndpoint, EnergyEVSE.ClusterId, SupplyStateAttribute)], null, null, true, null)).AsTask());
        Assert.Equal(EnergyEVSE.SupplyStateEnum.Disabled, SupplyState(subscription.Priming));

        var untimed = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Run(evse.EnableChargingAsync(Charge(), timed: false).AsTask()));
        Assert.Equal(MatterStatus.NeedsTimedInteraction, untimed.Status);
        await rig.Run(evse.EnableChargingAsync(Charge(), timed: true).AsTask());

        var change = await rig.Run(subscription.NextReportAsync().AsTask());
        Assert.Equal(EnergyEVSE.SupplyStateEnum.ChargingEnabled, SupplyState(change));
    }

    private static EnergyEVSE.SupplyStateEnum SupplyState(ReportAssembler report)
    {
        var data = report.Attributes().Select(item => item.Data).Single(item => item?.Path.Attribute == SupplyStateAttribute)!;
        var reader = new TlvReader(data.Data.Span);
        Assert.True(reader.Read());
        return EnergyEVSE.AttributeCodecs.DecodeSupplyState(ref reader);
    }

    private static EnergyEVSE.EnableChargingRequest Charge() =>
        new() { ChargingEnabledUntil = null, MinimumChargeCurrent = 6_000, MaximumChargeCurrent = 16_000 };

    private static LossyNetworkOptions Lossy(int seed) => new()
    {
        Seed = seed,
        DropProbability = 0.2,
        DuplicateProbability = 0.05,
        MaxDelay = TimeSpan.FromMilliseconds(30),
    };
}
