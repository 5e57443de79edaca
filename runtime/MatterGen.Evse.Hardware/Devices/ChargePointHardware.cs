using System;
using MatterGen.Evse.Hardware.Control;

namespace MatterGen.Evse.Hardware.Devices;

/// <summary>
/// Connects a <see cref="ChargePointController"/> to real I/O: applies its outputs to the PWM pilot and the
/// contactor, and on each <see cref="Poll"/> feeds it a pilot sample and checks the contactor feedback.
/// Call <see cref="Poll"/> every 10–20 ms from one thread; <see cref="Station.EvseStation"/> does, and connects the
/// controller to the Matter cluster.
/// </summary>
public sealed class ChargePointHardware : IDisposable
{
    private readonly object applyGate = new();
    private readonly ChargePointController chargePoint;
    private readonly PwmControlPilot pwmPilot;
    private readonly GpioContactor gpioContactor;
    private readonly Func<Pilot.PilotSample> readPilot;
    private readonly ContactorSupervisor? contactorSupervisor;
    private PilotOutput appliedPilot;
    private long applyGeneration;

    /// <summary>Wires the controller to the devices and applies its current outputs.</summary>
    /// <param name="controller">The state machine.</param>
    /// <param name="pilot">The pilot PWM output.</param>
    /// <param name="contactor">The contactor.</param>
    /// <param name="samplePilot">Takes one pilot sample, e.g. <see cref="AdcPilotSampler.Sample"/>.</param>
    /// <param name="supervisor">Checks contactor feedback; null when no feedback is fitted.</param>
    public ChargePointHardware(ChargePointController controller, PwmControlPilot pilot, GpioContactor contactor, Func<Pilot.PilotSample> samplePilot, ContactorSupervisor? supervisor = null)
    {
        chargePoint = controller ?? throw new ArgumentNullException(nameof(controller));
        pwmPilot = pilot ?? throw new ArgumentNullException(nameof(pilot));
        gpioContactor = contactor ?? throw new ArgumentNullException(nameof(contactor));
        readPilot = samplePilot ?? throw new ArgumentNullException(nameof(samplePilot));
        contactorSupervisor = supervisor;
        chargePoint.OutputsChanged += OnOutputsChanged;
        Apply();
    }

    /// <summary>Samples the pilot into the controller and checks the contactor feedback.</summary>
    public void Poll()
    {
        // A sample describes the signal that was on the pin while it was taken; if the outputs were applied anew
        // meanwhile it describes neither signal and is dropped (the next poll takes a fresh one).
        var (driven, generation) = AppliedPilot();
        var sample = readPilot();
        if (AppliedPilot().Generation == generation)
        {
            chargePoint.ObservePilot(sample, driven);
        }

        if (contactorSupervisor is null)
        {
            return;
        }
        // Weld and dry-contact faults latch: the controller keeps them until ClearFault after service.
        if (contactorSupervisor.Check(gpioContactor.IsCommandedClosed, gpioContactor.Feedback) is FaultKind fault)
        {
            chargePoint.RaiseFault(fault);
        }
    }

    /// <summary>Unsubscribes from the controller and opens the contactor.</summary>
    public void Dispose()
    {
        chargePoint.OutputsChanged -= OnOutputsChanged;
        lock (applyGate)
        {
            gpioContactor.Set(false);
        }
    }

    private void OnOutputsChanged(object? sender, ChargePointOutputs outputs) => Apply();

    private (PilotOutput Output, long Generation) AppliedPilot()
    {
        lock (applyGate)
        {
            return (appliedPilot, applyGeneration);
        }
    }

    private void Apply()
    {
        // Read the outputs afresh under one lock: events from the timer and the poll thread may arrive out of order.
        lock (applyGate)
        {
            var outputs = chargePoint.Outputs;
            // Break the load before changing the pilot; raise the offer only once the pilot is set.
            if (!outputs.ContactorClosed)
            {
                gpioContactor.Set(false);
            }

            pwmPilot.Apply(outputs.Pilot);
            appliedPilot = outputs.Pilot;
            applyGeneration++;
            if (outputs.ContactorClosed)
            {
                gpioContactor.Set(true);
            }
        }
    }
}
