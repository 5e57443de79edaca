using System;
using System.Threading;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Sessions;

namespace MatterGen.Node.Network;

/// <summary>
/// The lifetime of the node's commissioning window: opened with a <see cref="CommissioningSecret"/> for a bounded
/// time, closed on timeout or on request. While a PASE session made through it is alive, no other PASE attempt is
/// accepted (one commissioner at a time); when that session closes before the window does, the window takes
/// attempts again. When the window closes, its PASE session closes too: the commissioner's implicit Administer
/// never outlives the window. It remembers the onboarding secret (the one a basic window uses) and tells
/// <see cref="KindChanged"/> listeners of every change, outside its lock.
/// </summary>
internal sealed class CommissioningWindowManager : ICommissioningWindow, IDisposable
{
    private readonly object gate = new();
    private readonly PaseResponder pase;
    private readonly TimeProvider time;
    private readonly Func<SecureSession, bool> admitCommissioner;
    private CommissioningWindow? window;
    private ITimer? expiry;
    private SecureSession? commissioner;
    private CommissioningWindowKind kind;
    private CommissioningSecret? secret;
    private CommissioningSecret? onboarding;

    /// <param name="pase">The PASE responder whose window this manages.</param>
    /// <param name="time">The clock of the window's timeout.</param>
    /// <param name="admitCommissioner">Called for a new PASE session: arms the node's fail-safe for it; false refuses it.</param>
    public CommissioningWindowManager(PaseResponder pase, TimeProvider time, Func<SecureSession, bool> admitCommissioner)
    {
        this.pase = pase;
        this.time = time;
        this.admitCommissioner = admitCommissioner;
    }

    /// <inheritdoc/>
    public event Action<CommissioningWindowKind>? KindChanged;

    /// <summary>True while the window is open (even when a PASE session holds it).</summary>
    public bool IsOpen
    {
        get
        {
            lock (gate)
            {
                return window is { IsOpen: true };
            }
        }
    }

    /// <inheritdoc/>
    public CommissioningWindowKind Kind
    {
        get
        {
            lock (gate)
            {
                // A window that closed itself (too many failed attempts) reads as closed at once.
                return window is { IsOpen: true } ? kind : CommissioningWindowKind.Closed;
            }
        }
    }

    /// <inheritdoc/>
    public CommissioningSecret? Secret
    {
        get
        {
            lock (gate)
            {
                return window is { IsOpen: true } ? secret : null;
            }
        }
    }

    /// <inheritdoc/>
    public bool CanOpenBasic
    {
        get
        {
            lock (gate)
            {
                return onboarding is not null;
            }
        }
    }

    /// <summary>The secret of the node's own onboarding payload, which a basic window uses.</summary>
    public CommissioningSecret? OnboardingSecret
    {
        get
        {
            lock (gate)
            {
                return onboarding;
            }
        }

        set
        {
            lock (gate)
            {
                onboarding = value;
            }
        }
    }

    /// <inheritdoc/>
    public void OpenBasic(TimeSpan timeout)
    {
        var own = OnboardingSecret ?? throw new InvalidOperationException("The node's onboarding secret is not known, so no basic commissioning window can open.");
        Open(own, timeout, CommissioningWindowKind.Basic);
    }

    /// <inheritdoc/>
    public void OpenEnhanced(CommissioningSecret secret, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Open(secret, timeout, CommissioningWindowKind.Enhanced);
    }

    /// <summary>Opens a window (closing any open one) that closes by itself after <paramref name="timeout"/>.</summary>
    public void Open(CommissioningSecret opening, TimeSpan timeout, CommissioningWindowKind opened)
    {
        ArgumentNullException.ThrowIfNull(opening);
        var created = opening.OpenWindow();
        created.SessionEstablished += session => OnEstablished(created, session);
        // A window that closed itself after 20 failed PASE attempts (the node leaves commissioning mode) closes like any
        // other: listeners (Administrator Commissioning's WindowStatus, the advertiser's goodbye) hear of it at once.
        created.ClosedByFailedAttempts += () => Close(created);
        SecureSession? ending;
        lock (gate)
        {
            ending = CloseLocked();
            window = created;
            kind = opened;
            secret = opening;
            pase.Window = created;
            expiry = time.CreateTimer(_ => Close(created), null, timeout, Timeout.InfiniteTimeSpan);
        }

        ending?.Dispose();
        KindChanged?.Invoke(opened);
    }

    /// <summary>Closes the window: no PASE attempt is accepted any more, and its PASE session ends.</summary>
    public void Close()
    {
        SecureSession? ending;
        bool wasOpen;
        lock (gate)
        {
            wasOpen = window is not null;
            ending = CloseLocked();
        }

        ending?.Dispose();
        if (wasOpen)
        {
            KindChanged?.Invoke(CommissioningWindowKind.Closed);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Close();

    // Closes the window when it is still the current one (its timeout ran out, or it closed itself).
    private void Close(CommissioningWindow expired)
    {
        SecureSession? ending = null;
        var closed = false;
        lock (gate)
        {
            if (ReferenceEquals(window, expired))
            {
                ending = CloseLocked();
                closed = true;
            }
        }

        ending?.Dispose();
        if (closed)
        {
            KindChanged?.Invoke(CommissioningWindowKind.Closed);
        }
    }

    /// <summary>Closes the window; returns its PASE session for the caller to close outside the lock.</summary>
    private SecureSession? CloseLocked()
    {
        expiry?.Dispose();
        expiry = null;
        window?.Close();
        window = null;
        kind = CommissioningWindowKind.Closed;
        secret = null;
        pase.Window = null;
        var ending = commissioner;
        commissioner = null;
        return ending;
    }

    private void OnEstablished(CommissioningWindow source, SecureSession session)
    {
        // Operational PASE does not exist: the PASE session of a commissioning window is the commissioner's. The node
        // arms its fail-safe for it, and the session holds the implicit Administer privilege while the fail-safe lasts
        // (Core Specification 6.6.2.9); a node whose fail-safe is busy with another administrator refuses it.
        session.SetCommissioning(false);
        if (!admitCommissioner(session))
        {
            session.Dispose();
            return;
        }

        bool current;
        lock (gate)
        {
            current = ReferenceEquals(window, source);
            if (current)
            {
                pase.Window = null;
                commissioner = session;
            }
        }

        if (!current)
        {
            // The window closed (or was replaced) while this handshake finished: its session goes with it.
            session.Dispose();
            return;
        }

        session.Closed.Register(() =>
        {
            lock (gate)
            {
                if (ReferenceEquals(commissioner, session))
                {
                    commissioner = null;
                }

                if (ReferenceEquals(window, source) && source.IsOpen)
                {
                    pase.Window = source;
                }
            }
        });
    }
}
