using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Device;
using MatterGen.Interaction;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>
/// A charger on endpoint 1 reached only through the generated client over TLV bytes, on a fake clock, with the
/// certification tests' event triggers as methods. Waits of seconds take no wall time.
/// </summary>
internal sealed class EvseTestBed : IDisposable
{
    public const ushort Endpoint = 1;

    private ulong nextEvent;

    public EvseTestBed(bool bidirectional = true, IAttributeStore? store = null, FakeTimeProvider? time = null, Action<EnergyEvseOptions>? configure = null)
    {
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2025, 10, 22, 10, 0, 0, TimeSpan.Zero));
        Store = store ?? new InMemoryAttributeStore();
        var options = new EnergyEvseOptions { LocalTimeZone = TimeZoneInfo.Utc };
        configure?.Invoke(options);
        var serverOptions = new ClusterServerOptions { Endpoint = Endpoint, Time = Time, Store = Store, QuieterReportingInterval = TimeSpan.FromSeconds(10) };
        Device = bidirectional ? EnergyEvseDevice.CreateBidirectional(options, serverOptions) : EnergyEvseDevice.CreateStandard(options, serverOptions);
        Transport = new InProcessTransport(Privilege.Administer).Add(Device.Server);
        Client = new EnergyEVSE.Client(Transport, Endpoint);
    }

    public FakeTimeProvider Time { get; }

    public IAttributeStore Store { get; }

    public EnergyEvseDevice Device { get; }

    public EnergyEvseController Controller => Device.Controller;

    public InProcessTransport Transport { get; }

    public EnergyEVSE.Client Client { get; }

    public void Dispose() => Device.Dispose();

    public EpochSeconds InSeconds(int seconds) => EpochSeconds.FromDateTimeOffset(Time.GetUtcNow().AddSeconds(seconds));

    /// <summary>Moves the fake clock on one second at a time, so timers fire as they would.</summary>
    public void Wait(int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    // Test event triggers (0x0099_0000_0000_00xx).
    public void BasicFunctionality()
    {
        Controller.SetCircuitCapacity(32_000);
        Assert.Equal(MatterStatus.Success, Controller.SetHardwareState(HardwareState.NotPluggedIn));
    }

    public void PlugIn()
    {
        Controller.SetCableAssemblyLimit(63_000);
        Assert.Equal(MatterStatus.Success, Controller.SetHardwareState(HardwareState.PluggedInNoDemand));
    }

    public void Unplug() => Assert.Equal(MatterStatus.Success, Controller.SetHardwareState(HardwareState.NotPluggedIn));

    public void Demand() => Assert.Equal(MatterStatus.Success, Controller.SetHardwareState(HardwareState.PluggedInDemand));

    public void DemandClear() => Assert.Equal(MatterStatus.Success, Controller.SetHardwareState(HardwareState.PluggedInNoDemand));

    public ValueTask EnableChargingAsync(EpochSeconds? until, long minimum, long maximum) =>
        Client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = until, MinimumChargeCurrent = minimum, MaximumChargeCurrent = maximum });

    public ValueTask DisableAsync() => Client.DisableAsync(new EnergyEVSE.DisableRequest());

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
