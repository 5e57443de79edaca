using System;
using System.Threading;

namespace MatterGen.Timing;

/// <summary>
/// One timer for a deadline on an injected <see cref="TimeProvider"/>, safe against a hostile deadline and a
/// failing callback. A timer's due time has a limit (<see cref="MaximumDueTime"/>, about 49.7 days); a deadline
/// beyond it is armed at the limit and re-armed on waking until the real deadline is reached, so any deadline
/// a peer can name (an epoch-s value up to 2136) is accepted. The callback runs on the timer's thread inside a
/// catch-all: an exception goes to the failure handler instead of ending the process.
/// </summary>
public sealed class DeadlineTimer : IDisposable
{
    /// <summary>The longest due time a <see cref="TimeProvider"/> timer takes (0xFFFFFFFE ms).</summary>
    public static readonly TimeSpan MaximumDueTime = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    private readonly object gate = new();
    private readonly TimeProvider time;
    private readonly Action callback;
    private readonly Action<Exception> onFailure;
    private readonly ITimer timer;
    private DateTimeOffset? deadline;
    private bool disposed;

    /// <summary>Creates a disarmed timer (the one <see cref="ITimer"/> it re-arms is made here).</summary>
    /// <param name="time">The clock and timer source.</param>
    /// <param name="callback">What runs when the deadline is reached (on a timer thread).</param>
    /// <param name="onFailure">Told about an exception from <paramref name="callback"/> or from re-arming; its own exceptions are swallowed.</param>
    public DeadlineTimer(TimeProvider time, Action callback, Action<Exception> onFailure)
    {
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.callback = callback ?? throw new ArgumentNullException(nameof(callback));
        this.onFailure = onFailure ?? throw new ArgumentNullException(nameof(onFailure));
        timer = time.CreateTimer(static state => ((DeadlineTimer)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The deadline armed, or null when disarmed.</summary>
    public DateTimeOffset? Deadline
    {
        get
        {
            lock (gate)
            {
                return deadline;
            }
        }
    }

    /// <summary>Arms the timer for <paramref name="when"/> (a past time fires at once), replacing any earlier deadline.</summary>
    /// <exception cref="ObjectDisposedException">The timer is disposed.</exception>
    public void At(DateTimeOffset when)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            // Set before arming: a clock may run a due callback inside Change, and it must see this deadline.
            var previous = deadline;
            deadline = when;
            try
            {
                Arm(when);
            }
            catch
            {
                deadline = previous;
                throw;
            }
        }
    }

    /// <summary>Arms the timer <paramref name="delay"/> from now (negative: at once); a delay past the calendar's end waits for ever in steps.</summary>
    public void After(TimeSpan delay)
    {
        var now = time.GetUtcNow();
        var room = DateTimeOffset.MaxValue - now;
        At(delay >= room ? DateTimeOffset.MaxValue : now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay));
    }

    /// <summary>Disarms the timer.</summary>
    public void Cancel()
    {
        lock (gate)
        {
            deadline = null;
            if (!disposed)
            {
                timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            deadline = null;
            timer.Dispose();
        }
    }

    private void Arm(DateTimeOffset when)
    {
        var wait = when - time.GetUtcNow();
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaximumDueTime ? MaximumDueTime : wait;
        timer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    private void Fire()
    {
        try
        {
            lock (gate)
            {
                if (disposed || deadline is not { } due)
                {
                    return;
                }

                if (time.GetUtcNow() < due)
                {
                    // Woken at the due-time limit (or early): wait on for the rest.
                    Arm(due);
                    return;
                }

                deadline = null;
            }

            callback();
        }
        catch (Exception exception)
        {
            Report(exception);
        }
    }

    private void Report(Exception exception)
    {
        try
        {
            onFailure(exception);
        }
        catch (Exception)
        {
            // The failure handler failed too; a timer thread has nobody else to tell, and must not end the process.
        }
    }
}
