using System;
using System.Device.Gpio;

namespace MatterGen.Evse.Hardware.Sensors;

/// <summary>
/// Protective inputs on GPIO pins, with an optional temperature source (e.g. an ADC channel or a 1-Wire sensor), and
/// the RCD's test output for its self-test.
/// </summary>
public sealed class GpioFaultSensors : IFaultSensors, IResidualCurrentSelfTestable, IDisposable
{
    private readonly GpioController gpioController;
    private readonly GpioFaultSensorOptions settings;
    private readonly Func<double?>? temperature;

    /// <summary>Opens the fitted pins as inputs with a pull-up, and the RCD test pin as an output at its inactive level.</summary>
    /// <param name="gpio">The GPIO controller.</param>
    /// <param name="options">Pin assignment.</param>
    /// <param name="temperatureCelsius">Reads the temperature, or null without a sensor.</param>
    /// <exception cref="ArgumentException">A pin is negative or used twice.</exception>
    public GpioFaultSensors(GpioController gpio, GpioFaultSensorOptions options, Func<double?>? temperatureCelsius = null)
    {
        gpioController = gpio ?? throw new ArgumentNullException(nameof(gpio));
        settings = options ?? throw new ArgumentNullException(nameof(options));
        temperature = temperatureCelsius;
        int?[] pins = [options.ResidualCurrentPin, options.ProtectiveEarthPin, options.EmergencyStopPin, options.ResidualCurrentTestPin];
        for (var i = 0; i < pins.Length; i++)
        {
            if (pins[i] is not int pin)
            {
                continue;
            }

            if (pin < 0)
            {
                throw new ArgumentException($"Fault input pin {pin} is negative.", nameof(options));
            }

            for (var j = 0; j < i; j++)
            {
                if (pins[j] == pin)
                {
                    throw new ArgumentException($"Fault input pin {pin} is used twice.", nameof(options));
                }
            }
        }

        foreach (var pin in pins[..3])
        {
            if (pin is int p)
            {
                gpioController.OpenPin(p, gpioController.IsPinModeSupported(p, PinMode.InputPullUp) ? PinMode.InputPullUp : PinMode.Input);
            }
        }

        if (options.ResidualCurrentTestPin is int test)
        {
            gpioController.OpenPin(test, PinMode.Output, TestLevel(false));
        }
    }

    /// <inheritdoc />
    public bool CanSelfTestResidualCurrent => settings.ResidualCurrentPin is not null && settings.ResidualCurrentTestPin is not null;

    /// <inheritdoc />
    public void SetResidualCurrentTest(bool inject)
    {
        if (settings.ResidualCurrentTestPin is int pin)
        {
            gpioController.Write(pin, TestLevel(inject));
        }
    }

    /// <inheritdoc />
    public FaultSensorReadings Read() => new(
        IsActive(settings.ResidualCurrentPin),
        IsActive(settings.ProtectiveEarthPin),
        IsActive(settings.EmergencyStopPin),
        temperature?.Invoke());

    /// <summary>Closes the pins.</summary>
    public void Dispose()
    {
        SetResidualCurrentTest(false);
        foreach (var pin in new[] { settings.ResidualCurrentPin, settings.ProtectiveEarthPin, settings.EmergencyStopPin, settings.ResidualCurrentTestPin })
        {
            if (pin is int p && gpioController.IsPinOpen(p))
            {
                gpioController.ClosePin(p);
            }
        }
    }

    private PinValue TestLevel(bool inject) => inject == settings.ResidualCurrentTestActiveHigh ? PinValue.High : PinValue.Low;

    private bool IsActive(int? pin) => pin is int p && (gpioController.Read(p) == PinValue.Low) == settings.ActiveLow;
}
