using System;
using System.IO;
using MatterGen.Evse.Charger;
using MatterGen.Evse.EnergyManagement;
using MatterGen.Evse.Hardware.Metering;
using MatterGen.Evse.Hardware.Station;
using MatterGen.Evse.Metering;
using MatterGen.Evse.Persistence;
using MatterGen.Interaction;
using MatterGen.Node;
using MatterGen.Node.Information;
using MatterGen.Transport.Fabrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace MatterGen.Samples.RaspberryPiEvse;

/// <summary>
/// The charger node around the station's Energy EVSE device, as the simulator composes it: endpoint 1 with the EVSE,
/// Device Energy Management and Electrical Sensor device types. The electrical sensor describes the meter that is
/// fitted (SDM120, SDM630, or the integrating estimate without one) and is fed by the station's meter readings; a
/// power adjustment caps the pilot's offer through the same EVSE controller. Non-volatile attributes (the energy
/// counters) are kept in <c>Node:StorePath</c> when it is set.
/// </summary>
internal sealed class StationNode : IDisposable
{
    private readonly IDisposable sensorFeed;

    /// <summary>Builds the node on <paramref name="station"/>'s device.</summary>
    public StationNode(EvseStation station, TimeProvider time, IConfiguration configuration, ILoggerFactory loggers)
    {
        var options = station.Options;
        var meter = SensorMeter(options);
        // Served on the network, the node keeps its fabrics and attributes (the ACL among them) in Matter:StoragePath,
        // so a commissioned controller finds the same node after a restart; Node:StorePath still wins for attributes.
        var matter = MatterSettings.From(configuration);
        var storePath = configuration.GetValue<string?>("Node:StorePath");
        if (string.IsNullOrWhiteSpace(storePath) && matter.Enabled)
        {
            Directory.CreateDirectory(matter.StoragePath);
            storePath = matter.AttributesPath;
        }

        IAttributeStore? store = string.IsNullOrWhiteSpace(storePath) ? null : new FileAttributeStore(storePath, loggers.CreateLogger<FileAttributeStore>());
        var fabrics = matter.Enabled ? new FabricTable(new FileFabricStore(matter.FabricsPath), time) : null;
        Charger = ChargerNode.Create(
            new MatterNodeOptions { Information = Information(configuration), Time = time, Store = store, Fabrics = fabrics },
            station.Device,
            sensorOptions: new ElectricalSensorOptions { Meter = meter },
            energyManagementOptions: new EnergyManagementOptions { NominalVoltageVolts = (long)Math.Round(options.NominalVolts) });
        sensorFeed = station.FeedElectricalSensor(Charger.Sensor);
        loggers.CreateLogger<StationNode>().LogInformation(
            "Charger node: endpoint {Endpoint} with EVSE, Device Energy Management and Electrical Sensor; meter {Meter}",
            ChargerNode.EvseEndpoint, MeterName(options));
    }

    /// <summary>The node: EVSE, Device Energy Management and the electrical sensor on endpoint 1.</summary>
    public ChargerNode Charger { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        sensorFeed.Dispose();
        Charger.Dispose();
    }

    // The meter the sensor's Accuracy and ranges describe: the configured Eastron model, or the estimate without one.
    private static MeterCharacteristics SensorMeter(EvseStationOptions options) =>
        options.Simulated ? MeterCharacteristics.Sdm630
        : options.Hardware.MeterLine() is null ? MeterCharacteristics.Integrating
        : options.Hardware.MeterModel == SdmModel.Sdm630 ? MeterCharacteristics.Sdm630
        : MeterCharacteristics.Sdm120;

    private static string MeterName(EvseStationOptions options) =>
        options.Simulated ? "simulated" : options.Hardware.MeterLine() is null ? "none (integrating estimate)" : options.Hardware.MeterModel.ToString();

    private static BasicInformationOptions Information(IConfiguration configuration) => new()
    {
        VendorName = "MatterGen",
        VendorId = MatterSettings.VendorId,
        ProductName = "Raspberry Pi charger",
        ProductId = MatterSettings.ProductId,
        UniqueId = configuration.GetValue<string?>("Node:UniqueId") ?? "raspberry-pi-evse",
        SerialNumber = configuration.GetValue<string?>("Node:SerialNumber") ?? "RPI-0001",
    };
}
