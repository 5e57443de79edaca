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
/// never sees half of a transition. What the hardware should do follows from that state and goes out the other
/// way, as a <see cref="EvseSupplyDecision"/> (<see cref="DecisionChanged"/>): the hardware side never reads the
/// server's attributes.
/// </summary>
public sealed partial class EnergyEvseController : IDisposable, ITransactionalState
{
    private readonly EnergyEvseOptions options;
    private readonly ILogger logger;
    private readonly ChargingTargetSchedule targets = new();
    private readonly ClusterServer server;
    private readonly IEnergyEvseSocReporting? soc;
    private readonly IEnergyEvsePlugAndCharge? pnc;
    private readonly IEnergyEvseRfid? rfid;
    private readonly IEnergyEvseV2X? v2x;
    private readonly DeadlineTimer deadlineTimer;
    private HardwareState hardwareState;
    private long cableAssemblyLimit = long.MaxValue;
    private long commandedMaximumCharge;
    private long commandedMaximumDischarge;
    private (EnergyEVSE.StateEnum? State, EnergyEVSE.SupplyStateEnum Supply)? beforeFault;

    /// <summary>
    /// Creates the controller together with the server it drives, in one step: <paramref name="createServer"/> makes
    /// the generated server with this controller as its driver and names the feature facets the server's type has
    /// (checked by the compiler, see <see cref="EnergyEvseServerParts"/>). Then the stored targets are restored, the
    /// limits set and the deadline checks started.
    /// </summary>
    internal EnergyEvseController(EnergyEvseOptions? options, ILogger? logger, Func<EnergyEvseController, EnergyEvseServerParts> createServer)
    {
        this.options = options ?? new EnergyEvseOptions();
        if (this.options.NominalVoltage < 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), this.options.NominalVoltage, "Nominal voltage is at least 100 V (100000 mV).");
        }

        this.logger = logger ?? NullLogger.Instance;
        var parts = createServer(this);
        server = parts.Server;
        Core = parts.Core;
        soc = parts.SocReporting;
        pnc = parts.PlugAndCharge;
        rfid = parts.Rfid;
        v2x = parts.V2X;
        server.AttributeChanged += OnAttributeChanged;
        server.AttributeReported += OnAttributeReported;
        server.DriverFailed += OnDriverFailed;
        server.ObserverFailed += OnObserverFailed;
        deadlineTimer = new DeadlineTimer(server.Time, OnDeadline, OnBackgroundFailure);
        server.Enlist(this);
        lock (server.SyncRoot)
        {
            TargetStorage.Restore(server, targets, HasFeature(EnergyEVSE.Feature.SoCReporting), logger ?? NullLogger.Instance);
            Core.State ??= EnergyEVSE.StateEnum.NotPluggedIn;
            Core.CircuitCapacity = this.options.CircuitCapacity;
            RecomputeLimits();
            ScheduleDeadlineCheck();
            Replan();
            decision = Decide();
        }
    }

    /// <summary>The server this controller drives.</summary>
    public ClusterServer Server => server;

    /// <summary>What the hardware last reported.</summary>
    public HardwareState HardwareState => hardwareState;

    /// <summary>The stored charging targets.</summary>
    public ChargingTargetSchedule Targets => targets;

    /// <summary>The server's mandatory attributes and events, for the other clusters of this charger's endpoint.</summary>
    internal IEnergyEvseCore Core { get; }

    private TimeProvider Time => server.Time;

    /// <inheritdoc/>
    public void Dispose()
    {
        deadlineTimer.Dispose();
        server.AttributeChanged -= OnAttributeChanged;
        server.AttributeReported -= OnAttributeReported;
        server.DriverFailed -= OnDriverFailed;
        server.ObserverFailed -= OnObserverFailed;
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
