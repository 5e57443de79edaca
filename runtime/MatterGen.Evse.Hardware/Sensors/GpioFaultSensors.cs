using System;
using System.Device.Gpio;

namespace MatterGen.Evse.Hardware.Sensors;

/// <summary>
/// Protective inputs on GPIO pins, with an optional temperature source (e.g. an ADC channel or a 1-Wire sensor), and
/// the RCD's test output for its self-test.
/// </summary>
public sealed class GpioFaultSensors : IFaultSensors, IResidualCurrentSelfTestable, IDisposable
{
    private readonly GpioController _gpio;
    private readonly GpioFaultSensorOptions _options;
    private readonly Func<double?>? _temperature;

    /// <summary>Opens the fitted pins as inputs with a pull-up, and the RCD test pin as an output at its inactive level.</summary>
    /// <param name="gpio">The GPIO controller.</param>
    /// <param name="options">Pin assignment.</param>
    /// <param name="temperatureCelsius">Reads the temperature, or null without a sensor.</param>
    /// <exception cref="ArgumentException">A pin is negative or used twice.</exception>
    public GpioFaultSensors(GpioController gpio, GpioFaultSensorOptions options, Func<double?>? temperatureCelsius = null)
    {
        _gpio = gpio ?? throw new ArgumentNullException(nameof(gpio));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _temperature = temperatureCelsius;
        int?[] pins = [options.ResidualCurrentPin, options.ProtectiveEarthPin, options.EmergencyStopPin, options.ResidualCurrentTestPin];
        for (int i = 0; i < pins.Length; i++)
        {
            if (pins[i] is not int pin) continue;
            if (pin < 0) throw new ArgumentException($"Fault input pin {pin} is negative.", nameof(options));
            for (int j = 0; j < i; j++)
            {
                if (pins[j] == pin) throw new ArgumentException($"Fault input pin {pin} is used twice.", nameof(options));
            }
        }

        foreach (int? pin in pins[..3])
        {
            if (pin is int p) _gpio.OpenPin(p, _gpio.IsPinModeSupported(p, PinMode.InputPullUp) ? PinMode.InputPullUp : PinMode.Input);
        }

        if (options.ResidualCurrentTestPin is int test) _gpio.OpenPin(test, PinMode.Output, TestLevel(false));
    }

    /// <inheritdoc />
    public bool CanSelfTestResidualCurrent => _options.ResidualCurrentPin is not null && _options.ResidualCurrentTestPin is not null;

    /// <inheritdoc />
    public void SetResidualCurrentTest(bool inject)
    {
        if (_options.ResidualCurrentTestPin is int pin) _gpio.Write(pin, TestLevel(inject));
    }

    /// <inheritdoc />
    public FaultSensorReadings Read() => new(
        IsActive(_options.ResidualCurrentPin),
        IsActive(_options.ProtectiveEarthPin),
        IsActive(_options.EmergencyStopPin),
        _temperature?.Invoke());

    /// <summary>Closes the pins.</summary>
    public void Dispose()
    {
        SetResidualCurrentTest(false);
        foreach (int? pin in new[] { _options.ResidualCurrentPin, _options.ProtectiveEarthPin, _options.EmergencyStopPin, _options.ResidualCurrentTestPin })
        {
            if (pin is int p && _gpio.IsPinOpen(p)) _gpio.ClosePin(p);
        }
    }

    private PinValue TestLevel(bool inject) => inject == _options.ResidualCurrentTestActiveHigh ? PinValue.High : PinValue.Low;

    private bool IsActive(int? pin) => pin is int p && (_gpio.Read(p) == PinValue.Low) == _options.ActiveLow;
}
