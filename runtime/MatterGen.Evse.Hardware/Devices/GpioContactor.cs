using System;
using System.Device.Gpio;
using MatterGen.Evse.Hardware.Control;

namespace MatterGen.Evse.Hardware.Devices;

/// <summary>A contactor coil on a GPIO output, opened (low) from the moment the pin is opened, with optional feedback input.</summary>
public sealed class GpioContactor : IDisposable
{
    private readonly GpioController gpioController;
    private readonly GpioContactorOptions settings;

    /// <summary>Opens the coil pin as an output at low (glitch-free) and the feedback pin as an input.</summary>
    /// <param name="gpio">The GPIO controller (inject it: the parameterless one throws without hardware).</param>
    /// <param name="options">Pin assignment.</param>
    /// <exception cref="ArgumentException">The coil pin is not set or equals the feedback pin.</exception>
    public GpioContactor(GpioController gpio, GpioContactorOptions options)
    {
        gpioController = gpio ?? throw new ArgumentNullException(nameof(gpio));
        settings = options ?? throw new ArgumentNullException(nameof(options));
        if (options.CoilPin < 0)
        {
            throw new ArgumentException("CoilPin must be set.", nameof(options));
        }

        if (options.FeedbackPin == options.CoilPin)
        {
            throw new ArgumentException("FeedbackPin must differ from CoilPin.", nameof(options));
        }

        gpioController.OpenPin(options.CoilPin, PinMode.Output, PinValue.Low);
        if (options.FeedbackPin is int feedback)
        {
            gpioController.OpenPin(feedback, PinMode.Input);
        }
    }

    /// <summary>True while the coil is commanded on.</summary>
    public bool IsCommandedClosed { get; private set; }

    /// <summary>The feedback input, or <see cref="ContactorFeedback.Unknown"/> without one.</summary>
    public ContactorFeedback Feedback
    {
        get
        {
            if (settings.FeedbackPin is not int pin)
            {
                return ContactorFeedback.Unknown;
            }

            var high = gpioController.Read(pin) == PinValue.High;
            return high == settings.FeedbackHighWhenClosed ? ContactorFeedback.Closed : ContactorFeedback.Open;
        }
    }

    /// <summary>Energises or releases the coil.</summary>
    /// <param name="closed">True to close the contacts.</param>
    public void Set(bool closed)
    {
        gpioController.Write(settings.CoilPin, closed ? PinValue.High : PinValue.Low);
        IsCommandedClosed = closed;
    }

    /// <summary>Releases the coil and closes the pins.</summary>
    public void Dispose()
    {
        Set(false);
        gpioController.ClosePin(settings.CoilPin);
        if (settings.FeedbackPin is int feedback)
        {
            gpioController.ClosePin(feedback);
        }
    }
}
