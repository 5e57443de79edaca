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
    private readonly object _gate = new();
    private readonly object _dispatchGate = new();
    private readonly TimeProvider _time;
    private readonly ChargePointOptions _options;
    private readonly PilotClassifier _classifier;
    private readonly PilotDebouncer _debouncer;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly List<ChargePointFault> _faults = [];
    private readonly List<ChargePointEvent> _pendingEvents = [];

    private bool _supplyEnabled;
    private int _supplyLimitMilliamps;
    private PilotState _raw = PilotState.A;
    private bool _diodeVerified;
    private bool _plugged;
    private bool _demand;
    private PilotOutput _pilot = PilotOutput.Standby;
    private int _offer;
    private DateTimeOffset _lastDutyChange = DateTimeOffset.MinValue;
    private DateTimeOffset? _dutyIncreaseDueAt;
    private bool _contactorClosed;
    private DateTimeOffset? _pwmWithdrawnAt;
    private DateTimeOffset? _b2Since;
    private DateTimeOffset? _wakeUpUntil;
    private bool _wakeUpDone;
    private int _offerBeforeDecrease;
    private DateTimeOffset _decreasedAt = DateTimeOffset.MinValue;
    private int _measuredMilliamps;
    private DateTimeOffset? _overCurrentSince;
    private bool _holdOpen;

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
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options.Validate();
        _classifier = new PilotClassifier(_options.Thresholds);
        _debouncer = new PilotDebouncer(_time, _options.Debounce);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _timer = _time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised (outside the lock) for plug, demand and fault changes.</summary>
    public event EventHandler<ChargePointEvent>? EventRaised;

    /// <summary>Raised (outside the lock) whenever <see cref="Outputs"/> changes; apply the new outputs to the hardware.</summary>
    public event EventHandler<ChargePointOutputs>? OutputsChanged;

    /// <summary>The current commands for pilot, contactor and offered current.</summary>
    public ChargePointOutputs Outputs
    {
        get { lock (_gate) return Snapshot(); }
    }

    /// <summary>The debounced pilot state.</summary>
    public PilotState EvState
    {
        get { lock (_gate) return _debouncer.Stable; }
    }

    /// <summary>The faults currently active, in the order they were raised.</summary>
    public IReadOnlyList<ChargePointFault> ActiveFaults
    {
        get { lock (_gate) return _faults.ToArray(); }
    }

    /// <summary>When PWM was withdrawn with the contactor still closed (C1/D1 grace), else null.</summary>
    public DateTimeOffset? PwmWithdrawnAt
    {
        get { lock (_gate) return _contactorClosed ? _pwmWithdrawnAt : null; }
    }

    /// <summary>Feeds one pilot sample, taken while the current <see cref="Outputs"/> pilot signal was driven.</summary>
    /// <param name="sample">The measured plateaus.</param>
    public void ObservePilot(PilotSample sample) => Run(now =>
    {
        // While driving −12 V the pilot says nothing about the EV.
        if (_pilot.Mode == PilotOutputMode.NotAvailable) return;
        PilotReading reading = _classifier.Classify(sample, _pilot.PwmOn);
        _raw = reading.State;
        // The check needs PWM; samples without it neither pass nor spoil an earlier pass. Without an EV load
        // there is no diode, so the next EV must be checked afresh.
        if (reading.DiodeCheck == DiodeCheckResult.Passed) _diodeVerified = true;
        else if (reading.DiodeCheck == DiodeCheckResult.Failed || reading.State is not (PilotState.B or PilotState.C or PilotState.D)) _diodeVerified = false;
        if (reading.DiodeCheck == DiodeCheckResult.Failed)
        {
            AddFault(new ChargePointFault(FaultKind.Other, FaultCause.DiodeCheckFailed), now);
        }

        _debouncer.Update(_raw);
    });

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
            _supplyEnabled = true;
            _supplyLimitMilliamps = maximumCurrentMilliamps;
        });
    }

    /// <summary>Disables charging: PWM is withdrawn, and the contactor opens when the EV stops or after the C1 timeout.</summary>
    public void DisableSupply() => Run(_ => _supplyEnabled = false);

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
    public void HoldContactorOpen(bool hold) => Run(_ => _holdOpen = hold);

    /// <summary>True while <see cref="HoldContactorOpen"/> holds the contactor open.</summary>
    public bool ContactorHeldOpen
    {
        get { lock (_gate) return _holdOpen; }
    }

    /// <summary>Feeds the measured charging current (highest phase) for over-current supervision.</summary>
    /// <param name="milliamps">The measured current.</param>
    public void ObserveMeasuredCurrent(int milliamps) => Run(_ => _measuredMilliamps = milliamps);

    /// <summary>Stops the internal timer.</summary>
    public void Dispose() => _timer.Dispose();

    // On a timer thread: whatever a handler throws is logged and holds the charge point in fault, never ends the process.
    private void OnTimer()
    {
        try
        {
            Run(_ => { });
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A timed charge-point step failed; raising fault Other");
            try
            {
                RaiseFault(FaultKind.Other);
            }
            catch (Exception inner)
            {
                _logger.LogCritical(inner, "Raising fault Other after a failed timed step failed too");
            }
        }
    }

    private void Run(Action<DateTimeOffset> input)
    {
        // The dispatch lock keeps events in order across the timer and caller threads; the state lock is released
        // before handlers run, and both are re-entrant for a handler that calls back on the same thread.
        lock (_dispatchGate)
        {
            ChargePointEvent[] events;
            ChargePointOutputs before, after;
            lock (_gate)
            {
                before = Snapshot();
                DateTimeOffset now = _time.GetUtcNow();
                input(now);
                Evaluate(now);
                after = Snapshot();
                events = _pendingEvents.ToArray();
                _pendingEvents.Clear();
            }

            foreach (ChargePointEvent e in events)
            {
                EventRaised?.Invoke(this, e);
            }

            if (before != after)
            {
                OutputsChanged?.Invoke(this, after);
            }
        }
    }

    private ChargePointOutputs Snapshot() => new(_pilot, _contactorClosed, _offer);

    private void Evaluate(DateTimeOffset now)
    {
        PilotState stable = _debouncer.Poll();
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
            if (!_plugged) return;
            _plugged = false;
            _demand = false;
            _wakeUpDone = false;
            Emit(ChargePointEventKind.Unplugged, now);
            // Unplugging is how latched faults (diode, over-current) are cleared, as in OpenEVSE.
            foreach (ChargePointFault fault in _faults.ToArray())
            {
                if (fault.Cause != FaultCause.External) RemoveFault(fault, now);
            }

            return;
        }

        if (stable is not (PilotState.B or PilotState.C or PilotState.D)) return;
        if (!_plugged)
        {
            _plugged = true;
            Emit(ChargePointEventKind.PluggedIn, now);
        }

        bool demand = stable != PilotState.B;
        if (demand != _demand)
        {
            _demand = demand;
            Emit(demand ? ChargePointEventKind.Demand : ChargePointEventKind.NoDemand, now);
        }
    }

    private void UpdatePilotFaults(PilotState stable, DateTimeOffset now)
    {
        SetFault(new ChargePointFault(FaultKind.PilotShortCircuit, FaultCause.PilotShort), stable == PilotState.E, now);
        SetFault(new ChargePointFault(FaultKind.Other, FaultCause.PilotInvalid), stable is PilotState.F or PilotState.Invalid, now);
        SetFault(new ChargePointFault(FaultKind.Other, FaultCause.VentilationNotAvailable), stable == PilotState.D && !_options.VentilationAvailable, now);
    }

    private void UpdateWakeUp(PilotState stable, DateTimeOffset now)
    {
        if (_wakeUpUntil is DateTimeOffset until)
        {
            if (now < until) return;
            _wakeUpUntil = null;
        }

        bool inB2 = stable == PilotState.B && _raw == PilotState.B && _pilot.PwmOn && _faults.Count == 0;
        if (!inB2 || !_options.WakeUpEnabled || _wakeUpDone)
        {
            _b2Since = null;
            return;
        }

        _b2Since ??= now;
        if (now - _b2Since.Value >= _options.WakeUpAfter)
        {
            _wakeUpUntil = now + _options.WakeUpDuration;
            _wakeUpDone = true;
            _b2Since = null;
        }
    }

    private void UpdatePilotOutput(DateTimeOffset now)
    {
        bool wasPwm = _pilot.PwmOn;
        int oldOffer = _offer;
        int target = _faults.Count == 0 && _supplyEnabled && _plugged
            ? PilotDutyCycle.OfferedCurrent(Math.Min(_supplyLimitMilliamps, _options.MaximumCurrentMilliamps))
            : 0;

        _dutyIncreaseDueAt = null;
        if (target == 0)
        {
            SetPilot(PilotOutput.Standby, 0);
        }
        else if (_wakeUpUntil is not null)
        {
            SetPilot(PilotOutput.NotAvailable, 0);
        }
        else if (!wasPwm || target < _offer)
        {
            SetPwm(target, now);
        }
        else if (target > _offer)
        {
            DateTimeOffset due = _lastDutyChange + _options.DutyIncreaseInterval;
            if (now >= due) SetPwm(target, now);
            else _dutyIncreaseDueAt = due;
        }

        if (_offer < oldOffer)
        {
            _offerBeforeDecrease = oldOffer;
            _decreasedAt = now;
        }

        if (wasPwm && !_pilot.PwmOn) _pwmWithdrawnAt = now;
        else if (_pilot.PwmOn) _pwmWithdrawnAt = null;
    }

    private void SetPwm(int offer, DateTimeOffset now)
    {
        SetPilot(new PilotOutput(PilotOutputMode.Pwm, PilotDutyCycle.DutyForCurrent(offer)!.Value), offer);
        _lastDutyChange = now;
    }

    private void SetPilot(PilotOutput pilot, int offer)
    {
        _pilot = pilot;
        _offer = offer;
    }

    private void UpdateContactor(PilotState stable, DateTimeOffset now)
    {
        bool noFault = _faults.Count == 0;
        bool allowed = noFault && _supplyEnabled && _pilot.PwmOn
            && IsChargeRequest(stable) && IsChargeRequest(_raw) && _diodeVerified;
        // C1/D1: PWM withdrawn while charging; the EV gets time to stop before the contactor breaks the load.
        bool withdrawnGrace = _contactorClosed && noFault && _pilot.Mode == PilotOutputMode.Standby && IsChargeRequest(_raw)
            && _pwmWithdrawnAt is DateTimeOffset withdrawn && now - withdrawn < _options.PwmWithdrawnTimeout;
        bool close = (allowed || withdrawnGrace) && !_holdOpen;
        if (close == _contactorClosed) return;
        _contactorClosed = close;
        _logger.LogInformation("Contactor {Command} (pilot {Pilot}, EV {State})", close ? "closed" : "opened", _pilot.Mode, _raw);
    }

    private bool IsChargeRequest(PilotState state) =>
        state == PilotState.C || (state == PilotState.D && _options.VentilationAvailable);

    private void UpdateOverCurrent(DateTimeOffset now)
    {
        if (!_contactorClosed)
        {
            _overCurrentSince = null;
            return;
        }

        int allowance = _offer;
        if (now - _decreasedAt < _options.EvResponseTime) allowance = Math.Max(allowance, _offerBeforeDecrease);
        if ((long)_measuredMilliamps <= (long)allowance + _options.OverCurrentMarginMilliamps)
        {
            _overCurrentSince = null;
            return;
        }

        _overCurrentSince ??= now;
        if (now - _overCurrentSince.Value >= _options.OverCurrentTime)
        {
            _overCurrentSince = null;
            AddFault(new ChargePointFault(FaultKind.OverCurrent, FaultCause.CurrentAboveOffer), now);
            // The fault withdraws permission at once; re-run the output rules in this same step.
            UpdatePilotOutput(now);
            UpdateContactor(_debouncer.Stable, now);
        }
    }

    private void Schedule(DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        void Consider(DateTimeOffset? at)
        {
            if (at is DateTimeOffset t && t > now && (next is null || t < next)) next = t;
        }

        Consider(_debouncer.PendingUntil);
        Consider(_dutyIncreaseDueAt);
        Consider(_wakeUpUntil);
        if (_b2Since is DateTimeOffset b2) Consider(b2 + _options.WakeUpAfter);
        if (_contactorClosed && _pwmWithdrawnAt is DateTimeOffset withdrawn) Consider(withdrawn + _options.PwmWithdrawnTimeout);
        if (_overCurrentSince is DateTimeOffset over) Consider(over + _options.OverCurrentTime);
        if (_contactorClosed) Consider(_decreasedAt + _options.EvResponseTime);

        // A due time already past fires at once (a negative one would throw); the timing rules are seconds, far below a timer's limit.
        _timer.Change(next is DateTimeOffset due ? (due > now ? due - now : TimeSpan.Zero) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private void SetFault(ChargePointFault fault, bool active, DateTimeOffset now)
    {
        if (active) AddFault(fault, now);
        else RemoveFault(fault, now);
    }

    private void AddFault(ChargePointFault fault, DateTimeOffset now)
    {
        if (_faults.Contains(fault)) return;
        _faults.Add(fault);
        _logger.LogWarning("Fault raised: {Kind} ({Cause})", fault.Kind, fault.Cause);
        _pendingEvents.Add(new ChargePointEvent(ChargePointEventKind.FaultRaised, now, fault));
    }

    private void RemoveFault(ChargePointFault fault, DateTimeOffset now)
    {
        if (!_faults.Remove(fault)) return;
        _logger.LogInformation("Fault cleared: {Kind} ({Cause})", fault.Kind, fault.Cause);
        _pendingEvents.Add(new ChargePointEvent(ChargePointEventKind.FaultCleared, now, fault));
    }

    private void Emit(ChargePointEventKind kind, DateTimeOffset now) => _pendingEvents.Add(new ChargePointEvent(kind, now));
}
