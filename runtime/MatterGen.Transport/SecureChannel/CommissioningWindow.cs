using System;
using MatterGen.Transport.Crypto;

namespace MatterGen.Transport.SecureChannel;

/// <summary>
/// The PASE side of a commissioning window (Core Specification 5.4.2.6 and 4.14.1): the verifier, salt and
/// iterations, one handshake at a time (others get BUSY), and the count of failed attempts: after
/// <see cref="MaxFailedAttempts"/> the window closes.
/// </summary>
public sealed class CommissioningWindow
{
    /// <summary>Failed PASE attempts after which the window closes (the spec's limit is 20).</summary>
    public const int MaxFailedAttempts = 20;

    private readonly object gate = new();
    private bool busy;

    /// <summary>Opens a window.</summary>
    /// <exception cref="ArgumentException">A salt or iteration count outside the spec's range.</exception>
    public CommissioningWindow(PaseVerifier verifier, byte[] salt, uint iterations)
    {
        Verifier = verifier ?? throw new ArgumentNullException(nameof(verifier));
        if (salt is null || salt.Length < 16 || salt.Length > 32)
        {
            throw new ArgumentException("The PBKDF salt has 16 to 32 bytes.", nameof(salt));
        }

        if (iterations < PbkdfParameters.MinimumIterations || iterations > PbkdfParameters.MaximumIterations)
        {
            throw new ArgumentException("PBKDF iterations are 1000 to 100000.", nameof(iterations));
        }

        Salt = salt;
        Iterations = iterations;
        IsOpen = true;
    }

    /// <summary>The verifier (w0, L).</summary>
    public PaseVerifier Verifier { get; }

    /// <summary>The PBKDF salt.</summary>
    public byte[] Salt { get; }

    /// <summary>The PBKDF iterations.</summary>
    public uint Iterations { get; }

    /// <summary>True while PASE attempts are accepted.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>Failed attempts so far.</summary>
    public int FailedAttempts { get; private set; }

    /// <summary>Raised (outside any lock) after a PASE session was established with this window.</summary>
    public event Action<Sessions.SecureSession>? SessionEstablished;

    /// <summary>
    /// Raised once (outside any lock) when the window closed itself after <see cref="MaxFailedAttempts"/> failed
    /// attempts, so that whoever opened it can show it closed and stop advertising it, as for any other close.
    /// </summary>
    public event Action? ClosedByFailedAttempts;

    /// <summary>Closes the window: no further attempt is accepted.</summary>
    public void Close()
    {
        lock (gate)
        {
            IsOpen = false;
        }
    }

    /// <summary>Starts an attempt; false when the window is closed or another attempt is in progress.</summary>
    internal bool TryBegin()
    {
        lock (gate)
        {
            if (!IsOpen || busy)
            {
                return false;
            }

            busy = true;
            return true;
        }
    }

    /// <summary>Ends an attempt, counting a failure (wrong passcode) when <paramref name="failed"/>.</summary>
    internal void End(bool failed)
    {
        var closedNow = false;
        lock (gate)
        {
            busy = false;
            if (failed && ++FailedAttempts >= MaxFailedAttempts && IsOpen)
            {
                IsOpen = false;
                closedNow = true;
            }
        }

        if (closedNow)
        {
            ClosedByFailedAttempts?.Invoke();
        }
    }

    internal void OnEstablished(Sessions.SecureSession session) => SessionEstablished?.Invoke(session);
}
