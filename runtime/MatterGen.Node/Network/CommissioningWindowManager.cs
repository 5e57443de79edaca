using System;
using System.Threading;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Sessions;

namespace MatterGen.Node.Network;

/// <summary>
/// The lifetime of the node's commissioning window: opened with a <see cref="CommissioningSecret"/> for a bounded
/// time, closed on timeout or on request. While a PASE session made through it is alive, no other PASE attempt is
/// accepted (one commissioner at a time); when that session closes before the window does, the window takes
/// attempts again.
/// </summary>
internal sealed class CommissioningWindowManager : IDisposable
{
    private readonly object gate = new();
    private readonly PaseResponder pase;
    private readonly TimeProvider time;
    private CommissioningWindow? window;
    private ITimer? expiry;

    public CommissioningWindowManager(PaseResponder pase, TimeProvider time)
    {
        this.pase = pase;
        this.time = time;
    }

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
        lock (gate)
        {
            CloseLocked();
            window = opened;
            pase.Window = opened;
            expiry = time.CreateTimer(_ => Close(opened), null, timeout, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Closes the window: no PASE attempt is accepted any more. Established sessions are left alone.</summary>
    public void Close()
    {
        lock (gate)
        {
            CloseLocked();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Close();

    private void Close(CommissioningWindow expired)
    {
        lock (gate)
        {
            if (ReferenceEquals(window, expired))
            {
                CloseLocked();
            }
        }
    }

    private void CloseLocked()
    {
        expiry?.Dispose();
        expiry = null;
        window?.Close();
        window = null;
        pase.Window = null;
    }

    private void OnEstablished(CommissioningWindow source, SecureSession session)
    {
        // Operational PASE does not exist: the PASE session of a commissioning window is the commissioner's, which
        // holds the implicit Administer privilege (Core Specification 6.6.2.9). Until the General Commissioning
        // cluster arms a fail-safe, the session's life bounds that privilege.
        session.SetCommissioning(true);
        lock (gate)
        {
            if (ReferenceEquals(window, source))
            {
                pase.Window = null;
            }
        }

        session.Closed.Register(() =>
        {
            lock (gate)
            {
                if (ReferenceEquals(window, source) && source.IsOpen)
                {
                    pase.Window = source;
                }
            }
        });
    }
}
