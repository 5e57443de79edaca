using System;
using System.Device.Gpio;
using System.Device.Pwm;
using System.Device.Spi;
using System.Diagnostics;
using System.Threading;

namespace MatterGen.Benchmarks.Hardware;

/// <summary>
/// An MCP3008 on the wire whose pilot channel alternates between a high and a low plateau, as a 1 kHz PWM pilot
/// sampled by a burst looks; the benchmark moves the high plateau to simulate the EV changing state.
/// </summary>
internal sealed class PilotAdcSpi : SpiDevice
{
    private int conversion;

    public int HighCounts { get; set; }
    public int LowCounts { get; set; }

    public override SpiConnectionSettings ConnectionSettings { get; } = new(0, 0);

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        var value = (++conversion & 1) == 0 ? HighCounts : LowCounts;
        readBuffer[0] = 0;
        readBuffer[1] = (byte)(value >> 8);
        readBuffer[2] = (byte)value;
    }

    public override byte ReadByte() => throw new NotSupportedException();
    public override void Read(Span<byte> buffer) => throw new NotSupportedException();
    public override void WriteByte(byte value) => throw new NotSupportedException();
    public override void Write(ReadOnlySpan<byte> buffer) => throw new NotSupportedException();
}

/// <summary>A GPIO chip that timestamps every write of the contactor coil pin.</summary>
internal sealed class TimestampingGpioDriver(int coilPin) : GpioDriver
{
    private readonly PinValue[] values = new PinValue[64];

    /// <summary><see cref="Stopwatch.GetTimestamp"/> at the last coil write.</summary>
    public long LastCoilWrite { get; private set; }

    public bool CoilHigh => values[coilPin] == PinValue.High;

    protected override int PinCount => values.Length;
    protected override void OpenPin(int pinNumber) { }
    protected override void ClosePin(int pinNumber) { }
    protected override void SetPinMode(int pinNumber, PinMode mode) { }
    protected override PinMode GetPinMode(int pinNumber) => PinMode.Output;
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;
    protected override PinValue Read(int pinNumber) => values[pinNumber];

    protected override void Write(int pinNumber, PinValue value)
    {
        if (pinNumber == coilPin)
        {
            LastCoilWrite = Stopwatch.GetTimestamp();
        }

        values[pinNumber] = value;
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        new() { TimedOut = true, EventTypes = PinEventTypes.None };

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException();

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) { }
}

/// <summary>A PWM channel that only stores its settings.</summary>
internal sealed class NullPwmChannel : PwmChannel
{
    public override int Frequency { get; set; }
    public override double DutyCycle { get; set; }
    public override void Start() { }
    public override void Stop() { }
}
