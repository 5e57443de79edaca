using System.Device.Pwm;
using System.Threading;
using MatterGen.Evse.Hardware.Control;

namespace MatterGen.Evse.Simulation;

/// <summary>
/// A PWM channel that only remembers its settings, so the real <see cref="Hardware.Devices.PwmControlPilot"/> can drive a
/// simulated EV: <see cref="PilotOutput"/> turns the duty cycle back into what the pilot line carries.
/// </summary>
public sealed class SimulatedPwmChannel : PwmChannel
{
    private volatile bool running;
    private double dutyCycle = 1.0;

    /// <inheritdoc />
    public override int Frequency { get; set; }

    /// <inheritdoc />
    public override double DutyCycle
    {
        get => Volatile.Read(ref dutyCycle);
        set => Volatile.Write(ref dutyCycle, value);
    }

    /// <summary>Whether the channel is started.</summary>
    public bool Running => running;

    /// <summary>What the pilot line carries: constant +12 V when stopped or at duty 1.0, −12 V at 0.0, else PWM.</summary>
    public PilotOutput PilotOutput
    {
        get
        {
            var duty = DutyCycle;
            if (!running || duty >= 1.0)
            {
                return PilotOutput.Standby;
            }

            return duty <= 0.0 ? PilotOutput.NotAvailable : new PilotOutput(PilotOutputMode.Pwm, duty);
        }
    }

    /// <inheritdoc />
    public override void Start() => running = true;

    /// <inheritdoc />
    public override void Stop() => running = false;
}
