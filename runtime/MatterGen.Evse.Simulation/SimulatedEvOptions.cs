using System;

namespace MatterGen.Evse.Simulation;

/// <summary>Electrical and battery parameters of a <see cref="SimulatedEv"/>; resistor values per IEC 61851-1 Annex A.</summary>
public sealed class SimulatedEvOptions
{
    /// <summary>The always-present EV resistor (R3 in state B), ohms.</summary>
    public double StandbyResistorOhms { get; set; } = 2_740;

    /// <summary>The resistor S2 adds for a charge request without ventilation (state C), ohms.</summary>
    public double ChargeResistorOhms { get; set; } = 1_300;

    /// <summary>The resistor S2 adds for a charge request with ventilation (state D), ohms.</summary>
    public double VentilationResistorOhms { get; set; } = 270;

    /// <summary>The EVSE's source resistor, ohms.</summary>
    public double SourceResistorOhms { get; set; } = 1_000;

    /// <summary>Forward drop of the EV diode, volts.</summary>
    public double DiodeDropVolts { get; set; } = 0.7;

    /// <summary>Battery capacity, kWh.</summary>
    public double BatteryCapacityKilowattHours { get; set; } = 60;

    /// <summary>The on-board charger's own current limit, mA.</summary>
    public int MaximumChargeCurrentMilliamps { get; set; } = 32_000;

    /// <summary>How long the on-board charger takes to follow a new offer (IEC allows up to 5 s).</summary>
    public TimeSpan ResponseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Mains voltage the charger draws at, volts.</summary>
    public double SupplyVolts { get; set; } = 230;
}
