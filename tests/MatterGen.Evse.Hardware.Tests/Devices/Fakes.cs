using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Device.Pwm;
using System.Device.Spi;
using System.Threading;

namespace MatterGen.Evse.Hardware.Tests.Devices;

/// <summary>An in-memory GPIO chip recording every write; inputs are set by the test.</summary>
internal sealed class RecordingGpioDriver : GpioDriver
{
    public Dictionary<int, PinMode> Modes { get; } = [];
    public Dictionary<int, PinValue> Values { get; } = [];
    public List<(int Pin, PinValue Value)> Writes { get; } = [];

    protected override int PinCount => 64;
    protected override void OpenPin(int pinNumber) => Values.TryAdd(pinNumber, PinValue.Low);
    protected override void ClosePin(int pinNumber) => Modes.Remove(pinNumber);
    protected override void SetPinMode(int pinNumber, PinMode mode) => Modes[pinNumber] = mode;
    protected override PinMode GetPinMode(int pinNumber) => Modes[pinNumber];
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;
    protected override PinValue Read(int pinNumber) => Values.TryGetValue(pinNumber, out var v) ? v : PinValue.Low;

    protected override void Write(int pinNumber, PinValue value)
    {
        Writes.Add((pinNumber, value));
        Values[pinNumber] = value;
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        new() { TimedOut = true, EventTypes = PinEventTypes.None };

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
    }
}

/// <summary>A PWM channel recording frequency, duty cycle and start/stop.</summary>
internal sealed class RecordingPwmChannel : PwmChannel
{
    public List<double> DutyCycles { get; } = [];
    public bool Running { get; private set; }
    private double duty;

    public override int Frequency { get; set; }

    public override double DutyCycle
    {
        get => duty;
        set
        {
            duty = value;
            DutyCycles.Add(value);
        }
    }

    public override void Start() => Running = true;
    public override void Stop() => Running = false;
}

/// <summary>An MCP3008 on the wire: answers each 3-byte transfer with the value set for the requested channel.</summary>
internal sealed class FakeMcp3008Spi : SpiDevice
{
    public int[] ChannelValues { get; } = new int[8];
    public List<byte[]> Transfers { get; } = [];

    public override SpiConnectionSettings ConnectionSettings { get; } = new(0, 0);

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Transfers.Add(writeBuffer.ToArray());
        var channel = (writeBuffer[1] >> 4) & 0x07;
        var value = ChannelValues[channel];
        readBuffer[0] = 0xFF; // undefined bits the driver must ignore
        readBuffer[1] = (byte)(0xF8 | (value >> 8)); // null bit and high bits
        readBuffer[2] = (byte)value;
    }

    public override byte ReadByte() => throw new NotSupportedException();
    public override void Read(Span<byte> buffer) => throw new NotSupportedException();
    public override void WriteByte(byte value) => throw new NotSupportedException();
    public override void Write(ReadOnlySpan<byte> buffer) => throw new NotSupportedException();
}
