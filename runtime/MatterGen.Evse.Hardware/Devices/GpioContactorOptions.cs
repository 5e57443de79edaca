namespace MatterGen.Evse.Hardware.Devices;

/// <summary>Pins of a GPIO-driven contactor.</summary>
public sealed class GpioContactorOptions
{
    /// <summary>The output driving the coil (high = energised).</summary>
    public int CoilPin { get; set; } = -1;

    /// <summary>The mirror-contact input, or null when none is fitted.</summary>
    public int? FeedbackPin { get; set; }

    /// <summary>True when the feedback input reads high with the contacts closed.</summary>
    public bool FeedbackHighWhenClosed { get; set; } = true;
}
