using System;

namespace MatterGen.Transport.SecureChannel;

/// <summary>A PASE or CASE handshake failed: the peer's StatusReport, a bad message, or a failed check.</summary>
public sealed class SessionEstablishmentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SessionEstablishmentException(string message, StatusReport? report = null, Exception? inner = null, bool reportFromPeer = false)
        : base(report is null ? message : $"{message} ({report})", inner)
    {
        Report = report;
        ReportFromPeer = reportFromPeer;
    }

    /// <summary>True when <see cref="Report"/> is what the peer sent (so it must not be answered), false when it is ours to send.</summary>
    public bool ReportFromPeer { get; }

    /// <summary>The StatusReport the peer sent or that was sent to it, when there was one.</summary>
    public StatusReport? Report { get; }
}
