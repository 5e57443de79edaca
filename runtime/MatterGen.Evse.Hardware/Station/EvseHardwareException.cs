using System;

namespace MatterGen.Evse.Hardware.Station;

/// <summary>The configured charger hardware could not be opened (no GPIO chip, PWM not enabled, no serial device...).</summary>
public sealed class EvseHardwareException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="part">Which part failed, e.g. "GPIO controller".</param>
    /// <param name="inner">The driver's error.</param>
    public EvseHardwareException(string part, Exception inner)
        : base($"Opening the charger hardware failed at the {part}: {inner?.Message}", inner)
    {
        Part = part;
    }

    /// <summary>Which part failed.</summary>
    public string Part { get; }
}
