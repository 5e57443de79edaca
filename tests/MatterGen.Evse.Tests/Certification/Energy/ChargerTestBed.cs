using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Charger;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Metering;
using MatterGen.Interaction;
using MatterGen.Node;
using MatterGen.Node.Diagnostics;
using MatterGen.Node.Information;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Diagnostics = MatterGen.Node.Clusters.GeneralDiagnostics;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>
/// The whole charger node (<see cref="ChargerNode"/>) as the energy reporting and energy management scripts see it:
/// every server of every endpoint reached only through the generated clients over TLV bytes, on a fake clock, with
/// the CI enable key for the test event triggers (PIXIT.*.TEST_EVENT_TRIGGER_KEY).
/// </summary>
internal sealed class ChargerTestBed : IDisposable
{
    public const ushort Endpoint = ChargerNode.EvseEndpoint;

    private ulong nextEvent;

    public ChargerTestBed(bool bidirectional = true, IAttributeStore? store = null, FakeTimeProvider? time = null, ElectricalSensorOptions? sensorOptions = null)
    {
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2025, 10, 22, 10, 0, 0, TimeSpan.Zero));
        Store = store ?? new InMemoryAttributeStore();
        Charger = ChargerNode.Create(
            new MatterNodeOptions { Information = Information, Time = Time, Store = Store },
            bidirectional: bidirectional,
            diagnosticsOptions: new GeneralDiagnosticsOptions { TestEventTriggerEnableKey = EvseTestBed.EnableKey, NetworkInterfaces = static () => [] },
            sensorOptions: sensorOptions);
        Transport = new InProcessTransport(Privilege.Administer);
        foreach (var server in Charger.Node.EndpointList.SelectMany(endpoint => endpoint.Servers))
        {
            Transport.Add(server);
        }

        GeneralDiagnostics = new Diagnostics.Client(Transport, 0);
        Power = new ElectricalPowerMeasurement.Client(Transport, Endpoint);
        Energy = new ElectricalEnergyMeasurement.Client(Transport, Endpoint);
        Topology = new PowerTopology.Client(Transport, Endpoint);
        EnergyManagement = new DeviceEnergyManagement.Client(Transport, Endpoint);
        EnergyManagementMode = new DeviceEnergyManagementMode.Client(Transport, Endpoint);
        Evse = new EnergyEVSE.Client(Transport, Endpoint);
    }

    public static BasicInformationOptions Information { get; } = new()
    {
        VendorName = "MatterGen",
        VendorId = 0xFFF1,
        ProductName = "Test charger",
        ProductId = 0x8001,
        UniqueId = "energy-tests",
        SerialNumber = "SN-0002",
        HardwareVersion = 1,
        HardwareVersionString = "1",
        SoftwareVersion = 1,
        SoftwareVersionString = "1",
    };

    public FakeTimeProvider Time { get; }

    public IAttributeStore Store { get; }

    public ChargerNode Charger { get; }

    public InProcessTransport Transport { get; }

    public Diagnostics.Client GeneralDiagnostics { get; }

    public ElectricalPowerMeasurement.Client Power { get; }

    public ElectricalEnergyMeasurement.Client Energy { get; }

    public PowerTopology.Client Topology { get; }

    public DeviceEnergyManagement.Client EnergyManagement { get; }

    public DeviceEnergyManagementMode.Client EnergyManagementMode { get; }

    public EnergyEVSE.Client Evse { get; }

    public void Dispose() => Charger.Dispose();

    /// <summary>A charger with a vehicle plugged in that asks for energy, charging enabled at up to 32 A.</summary>
    public static async Task<ChargerTestBed> ChargingAt32AAsync()
    {
        var bed = new ChargerTestBed();
        await bed.TriggerAsync(MatterGen.Evse.TestEvents.EnergyEvseTestEventTriggers.BasicFunctionality);
        await bed.TriggerAsync(MatterGen.Evse.TestEvents.EnergyEvseTestEventTriggers.EVPluggedIn);
        await bed.TriggerAsync(MatterGen.Evse.TestEvents.EnergyEvseTestEventTriggers.EVChargeDemand);
        await bed.Evse.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = null, MinimumChargeCurrent = 6_000, MaximumChargeCurrent = 32_000 });
        return bed;
    }

    /// <summary>
    /// wait_for_event_report on the Device Energy Management events: the next one, which must have the given id.
    /// </summary>
    public async Task<EventRecord> NextEnergyManagementEventAsync(uint eventId)
    {
        var events = await EnergyManagement.ReadEventsAsync(nextEvent);
        Assert.True(events.Count > 0, $"Expected event 0x{eventId:X2}; the queue is empty.");
        Assert.True(events[0].EventId == eventId, $"Expected event 0x{eventId:X2}; the next queued event is 0x{events[0].EventId:X2}.");
        nextEvent = events[0].EventNumber + 1;
        return events[0];
    }

    /// <summary>No Device Energy Management event is queued that no step took.</summary>
    public async Task AssertNoEnergyManagementEventsAsync() => Assert.Empty(await EnergyManagement.ReadEventsAsync(nextEvent));

    /// <summary>The command fails with exactly <paramref name="status"/>.</summary>
    public static async Task ExpectStatusAsync(MatterStatus status, Func<ValueTask> command)
    {
        var exception = await Assert.ThrowsAsync<MatterStatusException>(async () => await command());
        Assert.Equal(status, exception.Status);
    }

    /// <summary>Moves the fake clock on one second at a time, so timers fire as they would.</summary>
    public void Wait(int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Reads a cluster's FeatureMap on the charger endpoint.</summary>
    public Task<uint> ReadFeatureMapAsync(uint clusterId) => GlobalAttributeReads.ReadFeatureMapAsync(Transport, Endpoint, clusterId);

    /// <summary>Reads a cluster's AttributeList on the charger endpoint.</summary>
    public Task<IReadOnlyList<uint>> ReadAttributeListAsync(uint clusterId) => GlobalAttributeReads.ReadAttributeListAsync(Transport, Endpoint, clusterId);

    /// <summary>Reads a cluster's AcceptedCommandList on the charger endpoint.</summary>
    public Task<IReadOnlyList<uint>> ReadAcceptedCommandListAsync(uint clusterId) => GlobalAttributeReads.ReadIdListAsync(Transport, Endpoint, clusterId, GlobalAttributes.AcceptedCommandList);

    /// <summary>
    /// The steps TC-EEM-2.2 to 2.5 share: (2) triggers enabled, (3) start the fake readings, (4) wait and (4a) read a
    /// counter, (5) wait and (5a) read it again, (6) stop the fake readings. Returns the two readings for 5a's check.
    /// </summary>
    public async Task<(ElectricalEnergyMeasurement.EnergyMeasurementStruct First, ElectricalEnergyMeasurement.EnergyMeasurementStruct Second)> RunCounterScriptAsync(
        ulong startTrigger, int waitSeconds, Func<ElectricalEnergyMeasurement.Client, ValueTask<ElectricalEnergyMeasurement.EnergyMeasurementStruct?>> read)
    {
        await CheckTestEventTriggersEnabledAsync();
        await TriggerAsync(startTrigger);
        Wait(waitSeconds);
        var first = await read(Energy);
        Assert.NotNull(first);
        Wait(waitSeconds);
        var second = await read(Energy);
        Assert.NotNull(second);
        await TriggerAsync(MatterGen.Evse.TestEvents.EnergyReportingTestEventTriggers.StopFakeReadings);
        return (first, second);
    }

    /// <summary>check_test_event_triggers_enabled.</summary>
    public async Task CheckTestEventTriggersEnabledAsync() => Assert.True(await GeneralDiagnostics.ReadTestEventTriggersEnabledAsync());

    /// <summary>TestEventTrigger on endpoint 0 with the enable key; the scripts expect SUCCESS.</summary>
    public ValueTask TriggerAsync(ulong eventTrigger) =>
        GeneralDiagnostics.TestEventTriggerAsync(new Diagnostics.TestEventTriggerRequest { EnableKey = EvseTestBed.EnableKey, EventTrigger = eventTrigger });
}
