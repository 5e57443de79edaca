using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.Tlv;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Clusters.Tests.Interaction;

/// <summary>
/// Generated Energy EVSE servers and the generated client, connected through the in-process transport by TLV
/// bytes only, in two feature sets: PREF alone, and PREF+SOC+RFID+V2X with UserMaximumChargeCurrent.
/// </summary>
public sealed class EnergyEvseInteractionTests
{
    private const ushort Endpoint = 1;

    private static EnergyEVSE.EnableChargingRequest Charge(long maximum = 16_000) =>
        new() { ChargingEnabledUntil = null, MinimumChargeCurrent = 6_000, MaximumChargeCurrent = maximum };

    private static (BidirectionalCharger Server, EvseTestDriver Driver, InProcessTransport Transport, EnergyEVSE.Client Client) Bidirectional(Privilege privilege = Privilege.Administer, ClusterServerOptions? options = null)
    {
        var driver = new EvseTestDriver();
        var server = new BidirectionalCharger(driver, options);
        var transport = new InProcessTransport(privilege).Add(server);
        return (server, driver, transport, new EnergyEVSE.Client(transport, Endpoint));
    }

    private static (PrefOnlyCharger Server, EvseTestDriver Driver, InProcessTransport Transport, EnergyEVSE.Client Client) PrefOnly()
    {
        var driver = new EvseTestDriver();
        var server = new PrefOnlyCharger(driver);
        var transport = new InProcessTransport().Add(server);
        return (server, driver, transport, new EnergyEVSE.Client(transport, Endpoint));
    }

    [Fact]
    public async Task Every_attribute_of_either_feature_set_is_readable_and_nothing_else_is()
    {
        var (prefOnly, _, prefTransport, _) = PrefOnly();
        var (bidirectional, _, biTransport, _) = Bidirectional();
        foreach (var (server, transport) in new (ClusterServer, InProcessTransport)[] { (prefOnly, prefTransport), (bidirectional, biTransport) })
        {
            foreach (var id in server.Description.AttributeList)
            {
                var result = await transport.ReadAttributeAsync(Endpoint, EnergyEVSE.ClusterId, id);
                Assert.True(result.Status == MatterStatus.Success, $"attribute 0x{id:X4}: {result.Status}");
                Assert.False(result.Value.IsEmpty);
            }

            foreach (var absent in EnergyEVSE.Attributes.All.Select(a => a.Id).Except(server.Description.AttributeList))
            {
                Assert.Equal(MatterStatus.UnsupportedAttribute, (await transport.ReadAttributeAsync(Endpoint, EnergyEVSE.ClusterId, absent)).Status);
            }
        }

        // DischargingEnabledUntil, MaximumDischargeCurrent, SessionEnergyDischarged (V2X), UserMaximumChargeCurrent
        // (enabled), StateOfCharge, BatteryCapacity (SOC).
        Assert.Equal([0x04u, 0x08u, 0x09u, 0x30u, 0x31u, 0x43u], bidirectional.Description.AttributeList.Except(prefOnly.Description.AttributeList).Order());
    }

    [Fact]
    public async Task Typed_reads_give_the_values_the_device_set()
    {
        var (server, _, _, client) = Bidirectional();
        server.State = EnergyEVSE.StateEnum.PluggedInCharging;
        server.StateOfCharge = 63;
        server.DischargingEnabledUntil = new EpochSeconds(1_000);

        Assert.Equal(EnergyEVSE.StateEnum.PluggedInCharging, await client.ReadStateAsync());
        Assert.Equal((byte)63, await client.ReadStateOfChargeAsync());
        Assert.Equal(new EpochSeconds(1_000), await client.ReadDischargingEnabledUntilAsync());
        Assert.Null(await client.ReadBatteryCapacityAsync());
        Assert.Equal(6_000, await client.ReadMinimumChargeCurrentAsync());
        var prefOnly = PrefOnly().Client;
        var absent = await Assert.ThrowsAsync<MatterStatusException>(() => prefOnly.ReadStateOfChargeAsync().AsTask());
        Assert.Equal(MatterStatus.UnsupportedAttribute, absent.Status);
    }

    [Fact]
    public async Task The_global_lists_read_over_TLV_equal_the_specialization()
    {
        foreach (var (transport, attributes, accepted, generated, featureMap) in new (InProcessTransport, System.Collections.Generic.IReadOnlyList<uint>, System.Collections.Generic.IReadOnlyList<uint>, System.Collections.Generic.IReadOnlyList<uint>, uint)[]
        {
            (PrefOnly().Transport, PrefOnlyCharger.AttributeList, PrefOnlyCharger.AcceptedCommandList, PrefOnlyCharger.GeneratedCommandList, PrefOnlyCharger.FeatureMap),
            (Bidirectional().Transport, BidirectionalCharger.AttributeList, BidirectionalCharger.AcceptedCommandList, BidirectionalCharger.GeneratedCommandList, BidirectionalCharger.FeatureMap),
        })
        {
            Assert.Equal(attributes, TlvBytes.Ids((await transport.ReadAttributeAsync(Endpoint, EnergyEVSE.ClusterId, GlobalAttributes.AttributeList)).Value));
            Assert.Equal(accepted, TlvBytes.Ids((await transport.ReadAttributeAsync(Endpoint, EnergyEVSE.ClusterId, GlobalAttributes.AcceptedCommandList)).Value));
            Assert.Equal(generated, TlvBytes.Ids((await transport.ReadAttributeAsync(Endpoint, EnergyEVSE.ClusterId, GlobalAttributes.GeneratedCommandList)).Value));
            Assert.Equal(featureMap, TlvBytes.Unsigned((await transport.ReadAttributeAsync(Endpoint, EnergyEVSE.ClusterId, GlobalAttributes.FeatureMap)).Value));
            Assert.Equal(EnergyEVSE.ClusterRevision, TlvBytes.Unsigned((await transport.ReadAttributeAsync(Endpoint, EnergyEVSE.ClusterId, GlobalAttributes.ClusterRevision)).Value));
        }

        Assert.Equal([0x01u, 0x02u, 0x05u, 0x06u, 0x07u], PrefOnlyCharger.AcceptedCommandList);
        Assert.Equal([0x01u, 0x02u, 0x03u, 0x05u, 0x06u, 0x07u], BidirectionalCharger.AcceptedCommandList);
        Assert.Equal(BidirectionalCharger.EventList, Bidirectional().Server.Description.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task A_writable_attribute_is_written_and_read_back_and_its_constraint_is_enforced()
    {
        var (server, _, _, client) = Bidirectional();

        await client.WriteUserMaximumChargeCurrentAsync(20_000);
        Assert.Equal(20_000, server.UserMaximumChargeCurrent);
        Assert.Equal(20_000, await client.ReadUserMaximumChargeCurrentAsync());

        // Home charger: the user tightened the maximum to 32 A, and RandomizationDelayWindow's is a day.
        var home = new HomeCharger(new EvseTestDriver());
        var homeClient = new EnergyEVSE.Client(new InProcessTransport().Add(home), Endpoint);
        await homeClient.WriteUserMaximumChargeCurrentAsync(32_000);
        var tooHigh = await Assert.ThrowsAsync<MatterStatusException>(() => homeClient.WriteUserMaximumChargeCurrentAsync(32_001).AsTask());
        Assert.Equal(MatterStatus.ConstraintError, tooHigh.Status);
        Assert.Equal(32_000, home.UserMaximumChargeCurrent);
        Assert.Equal(32_000m, home.Description.FindAttribute(0x0009)!.Max);
        // The client's codec refuses a value outside the definition's range before sending; a peer that sends one
        // anyway gets CONSTRAINT_ERROR.
        await Assert.ThrowsAsync<TlvException>(() => homeClient.WriteRandomizationDelayWindowAsync(new ElapsedSeconds(86_401)).AsTask());
        var dayAndASecond = TlvBytes.Of((ref TlvWriter w) => w.WriteUnsignedInteger(TlvTag.Anonymous, 86_401));
        Assert.Equal(MatterStatus.ConstraintError, await homeClient.Transport.WriteAttributeAsync(Endpoint, EnergyEVSE.ClusterId, 0x000A, dayAndASecond, timed: false));
        Assert.Equal(new ElapsedSeconds(300), home.RandomizationDelayWindow);
    }

    [Fact]
    public async Task Writes_fail_with_the_status_the_Interaction_Model_gives_each_fault()
    {
        var (server, _, transport, _) = Bidirectional();
        var amps = TlvBytes.Of((ref TlvWriter w) => w.WriteSignedInteger(TlvTag.Anonymous, 10_000));
        var text = TlvBytes.Of((ref TlvWriter w) => w.WriteString(TlvTag.Anonymous, "ten amps"));

        Assert.Equal(MatterStatus.UnsupportedWrite, await transport.WriteAttributeAsync(Endpoint, EnergyEVSE.ClusterId, 0x0000, amps, timed: false)); // State is read-only
        Assert.Equal(MatterStatus.UnsupportedWrite, await transport.WriteAttributeAsync(Endpoint, EnergyEVSE.ClusterId, GlobalAttributes.FeatureMap, amps, timed: false));
        Assert.Equal(MatterStatus.InvalidDataType, await transport.WriteAttributeAsync(Endpoint, EnergyEVSE.ClusterId, 0x0009, text, timed: false));
        Assert.Equal(MatterStatus.InvalidDataType, await transport.WriteAttributeAsync(Endpoint, EnergyEVSE.ClusterId, 0x0009, ReadOnlyMemory<byte>.Empty, timed: false));
        Assert.Equal(MatterStatus.UnsupportedAttribute, await transport.WriteAttributeAsync(Endpoint, EnergyEVSE.ClusterId, 0x000A, amps, timed: false)); // RandomizationDelayWindow not enabled here
        Assert.Equal(MatterStatus.UnsupportedAccess, await transport.WithPrivilege(Privilege.View).WriteAttributeAsync(Endpoint, EnergyEVSE.ClusterId, 0x0009, amps, timed: false));
        Assert.Equal(MatterStatus.UnsupportedAccess, await transport.WithPrivilege(Privilege.Operate).WriteAttributeAsync(Endpoint, EnergyEVSE.ClusterId, 0x0009, amps, timed: false));
        Assert.Equal(0, server.UserMaximumChargeCurrent);
        Assert.Equal(MatterStatus.Success, await transport.WithPrivilege(Privilege.Manage).WriteAttributeAsync(Endpoint, EnergyEVSE.ClusterId, 0x0009, amps, timed: false));
        Assert.Equal(10_000, server.UserMaximumChargeCurrent);
    }

    [Fact]
    public async Task Commands_reach_the_driver_with_the_timed_and_privilege_rules_enforced()
    {
        var (_, driver, transport, client) = Bidirectional();

        var untimed = await Assert.ThrowsAsync<MatterStatusException>(() => client.EnableChargingAsync(Charge(), timed: false).AsTask());
        Assert.Equal(MatterStatus.NeedsTimedInteraction, untimed.Status);
        Assert.Empty(driver.Calls);

        var viewer = new EnergyEVSE.Client(transport.WithPrivilege(Privilege.View), Endpoint);
        var denied = await Assert.ThrowsAsync<MatterStatusException>(() => viewer.EnableChargingAsync(Charge()).AsTask());
        Assert.Equal(MatterStatus.UnsupportedAccess, denied.Status);
        Assert.Empty(driver.Calls);

        var operate = new EnergyEVSE.Client(transport.WithPrivilege(Privilege.Operate), Endpoint);
        await operate.EnableChargingAsync(Charge());
        var (command, request, context) = Assert.Single(driver.Calls);
        Assert.Equal("EnableCharging", command);
        Assert.Equal(Charge(), request);
        Assert.Equal(Privilege.Operate, context.Privilege);
        Assert.True(context.IsTimed);

        await client.EnableDischargingAsync(new EnergyEVSE.EnableDischargingRequest { DischargingEnabledUntil = null, MaximumDischargeCurrent = 8_000 });
        Assert.Equal("EnableDischarging", driver.Calls.Last().Command);
    }

    [Fact]
    public async Task A_command_outside_the_feature_set_is_unsupported()
    {
        var (_, driver, _, client) = PrefOnly();
        var discharge = new EnergyEVSE.EnableDischargingRequest { DischargingEnabledUntil = null, MaximumDischargeCurrent = 8_000 };

        var refused = await Assert.ThrowsAsync<MatterStatusException>(() => client.EnableDischargingAsync(discharge).AsTask());

        Assert.Equal(MatterStatus.UnsupportedCommand, refused.Status);
        Assert.Empty(driver.Calls);
        Assert.Equal(MatterStatus.UnsupportedCommand, (await PrefOnly().Transport.InvokeAsync(Endpoint, EnergyEVSE.ClusterId, 0x0004, TlvBytes.Of((ref TlvWriter w) => { w.StartStructure(TlvTag.Anonymous); w.EndContainer(); }), timed: true)).Status);
    }

    [Fact]
    public async Task Malformed_or_out_of_range_request_bytes_never_reach_the_driver()
    {
        var (_, driver, transport, _) = Bidirectional();
        async Task<MatterStatus> Invoke(byte[] fields) => (await transport.InvokeAsync(Endpoint, EnergyEVSE.ClusterId, 0x0002, fields, timed: true)).Status;

        Assert.Equal(MatterStatus.InvalidCommand, await Invoke([0x15, 0x24, 0x01])); // truncated structure
        Assert.Equal(MatterStatus.InvalidCommand, await Invoke([]));
        Assert.Equal(MatterStatus.InvalidCommand, await Invoke(TlvBytes.Of((ref TlvWriter w) =>
        {
            w.StartStructure(TlvTag.Anonymous);
            w.WriteNull(TlvTag.Context(0));
            w.EndContainer(); // both currents missing
        })));
        Assert.Equal(MatterStatus.InvalidCommand, await Invoke(TlvBytes.Of((ref TlvWriter w) => w.WriteString(TlvTag.Anonymous, "charge"))));
        Assert.Equal(MatterStatus.ConstraintError, await Invoke(TlvBytes.Of((ref TlvWriter w) =>
        {
            w.StartStructure(TlvTag.Anonymous);
            w.WriteNull(TlvTag.Context(0));
            w.WriteSignedInteger(TlvTag.Context(1), -1); // below the minimum 0
            w.WriteSignedInteger(TlvTag.Context(2), 16_000);
            w.EndContainer();
        })));
        Assert.Empty(driver.Calls);
    }

    [Fact]
    public async Task A_driver_refusal_and_a_typed_response_come_back_to_the_client()
    {
        var (_, driver, _, client) = Bidirectional();

        var refused = await Assert.ThrowsAsync<MatterStatusException>(() => client.EnableChargingAsync(Charge(40_000)).AsTask());
        Assert.Equal(MatterStatus.InvalidInState, refused.Status);

        var schedules = new[]
        {
            new EnergyEVSE.ChargingTargetScheduleStruct
            {
                DayOfWeekForSequence = EnergyEVSE.TargetDayOfWeekBitmap.Saturday,
                ChargingTargets = [new EnergyEVSE.ChargingTargetStruct { TargetTimeMinutesPastMidnight = 420, TargetSoC = 90 }],
            },
        };
        await client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest { ChargingTargetSchedules = schedules });
        var response = await client.GetTargetsAsync(new EnergyEVSE.GetTargetsRequest());
        Assert.Equal(new EnergyEVSE.GetTargetsResponse { ChargingTargetSchedules = schedules }, response);
        await client.ClearTargetsAsync(new EnergyEVSE.ClearTargetsRequest());
        Assert.Empty((await client.GetTargetsAsync(new EnergyEVSE.GetTargetsRequest())).ChargingTargetSchedules);
        Assert.Equal(["SetTargets", "GetTargets", "ClearTargets", "GetTargets"], driver.Calls.Select(call => call.Command));
    }

    [Fact]
    public async Task Events_are_numbered_in_order_with_their_priority_and_decode_to_what_was_emitted()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));
        var (server, _, _, client) = Bidirectional(options: new ClusterServerOptions { Time = time });

        var connected = server.EmitEVConnected(new EnergyEVSE.EVConnectedEvent { SessionID = 7 });
        time.Advance(TimeSpan.FromSeconds(5));
        server.EmitEnergyTransferStarted(new EnergyEVSE.EnergyTransferStartedEvent { SessionID = 7, State = EnergyEVSE.StateEnum.PluggedInCharging, MaximumCurrent = 16_000 });
        server.EmitFault(new EnergyEVSE.FaultEvent { SessionID = 7, State = EnergyEVSE.StateEnum.Fault, FaultStatePreviousState = EnergyEVSE.FaultStateEnum.NoError, FaultStateCurrentState = EnergyEVSE.FaultStateEnum.GroundFault });

        var events = await client.ReadEventsAsync();
        Assert.Equal([connected.EventNumber, connected.EventNumber + 1, connected.EventNumber + 2], events.Select(e => e.EventNumber));
        Assert.Equal([0x00u, 0x02u, 0x04u], events.Select(e => e.EventId));
        Assert.Equal([EventPriority.Info, EventPriority.Info, EventPriority.Critical], events.Select(e => e.Priority));
        Assert.Equal(time.GetUtcNow(), events[2].Timestamp);
        Assert.Equal(7u, EnergyEVSE.Client.DecodeEVConnected(events[0]).SessionID);
        Assert.Equal(EnergyEVSE.FaultStateEnum.GroundFault, EnergyEVSE.Client.DecodeFault(events[2]).FaultStateCurrentState);
        Assert.Throws<ArgumentException>(() => EnergyEVSE.Client.DecodeFault(events[0]));
        Assert.Equal([events[2].EventNumber], (await client.ReadEventsAsync(connected.EventNumber + 2)).Select(e => e.EventNumber));
    }

    [Fact]
    public async Task The_data_version_changes_with_every_change_and_only_then()
    {
        var (server, _, transport, client) = Bidirectional();
        var start = server.DataVersion;

        server.SessionID = 1;
        Assert.Equal(start + 1, server.DataVersion);
        server.SessionID = 1;
        Assert.Equal(start + 1, server.DataVersion);
        await client.WriteUserMaximumChargeCurrentAsync(12_000);
        Assert.Equal(start + 2, server.DataVersion);
        Assert.Equal(start + 2, (await transport.ReadAttributeAsync(Endpoint, EnergyEVSE.ClusterId, 0x0040)).DataVersion);
        var text = TlvBytes.Of((ref TlvWriter w) => w.WriteString(TlvTag.Anonymous, "twelve"));
        Assert.Equal(MatterStatus.InvalidDataType, await transport.WriteAttributeAsync(Endpoint, EnergyEVSE.ClusterId, 0x0009, text, timed: false));
        Assert.Equal(start + 2, server.DataVersion); // a refused write changes nothing
    }

    [Fact]
    public void A_quieter_reporting_attribute_is_reported_at_most_once_per_interval()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));
        var (server, _, _, _) = Bidirectional(options: new ClusterServerOptions { Time = time, QuieterReportingInterval = TimeSpan.FromSeconds(10) });
        var reports = new System.Collections.Generic.List<(DateTimeOffset At, AttributeChange Change)>();
        server.AttributeReported += change => reports.Add((time.GetUtcNow(), change));

        server.SessionDuration = new ElapsedSeconds(0); // from null: reported at once
        Assert.Single(reports);
        for (uint second = 1; second <= 9; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            server.SessionDuration = new ElapsedSeconds(second);
        }

        Assert.Single(reports);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, reports.Count);
        Assert.Equal(server.DataVersion, reports[1].Change.DataVersion);
        server.SessionDuration = null; // to null: at once
        Assert.Equal(3, reports.Count);
        Assert.All(reports, report => Assert.Equal(0x0041u, report.Change.AttributeId));

        server.State = EnergyEVSE.StateEnum.PluggedInDemand; // no quality: every change
        server.State = EnergyEVSE.StateEnum.PluggedInCharging;
        Assert.Equal(5, reports.Count);
    }

    [Fact]
    public async Task A_non_volatile_attribute_is_restored_into_a_new_server_from_the_store()
    {
        var store = new InMemoryAttributeStore();
        var (first, _, _, client) = Bidirectional(options: new ClusterServerOptions { Store = store });
        await client.WriteUserMaximumChargeCurrentAsync(24_000);
        first.SessionID = 42;
        first.State = EnergyEVSE.StateEnum.PluggedInCharging; // volatile: not kept

        var second = new BidirectionalCharger(new EvseTestDriver(), new ClusterServerOptions { Store = store });

        Assert.Equal(24_000, second.UserMaximumChargeCurrent);
        Assert.Equal(42u, second.SessionID);
        Assert.Null(second.State);
        Assert.Equal(0, new BidirectionalCharger(new EvseTestDriver(), new ClusterServerOptions { Store = new InMemoryAttributeStore() }).UserMaximumChargeCurrent);
    }
}
