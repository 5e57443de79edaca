using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Threading;

namespace MatterGen.Evse.Simulation;

/// <summary>
/// A GPIO chip with a contactor on it, for driving the real <see cref="Hardware.Devices.GpioContactor"/> without hardware:
/// the coil pin moves the contacts, the mirror-contact pin reports them. The contactor can weld (contacts stay
/// closed whatever the coil does) or fail to close (contacts stay open). Other pins are plain in-memory pins.
/// Thread-safe.
/// </summary>
public sealed class SimulatedContactorDriver : GpioDriver
{
    private readonly object gate = new();
    private readonly Dictionary<int, PinMode> modes = [];
    private readonly Dictionary<int, PinValue> values = [];
    private long coilWrites;

    /// <summary>Creates the chip.</summary>
    /// <param name="coilPin">The pin driving the contactor coil.</param>
    /// <param name="feedbackPin">The pin the mirror contact is wired to (high when the contacts are closed).</param>
    /// <exception cref="ArgumentException">The two pins are equal or negative.</exception>
    public SimulatedContactorDriver(int coilPin, int feedbackPin)
    {
        if (coilPin < 0 || feedbackPin < 0 || coilPin == feedbackPin)
        {
            throw new ArgumentException("The coil and feedback pins must be two different pin numbers of 0 or more.");
        }

        CoilPin = coilPin;
        FeedbackPin = feedbackPin;
    }

    /// <summary>The coil pin.</summary>
    public int CoilPin { get; }

    /// <summary>The mirror-contact pin.</summary>
    public int FeedbackPin { get; }

    /// <summary>Fault: the contacts are welded and stay closed whatever the coil does.</summary>
    public bool Welded { get; set; }

    /// <summary>Fault: the contacts do not close when the coil is energised (burnt coil, broken linkage).</summary>
    public bool FailsToClose { get; set; }

    /// <summary>True while the coil pin is driven high.</summary>
    public bool CoilEnergised
    {
        get
        {
            lock (gate)
            {
                return values.TryGetValue(CoilPin, out var v) && v == PinValue.High;
            }
        }
    }

    /// <summary>Whether current can flow: the physical state of the contacts.</summary>
    public bool ContactsClosed => Welded || (CoilEnergised && !FailsToClose);

    /// <summary>How many times the coil pin has been written.</summary>
    public long CoilWrites => Interlocked.Read(ref coilWrites);

    /// <summary>Raised after every write of the coil pin, with the value written (on the writing thread).</summary>
    public event Action<PinValue>? CoilWritten;

    /// <inheritdoc />
    protected override int PinCount => 64;

    /// <inheritdoc />
    protected override void OpenPin(int pinNumber)
    {
        lock (gate)
        {
            values.TryAdd(pinNumber, PinValue.Low);
        }
    }

    /// <inheritdoc />
    protected override void ClosePin(int pinNumber)
    {
        lock (gate)
        {
            modes.Remove(pinNumber);
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (gate)
        {
            modes[pinNumber] = mode;
        }
    }

    /// <inheritdoc />
    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (gate)
        {
            return modes.TryGetValue(pinNumber, out var mode) ? mode : PinMode.Input;
        }
    }

    /// <inheritdoc />
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    /// <inheritdoc />
    protected override PinValue Read(int pinNumber)
    {
        if (pinNumber == FeedbackPin)
        {
            return ContactsClosed ? PinValue.High : PinValue.Low;
        }

        lock (gate)
        {
            return values.TryGetValue(pinNumber, out var v) ? v : PinValue.Low;
        }
    }

    /// <inheritdoc />
    protected override void Write(int pinNumber, PinValue value)
    {
        lock (gate)
        {
            values[pinNumber] = value;
        }

        if (pinNumber != CoilPin)
        {
            return;
        }

        Interlocked.Increment(ref coilWrites);
        CoilWritten?.Invoke(value);
    }

    /// <inheritdoc />
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        new() { TimedOut = true, EventTypes = PinEventTypes.None };

    /// <inheritdoc />
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("The simulated contactor chip raises no pin-change callbacks; poll the pins.");

    /// <inheritdoc />
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
    }
}
