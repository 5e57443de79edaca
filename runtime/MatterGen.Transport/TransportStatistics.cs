using System.Threading;

namespace MatterGen.Transport;

/// <summary>Counts of what the receive path accepted and dropped, for diagnostics and tests.</summary>
public sealed class TransportStatistics
{
    private long received;
    private long malformed;
    private long unknownSession;
    private long authenticationFailures;
    private long duplicates;
    private long refused;

    /// <summary>Messages accepted (authenticated, new) and dispatched.</summary>
    public long Received => Interlocked.Read(ref received);

    /// <summary>Datagrams that are not well-formed messages (also privacy and group messages, which this transport does not take).</summary>
    public long Malformed => Interlocked.Read(ref malformed);

    /// <summary>Secure messages for a session id that does not exist.</summary>
    public long UnknownSession => Interlocked.Read(ref unknownSession);

    /// <summary>Secure messages whose MIC did not verify (nothing of them was used).</summary>
    public long AuthenticationFailures => Interlocked.Read(ref authenticationFailures);

    /// <summary>Messages whose counter was already seen (acknowledged if asked, not processed again).</summary>
    public long Duplicates => Interlocked.Read(ref duplicates);

    /// <summary>Messages dropped for want of room (exchange or session limits).</summary>
    public long Refused => Interlocked.Read(ref refused);

    internal void CountReceived() => Interlocked.Increment(ref received);

    internal void CountMalformed() => Interlocked.Increment(ref malformed);

    internal void CountUnknownSession() => Interlocked.Increment(ref unknownSession);

    internal void CountAuthenticationFailure() => Interlocked.Increment(ref authenticationFailures);

    internal void CountDuplicate() => Interlocked.Increment(ref duplicates);

    internal void CountRefused() => Interlocked.Increment(ref refused);
}
