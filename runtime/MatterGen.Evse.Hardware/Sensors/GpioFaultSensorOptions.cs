namespace MatterGen.Evse.Hardware.Sensors;

/// <summary>Pins of the protective inputs; null for an input that is not fitted.</summary>
public sealed class GpioFaultSensorOptions
{
    /// <summary>The RCD/GFCI trip output.</summary>
    public int? ResidualCurrentPin { get; set; }

    /// <summary>The output driving the RCD's test winding (the self-test's test current), or null without one.</summary>
    public int? ResidualCurrentTestPin { get; set; }

    /// <summary>True when the test output injects the test current at high; false for an active-low test input.</summary>
    public bool ResidualCurrentTestActiveHigh { get; set; } = true;

    /// <summary>The protective-earth check output (active when earth is missing).</summary>
    public int? ProtectiveEarthPin { get; set; }

    /// <summary>The emergency-stop contact.</summary>
    public int? EmergencyStopPin { get; set; }

    /// <summary>
    /// True when an input reads low while active. Protective inputs are usually wired normally closed to ground
    /// with a pull-up, so a broken wire reads as the fault rather than as all clear.
    /// </summary>
    public bool ActiveLow { get; set; } = true;
}
