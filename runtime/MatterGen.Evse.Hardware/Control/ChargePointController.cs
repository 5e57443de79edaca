using System;
using System.Collections.Generic;
using System.Threading;
using MatterGen.Evse.Hardware.Pilot;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MatterGen.Evse.Hardware.Control;

/// <summary>
/// The IEC 61851-1 charge-point state machine. Pure logic: it consumes pilot samples, supply and fault inputs and
/// measured current, and commands the pilot output and contactor through <see cref="Outputs"/>. All timing runs on
/// the injected <see cref="TimeProvider"/>. Thread-safe; events are raised in order, outside the state lock.
/// </summary>
/// <remarks>
/// <para>Closing needs a debounced charge request plus the latest raw sample agreeing; opening happens on the first
/// input that withdraws permission, so debounce never delays the 100 ms off-time.</para>
/// <para>During a fault the pilot is held at +12 V (x1) rather than −12 V (F), so that unplugging, which clears
/// latched faults, stays visible. While the wake-up pulse drives F, samples are ignored.</para>
/// <para>When PWM is withdrawn (supply disabled) the contactor stays closed while the EV keeps C/D, for at most
/// <see cref="ChargePointOptions.PwmWithdrawnTimeout"/>; the diode cannot be checked in that window (no negative
/// plateau), so the last check made with PWM on stands.</para>
/// </remarks>
public sealed class ChargePointController : IDisposable
{
    private readonly object gate = new();
    private readonly object dispatchGate = new();
    private readonly TimeProvider clock;
    private readonly ChargePointOptions settings;
    private readonly PilotClassifier classifier;
    private readonly PilotDebouncer debouncer;
    private readonly ILogger log;
    private readonly ITimer timer;
    private readonly List<ChargePointFault> faults = [];
    private readonly List<ChargePointEvent> pendingEvents = [];

    private bool supplyEnabled;
    private int supplyLimitMilliamps;
    private PilotState raw = PilotState.A;
    private bool diodeVerified;
    private bool plugged;
    private bool demand;
    private PilotOutput pilot = PilotOutput.Standby;
    private int offer;
    private DateTimeOffset lastDutyChange = DateTimeOffset.MinValue;
    private DateTimeOffset? dutyIncreaseDueAt;
    private bool contactorClosed;
    private DateTimeOffset? pwmWithdrawnAt;
    private DateTimeOffset? b2Since;
    private DateTimeOffset? wakeUpUntil;
    private bool wakeUpDone;
    private int offerBeforeDecrease;
    private DateTimeOffset decreasedAt = DateTimeOffset.MinValue;
    private int measuredMilliamps;
    private DateTimeOffset? overCurrentSince;
    private bool holdOpen;

    /// <summary>Creates a controller from dependency-injected options.</summary>
    /// <param name="options">Configuration.</param>
    /// <param name="time">The clock and timer source.</param>
    /// <param name="logger">Optional logger.</param>
    public ChargePointController(IOptions<ChargePointOptions> options, TimeProvider time, ILogger<ChargePointController>? logger = null)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value, time, logger)
    {
    }

    /// <summary>Creates a controller with the supply disabled, no EV and the contactor open.</summary>
    /// <param name="options">Configuration; validated here and not to be changed afterwards.</param>
    /// <param name="time">The clock and timer source.</param>
    /// <param name="logger">Optional logger for faults and contactor changes.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ChargePointController(ChargePointOptions options, TimeProvider time, ILogger<ChargePointController>? logger = null)
    {
        settings = options ?? throw new ArgumentNullException(nameof(options));
        clock = time ?? throw new ArgumentNullException(nameof(time));
        settings.Validate();
        classifier = new PilotClassifier(settings.Thresholds);
        debouncer = new PilotDebouncer(clock, settings.Debounce);
        log = (ILogger?)logger ?? NullLogger.Instance;
        timer = clock.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised (outside the lock) for plug, demand and fault changes.</summary>
    public event EventHandler<ChargePointEvent>? EventRaised;

    /// <summary>Raised (outside the lock) whenever <see cref="Outputs"/> changes; apply the new outputs to the hardware.</summary>
    public event EventHandler<ChargePointOutputs>? OutputsChanged;

    /// <summary>The current commands for pilot, contactor and offered current.</summary>
    public ChargePointOutputs Outputs
    {
        get
        {
            lock (gate)
            {
                return Snapshot();
            }
        }
    }

    /// <summary>The debounced pilot state.</summary>
    public PilotState EvState
    {
        get
        {
            lock (gate)
            {
                return debouncer.Stable;
            }
        }
    }

    /// <summary>The faults currently active, in the order they were raised.</summary>
    public IReadOnlyList<ChargePointFault> ActiveFaults
    {
        get
        {
            lock (gate)
            {
                return faults.ToArray();
            }
        }
    }

    /// <summary>When PWM was withdrawn with the contactor still closed (C1/D1 grace), else null.</summary>
    public DateTimeOffset? PwmWithdrawnAt
    {
        get
        {
            lock (gate)
            {
                return contactorClosed ? pwmWithdrawnAt : null;
            }
        }
    }

    /// <summary>Feeds one pilot sample, taken while the current <see cref="Outputs"/> pilot signal was driven.</summary>
    /// <param name="sample">The measured plateaus.</param>
    public void ObservePilot(PilotSample sample) => Run(now => Observe(sample, pilot, now));

    /// <summary>
    /// Feeds one pilot sample taken while <paramref name="drivenWhileSampling"/> was on the pilot. A sample taken
    /// under another kind of signal than the controller now commands is stale and is dropped: the outputs changed
    /// between the sample and this call (another thread enabled the supply, say), and judging a +12 V sample as if
    /// PWM had been on would fail the diode check of a healthy EV.
    /// </summary>
    /// <param name="sample">The measured plateaus.</param>
    /// <param name="drivenWhileSampling">The pilot signal the hardware drove during the whole sample.</param>
    public void ObservePilot(PilotSample sample, PilotOutput drivenWhileSampling) => Run(now =>
    {
        if (drivenWhileSampling.Mode == pilot.Mode)
        {
            Observe(sample, drivenWhileSampling, now);
        }
    });

    private void Observe(PilotSample sample, PilotOutput driven, DateTimeOffset now)
    {
        // While driving −12 V the pilot says nothing about the EV.
        if (driven.Mode == PilotOutputMode.NotAvailable)
        {
            return;
        }

        var reading = classifier.Classify(sample, driven.PwmOn);
        raw = reading.State;
        // The check needs PWM; samples without it neither pass nor spoil an earlier pass. Without an EV load
        // there is no diode, so the next EV must be checked afresh.
        if (reading.DiodeCheck == DiodeCheckResult.Passed)
        {
            diodeVerified = true;
        }
        else if (reading.DiodeCheck == DiodeCheckResult.Failed || reading.State is not (PilotState.B or PilotState.C or PilotState.D))
        {
            diodeVerified = false;
        }

        if (reading.DiodeCheck == DiodeCheckResult.Failed)
        {
            AddFault(new ChargePointFault(FaultKind.Other, FaultCause.DiodeCheckFailed), now);
        }

        debouncer.Update(raw);
    }

    /// <summary>Enables charging with at most <paramref name="maximumCurrentMilliamps"/> (below 6 A no PWM is offered).</summary>
    /// <param name="maximumCurrentMilliamps">The supply's limit, e.g. the cluster's MaximumChargeCurrent.</param>
    /// <exception cref="ArgumentOutOfRangeException">The limit is negative.</exception>
    public void EnableSupply(int maximumCurrentMilliamps)
    {
        if (maximumCurrentMilliamps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maximumCurrentMilliamps), maximumCurrentMilliamps, "A current limit cannot be negative.");
        }

        Run(_ =>
        {
            supplyEnabled = true;
            supplyLimitMilliamps = maximumCurrentMilliamps;
        });
    }

    /// <summary>Disables charging: PWM is withdrawn, and the contactor opens when the EV stops or after the C1 timeout.</summary>
    public void DisableSupply() => Run(_ => supplyEnabled = false);

    /// <summary>Raises an external fault (RCD, E-stop, temperature, meter...). The contactor opens at once.</summary>
    /// <param name="kind">The fault kind.</param>
    public void RaiseFault(FaultKind kind) => Run(now => AddFault(new ChargePointFault(kind, FaultCause.External), now));

    /// <summary>Clears an external fault raised with <see cref="RaiseFault"/>.</summary>
    /// <param name="kind">The fault kind.</param>
    public void ClearFault(FaultKind kind) => Run(now => RemoveFault(new ChargePointFault(kind, FaultCause.External), now));

    /// <summary>
    /// Keeps the contactor open while <paramref name="hold"/> is true, without raising a fault (so the cluster shows
    /// none): e.g. until the RCD self-test of this session has passed. A closed contactor opens at once.
    /// </summary>
    /// <param name="hold">True to hold the contactor open; false to let the usual rules decide.</param>
    public void HoldContactorOpen(bool hold) => Run(_ => holdOpen = hold);

    /// <summary>True while <see cref="HoldContactorOpen"/> holds the contactor open.</summary>
    public bool ContactorHeldOpen
    {
        get
        {
            lock (gate)
            {
                return holdOpen;
            }
        }
    }

    /// <summary>Feeds the measured charging current (highest phase) for over-current supervision.</summary>
    /// <param name="milliamps">The measured current.</param>
    public void ObserveMeasuredCurrent(int milliamps) => Run(_ => measuredMilliamps = milliamps);

    /// <summary>Stops the internal timer.</summary>
    public void Dispose() => timer.Dispose();

    // On a timer thread: whatever a handler throws is logged and holds the charge point in fault, never ends the process.
    private void OnTimer()
    {
        try
        {
            Run(_ => { });
        }
        catch (Exception e)
        {
            log.LogError(e, "A timed charge-point step failed; raising fault Other");
            try
            {
                RaiseFault(FaultKind.Other);
            }
            catch (Exception inner)
            {
                log.LogCritical(inner, "Raising fault Other after a failed timed step failed too");
            }
        }
    }

    private void Run(Action<DateTimeOffset> input)
    {
        // The dispatch lock keeps events in order across the timer and caller threads; the state lock is released
        // before handlers run, and both are re-entrant for a handler that calls back on the same thread.
        lock (dispatchGate)
        {
            ChargePointEvent[] events;
            ChargePointOutputs before, after;
            lock (gate)
            {
                before = Snapshot();
                var now = clock.GetUtcNow();
                input(now);
                Evaluate(now);
                after = Snapshot();
                events = pendingEvents.ToArray();
                pendingEvents.Clear();
            }

            foreach (var e in events)
            {
                EventRaised?.Invoke(this, e);
            }

            if (before != after)
            {
                OutputsChanged?.Invoke(this, after);
            }
        }
    }

    private ChargePointOutputs Snapshot() => new(pilot, contactorClosed, offer);

    private void Evaluate(DateTimeOffset now)
    {
        var stable = debouncer.Poll();
        UpdatePlugState(stable, now);
        UpdatePilotFaults(stable, now);
        UpdateWakeUp(stable, now);
        UpdatePilotOutput(now);
        UpdateContactor(stable, now);
        UpdateOverCurrent(now);
        Schedule(now);
    }

    private void UpdatePlugState(PilotState stable, DateTimeOffset now)
    {
        if (stable == PilotState.A)
        {
            if (!plugged)
            {
                return;
            }

            plugged = false;
            demand = false;
            wakeUpDone = false;
            Emit(ChargePointEventKind.Unplugged, now);
            // Unplugging is how latched faults (diode, over-current) are cleared, as in OpenEVSE.
            foreach (var fault in faults.ToArray())
            {
                if (fault.Cause != FaultCause.External)
                {
                    RemoveFault(fault, now);
                }
            }

            return;
        }

        if (stable is not (PilotState.B or PilotState.C or PilotState.D))
        {
            return;
        }

        if (!plugged)
        {
            plugged = true;
            Emit(ChargePointEventKind.PluggedIn, now);
        }

        var demanding = stable != PilotState.B;
        if (demanding != demand)
        {
            demand = demanding;
            Emit(demanding ? ChargePointEventKind.Demand : ChargePointEventKind.NoDemand, now);
        }
    }

    private void UpdatePilotFaults(PilotState stable, DateTimeOffset now)
    {
        SetFault(new ChargePointFault(FaultKind.PilotShortCircuit, FaultCause.PilotShort), stable == PilotState.E, now);
        SetFault(new ChargePointFault(FaultKind.Other, FaultCause.PilotInvalid), stable is PilotState.F or PilotState.Invalid, now);
        SetFault(new ChargePointFault(FaultKind.Other, FaultCause.VentilationNotAvailable), stable == PilotState.D && !settings.VentilationAvailable, now);
    }

    private void UpdateWakeUp(PilotState stable, DateTimeOffset now)
    {
        if (wakeUpUntil is DateTimeOffset until)
        {
            if (now < until)
            {
                return;
            }

            wakeUpUntil = null;
        }

        var inB2 = stable == PilotState.B && raw == PilotState.B && pilot.PwmOn && faults.Count == 0;
        if (!inB2 || !settings.WakeUpEnabled || wakeUpDone)
        {
            b2Since = null;
            return;
        }

        b2Since ??= now;
        if (now - b2Since.Value >= settings.WakeUpAfter)
        {
            wakeUpUntil = now + settings.WakeUpDuration;
            wakeUpDone = true;
            b2Since = null;
        }
    }

    private void UpdatePilotOutput(DateTimeOffset now)
    {
        var wasPwm = pilot.PwmOn;
        var oldOffer = offer;
        var target = faults.Count == 0 && supplyEnabled && plugged
            ? PilotDutyCycle.OfferedCurrent(Math.Min(supplyLimitMilliamps, settings.MaximumCurrentMilliamps))
            : 0;

        dutyIncreaseDueAt = null;
        if (target == 0)
        {
            SetPilot(PilotOutput.Standby, 0);
        }
        else if (wakeUpUntil is not null)
        {
            SetPilot(PilotOutput.NotAvailable, 0);
        }
        else if (!wasPwm || target < offer)
        {
            SetPwm(target, now);
        }
        else if (target > offer)
        {
            var due = lastDutyChange + settings.DutyIncreaseInterval;
            if (now >= due)
            {
                SetPwm(target, now);
            }
            else
            {
                dutyIncreaseDueAt = due;
            }
        }

        if (offer < oldOffer)
        {
            offerBeforeDecrease = oldOffer;
            decreasedAt = now;
        }

        if (wasPwm && !pilot.PwmOn)
        {
            pwmWithdrawnAt = now;
        }
        else if (pilot.PwmOn)
        {
            pwmWithdrawnAt = null;
        }
    }

    private void SetPwm(int offerMilliamps, DateTimeOffset now)
    {
        SetPilot(new PilotOutput(PilotOutputMode.Pwm, PilotDutyCycle.DutyForCurrent(offerMilliamps)!.Value), offerMilliamps);
        lastDutyChange = now;
    }

    private void SetPilot(PilotOutput output, int offerMilliamps)
    {
        pilot = output;
        offer = offerMilliamps;
    }

    private void UpdateContactor(PilotState stable, DateTimeOffset now)
    {
        var noFault = faults.Count == 0;
        var allowed = noFault && supplyEnabled && pilot.PwmOn
            && IsChargeRequest(stable) && IsChargeRequest(raw) && diodeVerified;
        // C1/D1: PWM withdrawn while charging; the EV gets time to stop before the contactor breaks the load.
        var withdrawnGrace = contactorClosed && noFault && pilot.Mode == PilotOutputMode.Standby && IsChargeRequest(raw)
            && pwmWithdrawnAt is DateTimeOffset withdrawn && now - withdrawn < settings.PwmWithdrawnTimeout;
        var close = (allowed || withdrawnGrace) && !holdOpen;
        if (close == contactorClosed)
        {
            return;
        }

        contactorClosed = close;
        log.LogInformation("Contactor {Command} (pilot {Pilot}, EV {State})", close ? "closed" : "opened", pilot.Mode, raw);
    }

    private bool IsChargeRequest(PilotState state) =>
        state == PilotState.C || (state == PilotState.D && settings.VentilationAvailable);

    private void UpdateOverCurrent(DateTimeOffset now)
    {
        if (!contactorClosed)
        {
            overCurrentSince = null;
            return;
        }

        var allowance = offer;
        if (now - decreasedAt < settings.EvResponseTime)
        {
            allowance = Math.Max(allowance, offerBeforeDecrease);
        }

        if ((long)measuredMilliamps <= (long)allowance + settings.OverCurrentMarginMilliamps)
        {
            overCurrentSince = null;
            return;
        }

        overCurrentSince ??= now;
        if (now - overCurrentSince.Value >= settings.OverCurrentTime)
        {
            overCurrentSince = null;
            AddFault(new ChargePointFault(FaultKind.OverCurrent, FaultCause.CurrentAboveOffer), now);
            // The fault withdraws permission at once; re-run the output rules in this same step.
            UpdatePilotOutput(now);
            UpdateContactor(debouncer.Stable, now);
        }
    }

    private void Schedule(DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        void Consider(DateTimeOffset? at)
        {
            if (at is DateTimeOffset t && t > now && (next is null || t < next))
            {
                next = t;
            }
        }

        Consider(debouncer.PendingUntil);
        Consider(dutyIncreaseDueAt);
        Consider(wakeUpUntil);
        if (b2Since is DateTimeOffset b2)
        {
            Consider(b2 + settings.WakeUpAfter);
        }

        if (contactorClosed && pwmWithdrawnAt is DateTimeOffset withdrawn)
        {
            Consider(withdrawn + settings.PwmWithdrawnTimeout);
        }

        if (overCurrentSince is DateTimeOffset over)
        {
            Consider(over + settings.OverCurrentTime);
        }

        if (contactorClosed)
        {
            Consider(decreasedAt + settings.EvResponseTime);
        }

        // A due time already past fires at once (a negative one would throw); the timing rules are seconds, far below a timer's limit.
        timer.Change(next is DateTimeOffset due ? (due > now ? due - now : TimeSpan.Zero) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private void SetFault(ChargePointFault fault, bool active, DateTimeOffset now)
    {
        if (active)
        {
            AddFault(fault, now);
        }
        else
        {
            RemoveFault(fault, now);
        }
    }

    private void AddFault(ChargePointFault fault, DateTimeOffset now)
    {
        if (faults.Contains(fault))
        {
            return;
        }

        faults.Add(fault);
        log.LogWarning("Fault raised: {Kind} ({Cause})", fault.Kind, fault.Cause);
        pendingEvents.Add(new ChargePointEvent(ChargePointEventKind.FaultRaised, now, fault));
    }

    private void RemoveFault(ChargePointFault fault, DateTimeOffset now)
    {
        if (!faults.Remove(fault))
        {
            return;
        }

        log.LogInformation("Fault cleared: {Kind} ({Cause})", fault.Kind, fault.Cause);
        pendingEvents.Add(new ChargePointEvent(ChargePointEventKind.FaultCleared, now, fault));
    }

    private void Emit(ChargePointEventKind kind, DateTimeOffset now) => pendingEvents.Add(new ChargePointEvent(kind, now));
}
