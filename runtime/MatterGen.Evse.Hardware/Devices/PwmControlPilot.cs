using System;
using System.Device.Pwm;
using MatterGen.Evse.Hardware.Control;

namespace MatterGen.Evse.Hardware.Devices;

/// <summary>
/// Drives the control pilot from a <see cref="PwmChannel"/> at 1 kHz through a ±12 V buffer:
/// duty 1.0 is constant +12 V (state A / x1), 0.0 constant −12 V (state F).
/// </summary>
public sealed class PwmControlPilot : IDisposable
{
    /// <summary>The IEC 61851-1 pilot frequency.</summary>
    public const int FrequencyHertz = 1000;

    private readonly PwmChannel pwmChannel;

    /// <summary>Configures the channel for 1 kHz, constant +12 V, and starts it.</summary>
    /// <param name="pwm">The PWM channel wired to the pilot buffer.</param>
    public PwmControlPilot(PwmChannel pwm)
    {
        pwmChannel = pwm ?? throw new ArgumentNullException(nameof(pwm));
        pwmChannel.Frequency = FrequencyHertz;
        pwmChannel.DutyCycle = 1.0;
        pwmChannel.Start();
    }

    /// <summary>Applies a controller pilot command.</summary>
    /// <param name="output">The pilot output.</param>
    /// <exception cref="ArgumentOutOfRangeException">The duty cycle is not within 0.0–1.0.</exception>
    public void Apply(PilotOutput output)
    {
        if (double.IsNaN(output.DutyCycle) || output.DutyCycle < 0.0 || output.DutyCycle > 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(output), output.DutyCycle, "Duty cycle must be 0.0–1.0.");
        }

        pwmChannel.DutyCycle = output.DutyCycle;
    }

    /// <summary>Leaves the pilot at constant +12 V and stops driving it.</summary>
    public void Dispose()
    {
        pwmChannel.DutyCycle = 1.0;
        pwmChannel.Stop();
    }
}
