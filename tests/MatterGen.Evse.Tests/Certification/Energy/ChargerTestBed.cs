using System;
using System.Collections.Generic;
using MatterGen.DataModel;
using System.Linq;
using System.Threading.Tasks;
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

    public void Dispose() => Charger.Dispose();

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

    /// <summary>check_test_event_triggers_enabled.</summary>
    public async Task CheckTestEventTriggersEnabledAsync() => Assert.True(await GeneralDiagnostics.ReadTestEventTriggersEnabledAsync());

    /// <summary>TestEventTrigger on endpoint 0 with the enable key; the scripts expect SUCCESS.</summary>
    public ValueTask TriggerAsync(ulong eventTrigger) =>
        GeneralDiagnostics.TestEventTriggerAsync(new Diagnostics.TestEventTriggerRequest { EnableKey = EvseTestBed.EnableKey, EventTrigger = eventTrigger });
}
