using System;
using System.Linq;
using System.Threading;
using MatterGen.Evse.Device;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Devices;
using MatterGen.Evse.Hardware.Metering;
using MatterGen.Evse.Hardware.Sensors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MatterGen.Evse.Hardware.Station;

/// <summary>
/// A complete EV charger: the Matter Energy EVSE device, the IEC 61851 charge point, the energy meter, the fault
/// sensors and the pilot/contactor hardware (real, or simulated by MatterGen.Evse.Simulation), glued together.
/// </summary>
/// <remarks>
/// <para>Pilot events become the device's hardware state (A → NotPluggedIn, B → PluggedInNoDemand, C/D →
/// PluggedInDemand); charge-point faults become FaultState (the first still-active one; cleared when none remain);
/// the device's <see cref="EvseSupplyDecision"/> (supply enabled, offered current, diagnostics) becomes
/// <see cref="ChargePointController.EnableSupply"/> or <see cref="ChargePointController.DisableSupply"/>; meter
/// readings become the session energy; the plant's vehicle battery (a simulated EV) becomes StateOfCharge.</para>
/// <para>The station never reads the cluster's attributes: the device publishes its decision
/// (<see cref="EnergyEvseController.DecisionChanged"/>) and the station reports hardware facts back through the
/// controller's input methods. A decision reaches the charge point on the next <see cref="TickAsync"/> (at most one
/// loop interval later): it arrives under the device's lock, and calling into the charge point there could deadlock
/// with the loop, which calls the device while holding the charge point's dispatch lock. Faults do not wait: the
/// charge point opens the contactor itself.</para>
/// <para>Run <see cref="TickAsync"/> from one thread (the <see cref="Hosting.EvseStationService"/> does);
/// <see cref="Snapshot"/> may be read from any thread. Change a simulated EV between ticks.</para>
/// </remarks>
public sealed partial class EvseStation : IDisposable
{
    private readonly TimeProvider clock;
    private readonly ChargePointHardware hardware;
    private readonly IFaultSensors? faultSensors;
    private readonly IProximityPilot? proximityPilot;
    private readonly ILogger log;
    private readonly IDisposable[] owned;
    private bool disposed;

    private EvseStation(EvseStationOptions options, TimeProvider time, EnergyEvseDevice device, EvseStationParts parts, ILoggerFactory? loggers)
    {
        Options = options;
        clock = time;
        Device = device;
        ChargePoint = parts.ChargePoint;
        hardware = parts.Hardware;
        Meter = parts.Meter;
        faultSensors = parts.FaultSensors;
        // A fixed (tethered) rating wins over the PP reading.
        proximityPilot = options.CableAssemblyLimitMilliamps is null ? parts.ProximityPilot : null;
        rcdTest = CreateSelfTest(options, parts.FaultSensors, time);
        Plant = parts.Plant;
        log = (ILogger?)loggers?.CreateLogger<EvseStation>() ?? NullLogger.Instance;
        owned = [.. parts.Owned];
        nextMeterRead = time.GetUtcNow();
        // The cable limit is in MaximumChargeCurrent before the first plug-in, so the first offer already respects it.
        if (options.CableAssemblyLimitMilliamps is long cable)
        {
            device.Controller.SetCableAssemblyLimit(cable);
        }

        ChargePoint.EventRaised += OnChargePointEvent;
        latestDecision = device.Controller.Decision;
        Device.Controller.DecisionChanged += OnDecisionChanged;
        RequestSelfTest();
        ApplySupply();
    }

    /// <summary>The configuration the station was built with.</summary>
    public EvseStationOptions Options { get; }

    /// <summary>The Matter side: the Energy EVSE server and its controller. Serve <c>Device.Server</c> to clients.</summary>
    public EnergyEvseDevice Device { get; }

    /// <summary>The IEC 61851 side: pilot, contactor and fault logic.</summary>
    public ChargePointController ChargePoint { get; }

    /// <summary>The energy meter.</summary>
    public IEnergyMeter Meter { get; }

    /// <summary>The simulated world beyond the pins (MatterGen.Evse.Simulation); null on real hardware.</summary>
    public IStationPlant? Plant { get; }

    /// <summary>The station's state now, for UIs. Safe from any thread.</summary>
    public EvseStationSnapshot Snapshot
    {
        get
        {
            var outputs = ChargePoint.Outputs;
            var device = Device.Controller.Status;
            return new EvseStationSnapshot(
                clock.GetUtcNow(),
                ChargePoint.EvState,
                outputs.Pilot,
                outputs.ContactorClosed,
                outputs.OfferedCurrentMilliamps,
                Volatile.Read(ref measuredMilliamps),
                !Volatile.Read(ref meterFailed),
                device.SessionEnergyChargedMilliwattHours,
                device.StateOfCharge,
                device.State,
                device.SupplyState,
                device.FaultState,
                device.MaximumChargeCurrentMilliamps,
                ChargePoint.ActiveFaults);
        }
    }

    /// <summary>
    /// Clears the latched faults that need service: a welded (ContactWetFailure) or non-closing
    /// (ContactDryFailure) contactor. Call once the contactor has been inspected.
    /// </summary>
    public void ResetLatchedFaults()
    {
        ChargePoint.ClearFault(FaultKind.ContactWetFailure);
        ChargePoint.ClearFault(FaultKind.ContactDryFailure);
    }

    /// <summary>Opens the contactor, stops the loop's subscriptions and disposes the parts the station created.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        ChargePoint.EventRaised -= OnChargePointEvent;
        Device.Controller.DecisionChanged -= OnDecisionChanged;
        rcdTest?.Abort();
        hardware.Dispose();
        ChargePoint.Dispose();
        Device.Dispose();
        foreach (var resource in owned.Reverse())
        {
            resource.Dispose();
        }
    }

}
