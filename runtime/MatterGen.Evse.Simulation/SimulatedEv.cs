using System;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Pilot;

namespace MatterGen.Evse.Simulation;

/// <summary>
/// An EV on the control pilot: diode, 2.74 kΩ, switch S2 adding 1.3 kΩ (or 270 Ω with ventilation), a battery and
/// an on-board charger that follows the PWM offer after a delay. It produces the pilot plateaus the EVSE samples
/// and the current it draws. Faults (shorted diode, pilot shorted to earth) can be injected. Not thread-safe.
/// </summary>
public sealed class SimulatedEv
{
    private readonly SimulatedEvOptions settings;
    private readonly TimeProvider clock;
    private DateTimeOffset lastStep;
    private int targetMilliamps;
    private int pendingTargetMilliamps;
    private DateTimeOffset pendingSince;

    /// <summary>Creates an unplugged EV.</summary>
    /// <param name="time">The simulation clock.</param>
    /// <param name="options">Parameters, or null for the defaults.</param>
    /// <param name="stateOfCharge">Initial state of charge, 0.0–1.0.</param>
    public SimulatedEv(TimeProvider time, SimulatedEvOptions? options = null, double stateOfCharge = 0.2)
    {
        clock = time ?? throw new ArgumentNullException(nameof(time));
        settings = options ?? new SimulatedEvOptions();
        if (!(stateOfCharge >= 0 && stateOfCharge <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(stateOfCharge), stateOfCharge, "State of charge is 0.0–1.0.");
        }

        StateOfCharge = stateOfCharge;
        lastStep = clock.GetUtcNow();
    }

    /// <summary>The parameters the EV was created with.</summary>
    public SimulatedEvOptions Options => settings;

    /// <summary>Whether the connector is plugged in.</summary>
    public bool Plugged { get; set; }

    /// <summary>Whether the driver/EV wants to charge; S2 closes while this holds and the battery is not full.</summary>
    public bool WantsCharge { get; set; }

    /// <summary>Whether the EV asks for ventilation (state D instead of C).</summary>
    public bool RequiresVentilation { get; set; }

    /// <summary>Fault: the EV diode is shorted, so the low plateau is not −12 V.</summary>
    public bool DiodeShorted { get; set; }

    /// <summary>Fault: the pilot is shorted to protective earth (state E).</summary>
    public bool PilotShortedToEarth { get; set; }

    /// <summary>Misbehaviour: the charger keeps drawing current after PWM is withdrawn.</summary>
    public bool IgnoresPwmWithdrawal { get; set; }

    /// <summary>Misbehaviour: extra current drawn on top of what the offer allows, mA.</summary>
    public int OverdrawMilliamps { get; set; }

    /// <summary>State of charge, 0.0–1.0.</summary>
    public double StateOfCharge { get; private set; }

    /// <summary>The current the EV draws now, mA.</summary>
    public int CurrentMilliamps { get; private set; }

    /// <summary>Whether S2 is closed.</summary>
    public bool S2Closed => Plugged && WantsCharge && StateOfCharge < 1.0;

    /// <summary>The IEC state the EV's load presents (what an ideal classifier would read with +12 V applied).</summary>
    public PilotState PresentedState =>
        !Plugged ? PilotState.A
        : PilotShortedToEarth ? PilotState.E
        : !S2Closed ? PilotState.B
        : RequiresVentilation ? PilotState.D
        : PilotState.C;

    /// <summary>The pilot plateaus the EVSE would sample while driving <paramref name="output"/>.</summary>
    /// <param name="output">The EVSE's pilot output.</param>
    public PilotSample MeasurePilot(PilotOutput output)
    {
        if (Plugged && PilotShortedToEarth)
        {
            return new PilotSample(0.0, 0.0);
        }

        var positive = PositiveLevel();
        var negative = NegativeLevel();
        return output.Mode switch
        {
            PilotOutputMode.Standby => new PilotSample(positive, positive),
            PilotOutputMode.NotAvailable => new PilotSample(negative, negative),
            _ => new PilotSample(positive, negative),
        };
    }

    /// <summary>
    /// Advances the EV to the clock's now: charges the battery at the current drawn since the last step, then lets
    /// the on-board charger follow the EVSE's offer.
    /// </summary>
    /// <param name="output">The EVSE's pilot output.</param>
    /// <param name="contactorClosed">Whether the EVSE's contactor is closed (no current flows otherwise).</param>
    public void Step(PilotOutput output, bool contactorClosed)
    {
        var now = clock.GetUtcNow();
        var hours = Math.Max(0, (now - lastStep).TotalHours);
        lastStep = now;
        var kwh = settings.SupplyVolts * CurrentMilliamps / 1000.0 * hours / 1000.0;
        StateOfCharge = Math.Min(1.0, StateOfCharge + kwh / settings.BatteryCapacityKilowattHours);

        var target = 0;
        if (S2Closed && !PilotShortedToEarth)
        {
            if (output.PwmOn)
            {
                var offer = PilotDutyCycle.Interpret(output.DutyCycle);
                target = Math.Min(offer.CurrentMilliamps, settings.MaximumChargeCurrentMilliamps);
            }
            else if (IgnoresPwmWithdrawal)
            {
                target = targetMilliamps;
            }
        }

        if (target != pendingTargetMilliamps)
        {
            pendingTargetMilliamps = target;
            pendingSince = now;
        }

        if (now - pendingSince >= settings.ResponseDelay)
        {
            targetMilliamps = pendingTargetMilliamps;
        }
        // Physics first: nothing flows through an open contactor or to an EV that left C/D.
        CurrentMilliamps = contactorClosed && S2Closed ? targetMilliamps + Math.Max(0, OverdrawMilliamps) : 0;
    }

    private double LoadOhms()
    {
        var r = settings.StandbyResistorOhms;
        if (S2Closed)
        {
            var extra = RequiresVentilation ? settings.VentilationResistorOhms : settings.ChargeResistorOhms;
            r = r * extra / (r + extra);
        }

        return r;
    }

    private double PositiveLevel()
    {
        if (!Plugged)
        {
            return 12.0;
        }

        var r = LoadOhms();
        var current = (12.0 - settings.DiodeDropVolts) / (settings.SourceResistorOhms + r);
        return 12.0 - settings.SourceResistorOhms * current;
    }

    private double NegativeLevel()
    {
        if (!Plugged || !DiodeShorted)
        {
            return -12.0;
        }

        var r = LoadOhms();
        return -12.0 * r / (settings.SourceResistorOhms + r);
    }
}
