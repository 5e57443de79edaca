using System;

namespace MatterGen.Evse.Hardware.Sensors;

/// <summary>Where an RCD self-test stands.</summary>
public enum ResidualCurrentSelfTestState
{
    /// <summary>No test has run yet.</summary>
    NotRun,

    /// <summary>The test current is injected, or released and the input is expected to clear.</summary>
    Running,

    /// <summary>The last test passed.</summary>
    Passed,

    /// <summary>The last test failed; see <see cref="ResidualCurrentSelfTest.FailureReason"/>.</summary>
    Failed,
}

/// <summary>
/// The RCD/GFCI self-test as a step-driven state machine on <see cref="TimeProvider"/> time, so it never blocks the
/// control loop: inject the test current, expect the trip input within <see cref="ResidualCurrentSelfTestOptions.TripTimeout"/>,
/// release it, expect the input to clear within <see cref="ResidualCurrentSelfTestOptions.ClearTimeout"/>.
/// A trip is judged at the step that sees it, so the loop interval bounds the timing resolution.
/// </summary>
internal sealed class ResidualCurrentSelfTest
{
    private readonly IResidualCurrentSelfTestable testedDevice;
    private readonly ResidualCurrentSelfTestOptions settings;
    private readonly TimeProvider clock;
    private bool injecting;
    private DateTimeOffset phaseStart;

    /// <summary>Creates the test for <paramref name="device"/>.</summary>
    /// <param name="device">The RCD's test output.</param>
    /// <param name="options">Time limits; validated here.</param>
    /// <param name="time">The clock.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ResidualCurrentSelfTest(IResidualCurrentSelfTestable device, ResidualCurrentSelfTestOptions options, TimeProvider time)
    {
        testedDevice = device ?? throw new ArgumentNullException(nameof(device));
        settings = options ?? throw new ArgumentNullException(nameof(options));
        clock = time ?? throw new ArgumentNullException(nameof(time));
        settings.Validate();
    }

    /// <summary>The current state.</summary>
    public ResidualCurrentSelfTestState State { get; private set; }

    /// <summary>Why the last test failed, or null.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>When the last test ended (passed or failed), or null.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Starts a test unless one is running.</summary>
    /// <param name="trippedNow">The trip input now, before injecting: a tripped input cannot show the test's trip, so the test fails at once.</param>
    public void Start(bool trippedNow)
    {
        if (State == ResidualCurrentSelfTestState.Running)
        {
            return;
        }

        FailureReason = null;
        if (trippedNow)
        {
            Fail("the residual-current input was already tripped before the test current was injected");
            return;
        }

        State = ResidualCurrentSelfTestState.Running;
        injecting = true;
        phaseStart = clock.GetUtcNow();
        testedDevice.SetResidualCurrentTest(true);
    }

    /// <summary>Advances a running test with the trip input read at this step.</summary>
    /// <param name="tripped">The RCD's trip input.</param>
    /// <returns>The state after this step.</returns>
    public ResidualCurrentSelfTestState Step(bool tripped)
    {
        if (State != ResidualCurrentSelfTestState.Running)
        {
            return State;
        }

        var elapsed = clock.GetUtcNow() - phaseStart;
        if (injecting)
        {
            if (tripped)
            {
                testedDevice.SetResidualCurrentTest(false);
                injecting = false;
                phaseStart = clock.GetUtcNow();
            }
            else if (elapsed >= settings.TripTimeout)
            {
                testedDevice.SetResidualCurrentTest(false);
                Fail($"the residual-current device did not trip within {settings.TripTimeout.TotalMilliseconds} ms of the test current");
            }
        }
        else if (!tripped)
        {
            State = ResidualCurrentSelfTestState.Passed;
            CompletedAt = clock.GetUtcNow();
        }
        else if (elapsed >= settings.ClearTimeout)
        {
            Fail($"the residual-current input stayed tripped {settings.ClearTimeout.TotalMilliseconds} ms after the test current was removed");
        }

        return State;
    }

    /// <summary>Removes the test current if a test is running and marks it failed (e.g. on shutdown).</summary>
    public void Abort()
    {
        if (State != ResidualCurrentSelfTestState.Running)
        {
            return;
        }

        testedDevice.SetResidualCurrentTest(false);
        Fail("the test was aborted");
    }

    private void Fail(string reason)
    {
        injecting = false;
        State = ResidualCurrentSelfTestState.Failed;
        FailureReason = reason;
        CompletedAt = clock.GetUtcNow();
    }
}
