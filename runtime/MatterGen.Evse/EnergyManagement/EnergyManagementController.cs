using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Device;
using MatterGen.Interaction;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Evse.EnergyManagement;

/// <summary>
/// Device Energy Management of the charger, joined to its Energy EVSE controller. A PowerAdjustRequest becomes a cap
/// on the offered current (<see cref="EnergyEvseController.SetEnergyManagementLimit"/>) for its duration; a cancel,
/// its expiry, a fault or the user opting out remove it, each with its PowerAdjustEnd. ESAState follows the charger
/// (Fault while it is faulted, Offline during self-diagnostics) and the Forecast follows its charging plan. Both
/// clusters change under the Energy EVSE server's lock, so a reader never sees them disagree. It follows only Energy
/// EVSE changes that stand: a command's changes once its transaction committed (a failed one leaves this cluster as
/// it was, as it leaves the Energy EVSE), the hardware's as they happen. Its own commands are all-or-nothing across
/// both clusters: a PowerAdjustRequest or its cancel that fails leaves the adjustment in force, its expiry, this
/// cluster and the Energy EVSE's offered current as they were.
/// </summary>
public sealed partial class EnergyManagementController : IChargerEnergyManagementServerDriver, IDisposable
{
    private readonly EnergyEvseController evse;
    private readonly IEnergyEvseCore core;
    private readonly EnergyManagementOptions options;
    private readonly Func<long> importedEnergy;
    private readonly TimeProvider time;
    private Adjustment? active;
    private ITimer? expiry;
    private Dem.OptOutStateEnum modeOptOut;
    private Dem.OptOutStateEnum userOptOut;

    /// <summary>
    /// Creates the controller of one charger together with its server, in one step: the fixed attributes from the
    /// hardware, then everything that follows the charger.
    /// </summary>
    /// <param name="evse">The charger's Energy EVSE controller.</param>
    /// <param name="options">Power conversion and the accepted adjustments.</param>
    /// <param name="importedEnergy">The energy the charger has drawn so far (mWh), for PowerAdjustEnd's EnergyUse.</param>
    /// <param name="serverOptions">The server's endpoint, clock, store and event log (the clock is the controller's too).</param>
    /// <param name="canGenerate">Whether the charger can feed energy back (V2X): ESACanGenerate and a negative AbsMinPower.</param>
    public EnergyManagementController(EnergyEvseController evse, EnergyManagementOptions options, Func<long> importedEnergy, ClusterServerOptions serverOptions, bool canGenerate)
    {
        this.evse = evse ?? throw new ArgumentNullException(nameof(evse));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.importedEnergy = importedEnergy ?? throw new ArgumentNullException(nameof(importedEnergy));
        ArgumentNullException.ThrowIfNull(serverOptions);
        time = serverOptions.Time;
        core = evse.Core;
        Server = new ChargerEnergyManagementServer(this, serverOptions);
        lock (Gate)
        {
            Server.ESAType = Dem.ESATypeEnum.EVSE;
            Server.ESACanGenerate = canGenerate;
            Server.AbsMaxPower = options.PowerOf(evse.HardwareMaximumChargeCurrent);
            Server.AbsMinPower = canGenerate ? -options.PowerOf(evse.HardwareMaximumDischargeCurrent) : 0;
            Refresh();
        }

        // Reports, not changes: a transaction lets them out only when it commits (AttributeChanged comes while a
        // command runs, before it may still fail). None of the attributes followed here is changes-omitted (C) or
        // quieter-reporting (Q), so every change of theirs is reported.
        evse.Server.AttributeReported += OnEvseChanged;
    }

    /// <summary>The Device Energy Management server.</summary>
    public ChargerEnergyManagementServer Server { get; }

    // Both clusters of the charger's endpoint change under one lock, so a reader never sees them disagree.
    private object Gate => evse.Server.SyncRoot;

    /// <summary>The opt-out the Device Energy Management Mode implies changed.</summary>
    public void SetModeOptOut(Dem.OptOutStateEnum optOut)
    {
        lock (Gate)
        {
            modeOptOut = optOut;
            ApplyOptOut();
        }
    }

    /// <summary>The user opted out (locally, on the charger) of local or grid optimization, or of both; NoOptOut clears it.</summary>
    public void SetUserOptOut(Dem.OptOutStateEnum optOut)
    {
        lock (Gate)
        {
            userOptOut = optOut == Dem.OptOutStateEnum.NoOptOut ? optOut : Combine(userOptOut, optOut);
            ApplyOptOut();
        }
    }

    /// <inheritdoc/>
    public ValueTask PowerAdjustRequestAsync(Dem.PowerAdjustRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (Gate)
        {
            if (Server.PowerAdjustmentCapability?.PowerAdjustCapability is not { } bands)
            {
                throw new MatterStatusException(MatterStatus.Failure, "The charger cannot adjust its power now.");
            }

            if (OptedOut(Server.OptOutState, request.Cause))
            {
                throw new MatterStatusException(MatterStatus.ConstraintError, "The user opted out of this kind of adjustment.");
            }

            var fits = false;
            foreach (var band in bands)
            {
                fits |= request.Power >= band.MinPower && request.Power <= band.MaxPower
                    && request.Duration.Value >= band.MinDuration.Value && request.Duration.Value <= band.MaxDuration.Value;
            }

            if (!fits)
            {
                throw new MatterStatusException(MatterStatus.ConstraintError, "The power or duration is outside every band of PowerAdjustmentCapability.");
            }

            // The cap and the offered current change with this cluster, as one (AllOrNothing).
            AllOrNothing(() =>
            {
                var now = time.GetUtcNow();

                // A request while one is in force replaces it without a new PowerAdjustStart.
                if (active is null)
                {
                    Server.EmitPowerAdjustStart(new Dem.PowerAdjustStartEvent());
                    active = new Adjustment(now, importedEnergy(), request.Cause);
                }
                else
                {
                    active = active with { Cause = request.Cause };
                }

                ArmExpiry(request.Duration.ToTimeSpan());
                evse.SetEnergyManagementLimit(Math.Max(options.MinimumChargeCurrent, options.CurrentOf(request.Power)));
                Refresh();
            });
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask CancelPowerAdjustRequestAsync(Dem.CancelPowerAdjustRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            if (active is null)
            {
                throw new MatterStatusException(MatterStatus.InvalidInState, "No power adjustment is in force.");
            }

            AllOrNothing(() => End(Dem.CauseEnum.Cancelled));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Ends an adjustment in force as cancelled (test event trigger clear); nothing when none is.</summary>
    public void CancelActiveAdjustment()
    {
        lock (Gate)
        {
            if (active is not null)
            {
                End(Dem.CauseEnum.Cancelled);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        evse.Server.AttributeReported -= OnEvseChanged;
        lock (Gate)
        {
            Retire(expiry);
            expiry = null;
            DisarmSlotStart();
        }
    }

    private static bool OptedOut(Dem.OptOutStateEnum optOut, Dem.AdjustmentCauseEnum cause) => optOut switch
    {
        Dem.OptOutStateEnum.OptOut => true,
        Dem.OptOutStateEnum.LocalOptOut => cause == Dem.AdjustmentCauseEnum.LocalOptimization,
        Dem.OptOutStateEnum.GridOptOut => cause == Dem.AdjustmentCauseEnum.GridOptimization,
        _ => false,
    };

    private static Dem.OptOutStateEnum Combine(Dem.OptOutStateEnum a, Dem.OptOutStateEnum b) =>
        (Dem.OptOutStateEnum)((byte)a | (byte)b); // LocalOptOut (1) | GridOptOut (2) = OptOut (3)

    private void ApplyOptOut()
    {
        Server.OptOutState = Combine(modeOptOut, userOptOut);
        if (active is { } adjustment && OptedOut(Server.OptOutState, adjustment.Cause))
        {
            End(Dem.CauseEnum.UserOptOut);
        }
    }

    // Only the timer armed for the adjustment in force ends it: one a command replaced (kept until it commits) does not.
    private void Expire(ITimer? timer)
    {
        lock (Gate)
        {
            if (active is not null && timer is not null && ReferenceEquals(timer, expiry))
            {
                End(Dem.CauseEnum.NormalCompletion);
            }
        }
    }

    private void End(Dem.CauseEnum cause)
    {
        var adjustment = active!;
        active = null;
        Retire(expiry);
        expiry = null;
        var lasted = time.GetUtcNow() - adjustment.Started;
        Server.EmitPowerAdjustEnd(new Dem.PowerAdjustEndEvent
        {
            Cause = cause,
            Duration = new ElapsedSeconds((uint)Math.Clamp(lasted.TotalSeconds, 0, uint.MaxValue)),
            EnergyUse = Math.Max(0, importedEnergy() - adjustment.EnergyAtStart),
        });
        evse.SetEnergyManagementLimit(null);
        Refresh();
    }

    private void OnEvseChanged(AttributeChange change)
    {
        lock (Gate)
        {
            // A fault or self-diagnostics ends an adjustment: the charger is no longer under the manager's control.
            if (active is not null && IsFaulted())
            {
                End(Dem.CauseEnum.Fault);
                return;
            }

            if (active is not null && core.SupplyState == EnergyEVSE.SupplyStateEnum.DisabledDiagnostics)
            {
                End(Dem.CauseEnum.Offline);
                return;
            }

            Refresh();
        }
    }

    private bool IsFaulted() => core.FaultState != EnergyEVSE.FaultStateEnum.NoError || core.SupplyState == EnergyEVSE.SupplyStateEnum.DisabledError;

    // ESAState, PowerAdjustmentCapability and Forecast from the charger's state and the adjustment in force.
    private void Refresh()
    {
        var state = IsFaulted() ? Dem.ESAStateEnum.Fault
            : core.SupplyState == EnergyEVSE.SupplyStateEnum.DisabledDiagnostics ? Dem.ESAStateEnum.Offline
            : active is not null ? Dem.ESAStateEnum.PowerAdjustActive
            : Dem.ESAStateEnum.Online;
        Server.ESAState = state;
        Server.PowerAdjustmentCapability = state is Dem.ESAStateEnum.Fault or Dem.ESAStateEnum.Offline ? null : new Dem.PowerAdjustCapabilityStruct
        {
            PowerAdjustCapability =
            [
                new Dem.PowerAdjustStruct
                {
                    MinPower = options.PowerOf(options.MinimumChargeCurrent),
                    MaxPower = options.PowerOf(evse.HardwareMaximumChargeCurrent),
                    MinDuration = new ElapsedSeconds((uint)options.MinimumAdjustmentDuration.TotalSeconds),
                    MaxDuration = new ElapsedSeconds((uint)options.MaximumAdjustmentDuration.TotalSeconds),
                },
            ],
            Cause = active?.Cause switch
            {
                Dem.AdjustmentCauseEnum.LocalOptimization => Dem.PowerAdjustReasonEnum.LocalOptimizationAdjustment,
                Dem.AdjustmentCauseEnum.GridOptimization => Dem.PowerAdjustReasonEnum.GridOptimizationAdjustment,
                _ => Dem.PowerAdjustReasonEnum.NoAdjustment,
            },
        };
        UpdateForecast();
    }

    private sealed record Adjustment(DateTimeOffset Started, long EnergyAtStart, Dem.AdjustmentCauseEnum Cause);
}
