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
/// sensors and the pilot/contactor hardware (real or simulated), glued together.
/// </summary>
/// <remarks>
/// <para>Pilot events become the device's hardware state (A → NotPluggedIn, B → PluggedInNoDemand, C/D →
/// PluggedInDemand); charge-point faults become FaultState (the first still-active one; cleared when none remain);
/// the cluster's SupplyState and MaximumChargeCurrent become <see cref="ChargePointController.EnableSupply"/> or
/// <see cref="ChargePointController.DisableSupply"/>; meter readings become the session energy; a simulated EV's
/// state of charge becomes StateOfCharge.</para>
/// <para>Cluster changes reach the charge point on the next <see cref="TickAsync"/> (at most one loop interval
/// later): they arrive under the server's lock, and calling into the charge point there could deadlock with the
/// loop, which calls the device while holding the charge point's dispatch lock. Faults do not wait: the charge
/// point opens the contactor itself.</para>
/// <para>Run <see cref="TickAsync"/> from one thread (the <see cref="Hosting.EvseStationService"/> does);
/// <see cref="Snapshot"/> may be read from any thread. Change a simulated EV between ticks.</para>
/// </remarks>
public sealed partial class EvseStation : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ChargePointHardware _hardware;
    private readonly IFaultSensors? _faultSensors;
    private readonly IProximityPilot? _proximityPilot;
    private readonly ILogger _logger;
    private readonly IDisposable[] _owned;
    private readonly IEnergyEvseCore _core;
    private readonly IEnergyEvseSocReporting? _socReporting;
    private bool _disposed;

    private EvseStation(
        EvseStationOptions options,
        TimeProvider time,
        EnergyEvseDevice device,
        ChargePointController chargePoint,
        ChargePointHardware hardware,
        IEnergyMeter meter,
        IFaultSensors? faultSensors,
        IProximityPilot? proximityPilot,
        StationSimulation? simulation,
        ILoggerFactory? loggers,
        IDisposable[] owned)
    {
        Options = options;
        _time = time;
        Device = device;
        ChargePoint = chargePoint;
        _hardware = hardware;
        Meter = meter;
        _faultSensors = faultSensors;
        // A fixed (tethered) rating wins over the PP reading.
        _proximityPilot = options.CableAssemblyLimitMilliamps is null ? proximityPilot : null;
        _rcdTest = CreateSelfTest(options, faultSensors, time);
        Simulation = simulation;
        _logger = (ILogger?)loggers?.CreateLogger<EvseStation>() ?? NullLogger.Instance;
        _owned = owned;
        _core = (IEnergyEvseCore)device.Server;
        _socReporting = device.Server as IEnergyEvseSocReporting;
        _nextMeterRead = time.GetUtcNow();
        // The cable limit is in MaximumChargeCurrent before the first plug-in, so the first offer already respects it.
        if (options.CableAssemblyLimitMilliamps is long cable) device.Controller.SetCableAssemblyLimit(cable);
        ChargePoint.EventRaised += OnChargePointEvent;
        Device.Server.AttributeChanged += OnAttributeChanged;
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

    /// <summary>The simulated parts (EV, contactor, meter, sensors, pilot); null on real hardware.</summary>
    public StationSimulation? Simulation { get; }

    /// <summary>The station's state now, for UIs. Safe from any thread.</summary>
    public EvseStationSnapshot Snapshot
    {
        get
        {
            ChargePointOutputs outputs = ChargePoint.Outputs;
            lock (Device.Server.SyncRoot)
            {
                return new EvseStationSnapshot(
                    _time.GetUtcNow(),
                    ChargePoint.EvState,
                    outputs.Pilot,
                    outputs.ContactorClosed,
                    outputs.OfferedCurrentMilliamps,
                    Volatile.Read(ref _measuredMilliamps),
                    !Volatile.Read(ref _meterFailed),
                    _core.SessionEnergyCharged ?? 0,
                    _socReporting?.StateOfCharge,
                    _core.State,
                    _core.SupplyState,
                    _core.FaultState,
                    _core.MaximumChargeCurrent,
                    ChargePoint.ActiveFaults);
            }
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
        if (_disposed) return;
        _disposed = true;
        ChargePoint.EventRaised -= OnChargePointEvent;
        Device.Server.AttributeChanged -= OnAttributeChanged;
        _rcdTest?.Abort();
        _hardware.Dispose();
        ChargePoint.Dispose();
        Device.Dispose();
        foreach (IDisposable owned in _owned.Reverse()) owned.Dispose();
    }

}
