using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Device;
using MatterGen.Interaction;
using MatterGen.Node.Diagnostics;
using MatterGen.TestEvents;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Codes = MatterGen.Evse.TestEvents.EnergyEvseTestEventTriggers;
using Diagnostics = MatterGen.Node.Clusters.GeneralDiagnostics;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>
/// A charger node as the certification scripts see it: Energy EVSE on endpoint 1 and General Diagnostics on
/// endpoint 0, reached only through the generated clients over TLV bytes, on a fake clock (waits of seconds take
/// no wall time). The device runs with its shipped settings (session reports at most every 10 s) and a meter that
/// reports every second while a vehicle is connected, as the station's meter does (EvseStationOptions.MeterInterval).
/// The scripts' helpers are here: test event triggers sent with the CI enable key, the event queue the scripts'
/// subscription fills (each step takes the next event and checks its id), and the attribute report counts.
/// </summary>
internal sealed class EvseTestBed : IDisposable
{
    public const ushort Endpoint = 1;
    public const ushort RootEndpoint = 0;

    /// <summary>The enable key the scripts' CI runs pass (PIXIT.EEVSE.TEST_EVENT_TRIGGER_KEY).</summary>
    public static readonly byte[] EnableKey = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");

    /// <summary>The station's meter reading interval (EvseStationOptions.MeterInterval default).</summary>
    public static readonly TimeSpan MeterInterval = TimeSpan.FromSeconds(1);

    private readonly IDisposable triggerRegistration;
    private readonly ITimer meter;
    private readonly Dictionary<uint, int> reportCounts = new();
    private ulong nextEvent;
    private long meterImported;

    public EvseTestBed(bool bidirectional = true, IAttributeStore? store = null, FakeTimeProvider? time = null, Action<EnergyEvseOptions>? configure = null)
    {
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2025, 10, 22, 10, 0, 0, TimeSpan.Zero));
        Store = store ?? new InMemoryAttributeStore();
        var options = new EnergyEvseOptions { LocalTimeZone = TimeZoneInfo.Utc };
        configure?.Invoke(options);
        var serverOptions = new ClusterServerOptions { Endpoint = Endpoint, Time = Time, Store = Store };
        Device = bidirectional ? EnergyEvseDevice.CreateBidirectional(options, serverOptions) : EnergyEvseDevice.CreateStandard(options, serverOptions);
        Triggers = new TestEventTriggerRegistry();
        triggerRegistration = Device.RegisterTestEventTriggers(Triggers);
        DiagnosticsDevice = new GeneralDiagnosticsDevice(
            Triggers,
            new GeneralDiagnosticsOptions { TestEventTriggerEnableKey = EnableKey, NetworkInterfaces = static () => [] },
            new ClusterServerOptions { Endpoint = RootEndpoint, Time = Time });
        Transport = new InProcessTransport(Privilege.Administer).Add(Device.Server).Add(DiagnosticsDevice.Server);
        Client = new EnergyEVSE.Client(Transport, Endpoint);
        GeneralDiagnostics = new Diagnostics.Client(Transport, RootEndpoint);
        Device.Server.AttributeReported += change =>
        {
            lock (reportCounts)
            {
                reportCounts[change.AttributeId] = reportCounts.GetValueOrDefault(change.AttributeId) + 1;
            }
        };
        meter = Time.CreateTimer(_ => MeterTick(), null, MeterInterval, MeterInterval);
    }

    public FakeTimeProvider Time { get; }

    public IAttributeStore Store { get; }

    public EnergyEvseDevice Device { get; }

    /// <summary>The device logic, for tests that act as the hardware (not used by the certification scripts).</summary>
    public EnergyEvseController Controller => Device.Controller;

    public TestEventTriggerRegistry Triggers { get; }

    public GeneralDiagnosticsDevice DiagnosticsDevice { get; }

    public InProcessTransport Transport { get; }

    public EnergyEVSE.Client Client { get; }

    public Diagnostics.Client GeneralDiagnostics { get; }

    public void Dispose()
    {
        meter.Dispose();
        triggerRegistration.Dispose();
        DiagnosticsDevice.Dispose();
        Device.Dispose();
    }

    public EpochSeconds InSeconds(int seconds) => EpochSeconds.FromDateTimeOffset(Time.GetUtcNow().AddSeconds(seconds));

    /// <summary>Moves the fake clock on one second at a time, so timers fire as they would.</summary>
    public void Wait(int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>check_test_event_triggers_enabled: General Diagnostics' TestEventTriggersEnabled reads true.</summary>
    public async Task CheckTestEventTriggersEnabledAsync() => Assert.True(await GeneralDiagnostics.ReadTestEventTriggersEnabledAsync());

    /// <summary>TestEventTrigger on endpoint 0 with the enable key; the scripts expect SUCCESS.</summary>
    public ValueTask TriggerAsync(ulong eventTrigger) =>
        GeneralDiagnostics.TestEventTriggerAsync(new Diagnostics.TestEventTriggerRequest { EnableKey = EnableKey, EventTrigger = eventTrigger });

    public ValueTask BasicAsync() => TriggerAsync(Codes.BasicFunctionality);

    public ValueTask BasicClearAsync() => TriggerAsync(Codes.BasicFunctionalityClear);

    public ValueTask PlugInAsync() => TriggerAsync(Codes.EVPluggedIn);

    public ValueTask PlugInClearAsync() => TriggerAsync(Codes.EVPluggedInClear);

    public ValueTask DemandAsync() => TriggerAsync(Codes.EVChargeDemand);

    public ValueTask DemandClearAsync() => TriggerAsync(Codes.EVChargeDemandClear);

    public ValueTask EnableChargingAsync(EpochSeconds? until, long minimum, long maximum) =>
        Client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = until, MinimumChargeCurrent = minimum, MaximumChargeCurrent = maximum });

    public ValueTask EnableDischargingAsync(EpochSeconds? until, long maximum) =>
        Client.EnableDischargingAsync(new EnergyEVSE.EnableDischargingRequest { DischargingEnabledUntil = until, MaximumDischargeCurrent = maximum });

    public ValueTask DisableAsync() => Client.DisableAsync(new EnergyEVSE.DisableRequest());

    /// <summary>The command fails with exactly <paramref name="status"/> (send_*_command(expected_status=...)).</summary>
    public static async Task ExpectStatusAsync(MatterStatus status, Func<ValueTask> command)
    {
        var exception = await Assert.ThrowsAsync<MatterStatusException>(async () => await command());
        Assert.Equal(status, exception.Status);
    }

    /// <summary>
    /// wait_for_event_report: the next event in the queue, which must have the given id. An extra event before it
    /// fails here, as it fails the script.
    /// </summary>
    public async Task<EventRecord> NextEventAsync(uint eventId)
    {
        var events = await Client.ReadEventsAsync(nextEvent);
        Assert.True(events.Count > 0, $"Expected event 0x{eventId:X2}; the queue is empty.");
        var record = events[0];
        Assert.True(record.EventId == eventId, $"Expected event 0x{eventId:X2}; the next queued event is 0x{record.EventId:X2}.");
        nextEvent = record.EventNumber + 1;
        return record;
    }

    public async Task<EnergyEVSE.EVConnectedEvent> NextEVConnectedAsync() => EnergyEVSE.Client.DecodeEVConnected(await NextEventAsync(EnergyEVSE.Events.EVConnected.Id));

    public async Task<EnergyEVSE.EVNotDetectedEvent> NextEVNotDetectedAsync() => EnergyEVSE.Client.DecodeEVNotDetected(await NextEventAsync(EnergyEVSE.Events.EVNotDetected.Id));

    public async Task<EnergyEVSE.EnergyTransferStartedEvent> NextEnergyTransferStartedAsync() => EnergyEVSE.Client.DecodeEnergyTransferStarted(await NextEventAsync(EnergyEVSE.Events.EnergyTransferStarted.Id));

    public async Task<EnergyEVSE.EnergyTransferStoppedEvent> NextEnergyTransferStoppedAsync() => EnergyEVSE.Client.DecodeEnergyTransferStopped(await NextEventAsync(EnergyEVSE.Events.EnergyTransferStopped.Id));

    public async Task<EnergyEVSE.FaultEvent> NextFaultAsync() => EnergyEVSE.Client.DecodeFault(await NextEventAsync(EnergyEVSE.Events.Fault.Id));

    /// <summary>Nothing is left in the queue that no step took.</summary>
    public async Task AssertNoQueuedEventsAsync()
    {
        var left = await Client.ReadEventsAsync(nextEvent);
        Assert.True(left.Count == 0, $"Events no step took: {string.Join(", ", left.Select(e => $"0x{e.EventId:X2}"))}");
    }

    /// <summary>validate_energy_transfer_started_event.</summary>
    public static void ValidateStarted(EnergyEVSE.EnergyTransferStartedEvent e, uint? sessionId, EnergyEVSE.StateEnum state, long maximumCurrent)
    {
        Assert.Equal(sessionId, e.SessionID);
        Assert.Equal(state, e.State);
        Assert.Equal(maximumCurrent, e.MaximumCurrent);
    }

    /// <summary>validate_energy_transfer_stopped_event.</summary>
    public static void ValidateStopped(EnergyEVSE.EnergyTransferStoppedEvent e, uint? sessionId, EnergyEVSE.StateEnum state, EnergyEVSE.EnergyTransferStoppedReasonEnum reason)
    {
        Assert.Equal(sessionId, e.SessionID);
        Assert.Equal(state, e.State);
        Assert.Equal(reason, e.Reason);
    }

    /// <summary>validate_ev_not_detected_event.</summary>
    public static void ValidateNotDetected(EnergyEVSE.EVNotDetectedEvent e, uint? sessionId, EnergyEVSE.StateEnum state, uint minimumDuration, long minimumCharged)
    {
        Assert.Equal(sessionId, e.SessionID);
        Assert.Equal(state, e.State);
        Assert.True(e.SessionDuration.Value >= minimumDuration, $"SessionDuration {e.SessionDuration.Value} < {minimumDuration}");
        Assert.True(e.SessionEnergyCharged >= minimumCharged, $"SessionEnergyCharged {e.SessionEnergyCharged} < {minimumCharged}");
    }

    /// <summary>validate_evse_fault_event.</summary>
    public static void ValidateFault(EnergyEVSE.FaultEvent e, uint? sessionId, EnergyEVSE.StateEnum state, EnergyEVSE.FaultStateEnum previous, EnergyEVSE.FaultStateEnum current)
    {
        Assert.Equal(sessionId, e.SessionID);
        Assert.Equal(state, e.State);
        Assert.Equal(previous, e.FaultStatePreviousState);
        Assert.Equal(current, e.FaultStateCurrentState);
    }

    /// <summary>The four NextCharge attributes read null: no charge is planned.</summary>
    public async Task AssertNoChargePlanAsync()
    {
        Assert.Null(await Client.ReadNextChargeStartTimeAsync());
        Assert.Null(await Client.ReadNextChargeTargetTimeAsync());
        Assert.Null(await Client.ReadNextChargeRequiredEnergyAsync());
        Assert.Null(await Client.ReadNextChargeTargetSoCAsync());
    }

    /// <summary>The subscription's report counts start again (sub_handler.reset()).</summary>
    public void ResetReportCounts()
    {
        lock (reportCounts)
        {
            reportCounts.Clear();
        }
    }

    /// <summary>How many reports of the attribute the subscription received since the last reset.</summary>
    public int ReportCount(uint attributeId)
    {
        lock (reportCounts)
        {
            return reportCounts.GetValueOrDefault(attributeId);
        }
    }

    /// <summary>Reads the FeatureMap global attribute.</summary>
    public Task<uint> ReadFeatureMapAsync() => GlobalAttributeReads.ReadFeatureMapAsync(Transport, Endpoint, EnergyEVSE.ClusterId);

    /// <summary>Reads the AttributeList global attribute (get_supported_energy_evse_attributes).</summary>
    public Task<IReadOnlyList<uint>> ReadAttributeListAsync() => GlobalAttributeReads.ReadAttributeListAsync(Transport, Endpoint, EnergyEVSE.ClusterId);

    /// <summary>
    /// compute_expected_target_time_as_epoch_s: the next local (here UTC) occurrence of the minute past midnight,
    /// tomorrow when today's has passed.
    /// </summary>
    public EpochSeconds ExpectedTargetTime(int minutesPastMidnight)
    {
        var now = Time.GetUtcNow();
        var target = new DateTimeOffset(now.Year, now.Month, now.Day, minutesPastMidnight / 60, minutesPastMidnight % 60, 0, TimeSpan.Zero);
        if (target < now)
        {
            target = target.AddDays(1);
        }

        return EpochSeconds.FromDateTimeOffset(target);
    }

    // The station's meter: energy flows at the maximum charge current on 230 V while the EVSE charges.
    private void MeterTick()
    {
        var core = (IEnergyEvseCore)Device.Server;
        if (core.State == EnergyEVSE.StateEnum.PluggedInCharging)
        {
            meterImported += core.MaximumChargeCurrent * 230 / 3600; // mA x V x 1 s = mW s; / 3600 = mWh
        }

        Controller.UpdateMeter(meterImported, 0);
    }

    /// <summary>Invokes a command with hand-made TLV, as a peer that ignores the client-side checks would.</summary>
    public async ValueTask InvokeRawAsync(uint commandId, byte[] fields)
    {
        var result = await Transport.InvokeAsync(Endpoint, EnergyEVSE.ClusterId, commandId, fields, timed: true);
        if (result.Status != MatterStatus.Success)
        {
            throw new MatterStatusException(result.Status);
        }
    }

    /// <summary>Writes an attribute with hand-made TLV.</summary>
    public async ValueTask WriteRawAsync(uint attributeId, byte[] value)
    {
        var status = await Transport.WriteAttributeAsync(Endpoint, EnergyEVSE.ClusterId, attributeId, value, timed: true);
        if (status != MatterStatus.Success)
        {
            throw new MatterStatusException(status);
        }
    }

    /// <summary>The events recorded since the last call, in order.</summary>
    public async Task<IReadOnlyList<EventRecord>> NewEventsAsync()
    {
        var events = await Client.ReadEventsAsync(nextEvent);
        if (events.Count > 0)
        {
            nextEvent = events[^1].EventNumber + 1;
        }

        return events;
    }

    /// <summary>The single new event, which must be of the given id.</summary>
    public async Task<EventRecord> SingleNewEventAsync(uint eventId)
    {
        var events = await NewEventsAsync();
        var record = Assert.Single(events);
        Assert.Equal(eventId, record.EventId);
        return record;
    }

    /// <summary>Every attribute the client can read, as raw TLV, for "nothing changed" checks.</summary>
    public async Task<IReadOnlyDictionary<uint, string>> SnapshotAsync()
    {
        var result = new SortedDictionary<uint, string>();
        foreach (var id in Device.Server.Description.AttributeList.Where(id => id < 0xFFF0))
        {
            var read = await Transport.ReadAttributeAsync(Endpoint, EnergyEVSE.ClusterId, id);
            result[id] = Convert.ToHexString(read.Value.Span);
        }

        return result;
    }

    /// <summary>The command fails with <paramref name="status"/> and changes nothing.</summary>
    public async Task AssertRejectedAsync(MatterStatus status, Func<ValueTask> command)
    {
        var before = await SnapshotAsync();
        var eventsBefore = (await Client.ReadEventsAsync(nextEvent)).Count;
        var exception = await Assert.ThrowsAsync<MatterStatusException>(async () => await command());
        Assert.Equal(status, exception.Status);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(eventsBefore, (await Client.ReadEventsAsync(nextEvent)).Count);
    }
}
