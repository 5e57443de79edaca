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
/// never outlives the window.
/// </summary>
internal sealed class CommissioningWindowManager : IDisposable
{
    private readonly object gate = new();
    private readonly PaseResponder pase;
    private readonly TimeProvider time;
    private CommissioningWindow? window;
    private ITimer? expiry;
    private SecureSession? commissioner;

    public CommissioningWindowManager(PaseResponder pase, TimeProvider time)
    {
        this.pase = pase;
        this.time = time;
    }

    /// <summary>Raised (outside the lock) after an open window closed: on timeout, on request or when replaced.</summary>
    public event Action? WindowClosed;

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

    /// <summary>Opens a window (closing any open one) that closes by itself after <paramref name="timeout"/>.</summary>
    public void Open(CommissioningSecret secret, TimeSpan timeout)
    {
        var opened = secret.OpenWindow();
        opened.SessionEstablished += session => OnEstablished(opened, session);
        SecureSession? ending;
        bool replaced;
        lock (gate)
        {
            replaced = window is not null;
            ending = CloseLocked();
            window = opened;
            pase.Window = opened;
            expiry = time.CreateTimer(_ => Close(opened), null, timeout, Timeout.InfiniteTimeSpan);
        }

        ending?.Dispose();
        if (replaced)
        {
            WindowClosed?.Invoke();
        }
    }

    /// <summary>Closes the window: no PASE attempt is accepted any more, and its PASE session ends.</summary>
    public void Close()
    {
        SecureSession? ending;
        bool closed;
        lock (gate)
        {
            closed = window is not null;
            ending = CloseLocked();
        }

        ending?.Dispose();
        if (closed)
        {
            WindowClosed?.Invoke();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Close();

    private void Close(CommissioningWindow expired)
    {
        SecureSession? ending = null;
        var closed = false;
        lock (gate)
        {
            if (ReferenceEquals(window, expired))
            {
                closed = true;
                ending = CloseLocked();
            }
        }

        ending?.Dispose();
        if (closed)
        {
            WindowClosed?.Invoke();
        }
    }

    /// <summary>Closes the window; returns its PASE session for the caller to close outside the lock.</summary>
    private SecureSession? CloseLocked()
    {
        expiry?.Dispose();
        expiry = null;
        window?.Close();
        window = null;
        pase.Window = null;
        var ending = commissioner;
        commissioner = null;
        return ending;
    }

    private void OnEstablished(CommissioningWindow source, SecureSession session)
    {
        // Operational PASE does not exist: the PASE session of a commissioning window is the commissioner's, which
        // holds the implicit Administer privilege (Core Specification 6.6.2.9). Until the General Commissioning
        // cluster arms a fail-safe, the session's life bounds that privilege.
        session.SetCommissioning(true);
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
