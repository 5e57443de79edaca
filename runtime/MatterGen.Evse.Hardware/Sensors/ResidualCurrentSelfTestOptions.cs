using System;

namespace MatterGen.Evse.Hardware.Sensors;

/// <summary>
/// The RCD/GFCI self-test run at start-up and on every plug-in, before the contactor first closes. Defaults follow
/// OpenEVSE (wait up to 2 s for the input to clear, retry a failure after 5 minutes); the trip limit is the
/// configurable response time of the residual-current device.
/// </summary>
public sealed class ResidualCurrentSelfTestOptions
{
    /// <summary>False to never run the self-test (the contactor is then not held for it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The RCD must report the trip within this time of the test current being injected.</summary>
    public TimeSpan TripTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The RCD must clear within this time of the test current being removed.</summary>
    public TimeSpan ClearTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After a failed test, the next attempt (a plug-in also starts one).</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Checks for values that cannot work.</summary>
    /// <exception cref="ArgumentException">A time is not positive.</exception>
    public void Validate()
    {
        if (TripTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("ResidualCurrentSelfTest.TripTimeout must be positive.");
        }

        if (ClearTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("ResidualCurrentSelfTest.ClearTimeout must be positive.");
        }

        if (RetryInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("ResidualCurrentSelfTest.RetryInterval must be positive.");
        }
    }
}
