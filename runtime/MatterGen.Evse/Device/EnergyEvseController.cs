using System;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Targets;
using MatterGen.Interaction;
using MatterGen.Timing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MatterGen.Evse.Device;

/// <summary>
/// The Energy EVSE device logic: owns State, SupplyState and FaultState, the current limits, sessions, enable
/// deadlines and charging targets, and emits the cluster's events. Hardware reports through the input methods
/// (<see cref="SetHardwareState"/>, <see cref="RaiseFault"/>, ...); Matter commands arrive through the generated
/// driver interfaces, which this class implements. All changes happen under the server's lock, so a reader
/// never sees half of a transition.
/// </summary>
public sealed partial class EnergyEvseController : IDisposable, ITransactionalState
{
    private readonly EnergyEvseOptions options;
    private readonly ILogger logger;
    private readonly ChargingTargetSchedule targets = new();
    private ClusterServer? server;
    private IEnergyEvseCore? core;
    private IEnergyEvseSocReporting? soc;
    private IEnergyEvsePlugAndCharge? pnc;
    private IEnergyEvseRfid? rfid;
    private IEnergyEvseV2X? v2x;
    private HardwareState hardwareState;
    private long cableAssemblyLimit = long.MaxValue;
    private long commandedMaximumCharge;
    private long commandedMaximumDischarge;
    private (EnergyEVSE.StateEnum? State, EnergyEVSE.SupplyStateEnum Supply)? beforeFault;
    private DeadlineTimer? deadlineTimer;

    /// <summary>Creates the controller; <see cref="Attach"/> connects it to its server.</summary>
    public EnergyEvseController(EnergyEvseOptions? options = null, ILogger<EnergyEvseController>? logger = null)
    {
        this.options = options ?? new EnergyEvseOptions();
        if (this.options.NominalVoltage < 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), this.options.NominalVoltage, "Nominal voltage is at least 100 V (100000 mV).");
        }

        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The server this controller drives.</summary>
    public ClusterServer Server => server ?? throw new InvalidOperationException("The controller is not attached to a server yet.");

    /// <summary>What the hardware last reported.</summary>
    public HardwareState HardwareState => hardwareState;

    /// <summary>The stored charging targets.</summary>
    public ChargingTargetSchedule Targets => targets;

    private IEnergyEvseCore Core => core ?? throw new InvalidOperationException("The controller is not attached to a server yet.");

    private TimeProvider Time => Server.Time;

    /// <summary>
    /// Connects the controller to its server (a generated Energy EVSE server of this package), restores the
    /// stored targets, sets the limits and starts the deadline checks.
    /// </summary>
    public void Attach(ClusterServer energyEvseServer)
    {
        ArgumentNullException.ThrowIfNull(energyEvseServer);
        server = energyEvseServer;
        core = energyEvseServer as IEnergyEvseCore ?? throw new ArgumentException("The server must be an Energy EVSE server of this package.", nameof(energyEvseServer));
        soc = energyEvseServer as IEnergyEvseSocReporting;
        pnc = energyEvseServer as IEnergyEvsePlugAndCharge;
        rfid = energyEvseServer as IEnergyEvseRfid;
        v2x = energyEvseServer as IEnergyEvseV2X;
        energyEvseServer.AttributeChanged += OnAttributeChanged;
        energyEvseServer.DriverFailed += OnDriverFailed;
        energyEvseServer.ObserverFailed += OnObserverFailed;
        deadlineTimer = new DeadlineTimer(energyEvseServer.Time, OnDeadline, OnBackgroundFailure);
        energyEvseServer.Enlist(this);
        lock (Server.SyncRoot)
        {
            TargetStorage.Restore(Server, targets, HasFeature(EnergyEVSE.Feature.SoCReporting), logger);
            Core.State ??= EnergyEVSE.StateEnum.NotPluggedIn;
            Core.CircuitCapacity = options.CircuitCapacity;
            RecomputeLimits();
            ScheduleDeadlineCheck();
            Replan();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        deadlineTimer?.Dispose();
        if (server is not null)
        {
            server.AttributeChanged -= OnAttributeChanged;
            server.DriverFailed -= OnDriverFailed;
            server.ObserverFailed -= OnObserverFailed;
        }
    }

    private bool HasFeature(EnergyEVSE.Feature feature) => (Server.Description.FeatureMap & (uint)feature) != 0;

    private void OnAttributeChanged(AttributeChange change)
    {
        // A client wrote the user's current limit: the effective maximum follows at once.
        if (change.AttributeId == EnergyEVSE.Attributes.UserMaximumChargeCurrent.Id)
        {
            lock (Server.SyncRoot)
            {
                RecomputeLimits();
            }
        }
    }

    private void OnDriverFailed(uint id, Exception exception) =>
        logger.LogError(exception, "Command or write 0x{Id:X4} failed; the requester got FAILURE and nothing changed", id);

    private void OnObserverFailed(Exception exception) =>
        logger.LogWarning(exception, "Saving a value or telling a subscriber failed; the change stands");

    private void RecomputeLimits()
    {
        var maximum = Math.Min(energyManagementLimit, Min(HardwareMaximumChargeCurrent, Core.CircuitCapacity, cableAssemblyLimit, commandedMaximumCharge, Core.UserMaximumChargeCurrent));
        if (Core.MaximumChargeCurrent != maximum)
        {
            Core.MaximumChargeCurrent = maximum;
            Replan();
        }

        if (v2x is not null)
        {
            v2x.MaximumDischargeCurrent = Min(HardwareMaximumDischargeCurrent, Core.CircuitCapacity, cableAssemblyLimit, commandedMaximumDischarge, long.MaxValue);
        }
    }

    private static long Min(long a, long b, long c, long d, long e) => Math.Max(0, Math.Min(Math.Min(Math.Min(a, b), Math.Min(c, d)), e));

    private EpochSeconds NowEpoch() => EpochSeconds.FromDateTimeOffset(Time.GetUtcNow());
}
