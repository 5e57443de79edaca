using System;

namespace MatterGen.Evse.Hardware.Control;

/// <summary>
/// Compares the contactor command with its feedback: contacts still closed after an open command are a weld
/// (<see cref="FaultKind.ContactWetFailure"/>), contacts still open after a close command a
/// <see cref="FaultKind.ContactDryFailure"/>. A mismatch must last the settle time (OpenEVSE uses 1 s). Not thread-safe.
/// </summary>
public sealed class ContactorSupervisor
{
    private readonly TimeProvider clock;
    private readonly TimeSpan settle;
    private DateTimeOffset? mismatchSince;
    private bool lastCommand;

    /// <summary>Creates the supervisor.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="settleTime">How long a mismatch may last (contact bounce, coil delay).</param>
    public ContactorSupervisor(TimeProvider time, TimeSpan settleTime)
    {
        clock = time ?? throw new ArgumentNullException(nameof(time));
        if (settleTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(settleTime), settleTime, "Settle time must not be negative.");
        }

        settle = settleTime;
    }

    /// <summary>Checks one observation.</summary>
    /// <param name="commandedClosed">What the coil is commanded to.</param>
    /// <param name="feedback">What the contacts report.</param>
    /// <returns>The fault once a mismatch has lasted the settle time, else null.</returns>
    public FaultKind? Check(bool commandedClosed, ContactorFeedback feedback)
    {
        if (commandedClosed != lastCommand)
        {
            // A new command restarts the settle time: the contacts need time to follow it.
            lastCommand = commandedClosed;
            mismatchSince = null;
        }

        var mismatch = feedback != ContactorFeedback.Unknown && (feedback == ContactorFeedback.Closed) != commandedClosed;
        if (!mismatch)
        {
            mismatchSince = null;
            return null;
        }

        var now = clock.GetUtcNow();
        mismatchSince ??= now;
        if (now - mismatchSince.Value < settle)
        {
            return null;
        }

        return commandedClosed ? FaultKind.ContactDryFailure : FaultKind.ContactWetFailure;
    }
}
