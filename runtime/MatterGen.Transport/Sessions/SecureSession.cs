using System;
using System.Collections.Immutable;
using System.Net;
using System.Threading;
using MatterGen.Messaging;
using MatterGen.Transport.Crypto;
using MatterGen.Transport.SecureChannel;

namespace MatterGen.Transport.Sessions;

/// <summary>
/// A PASE or CASE session (Core Specification 4.13.2): the two session ids, the AES-CCM keys of each direction,
/// the message counter, and who the peer is. It is the <see cref="IMessageSession"/> the Interaction Model runs on.
/// </summary>
public sealed class SecureSession : Session, IMessageSession, IDisposable
{
    private readonly SecureTransport transport;
    private readonly CancellationTokenSource closed = new();
    private int counter = (int)InitialCounter();
    private SubjectDescriptor subject;

    internal SecureSession(
        SecureTransport transport,
        ushort localSessionId,
        ushort peerSessionId,
        EndPoint peerAddress,
        SessionParameters? peerParameters,
        SessionKeys keys,
        bool isInitiator,
        SubjectDescriptor subject,
        ulong localNodeId,
        ulong peerNodeId)
        : base(peerAddress, peerParameters, countersMayRollOver: false)
    {
        this.transport = transport;
        LocalSessionId = localSessionId;
        PeerSessionIdValue = peerSessionId;
        IsInitiator = isInitiator;
        this.subject = subject;
        LocalNodeId = localNodeId;
        PeerNodeId = peerNodeId;
        AttestationChallenge = keys.AttestationChallenge;
        Encryptor = new MessageCipher(isInitiator ? keys.InitiatorToResponder : keys.ResponderToInitiator);
        Decryptor = new MessageCipher(isInitiator ? keys.ResponderToInitiator : keys.InitiatorToResponder);
    }

    /// <summary>The id peers put in messages to us on this session.</summary>
    public ushort LocalSessionId { get; }

    /// <inheritdoc/>
    public override ushort PeerSessionId => PeerSessionIdValue;

    /// <inheritdoc/>
    public override bool IsSecure => true;

    /// <summary>True when this side ran the handshake as initiator.</summary>
    public bool IsInitiator { get; }

    /// <summary>Our operational node id (0 on PASE): the nonce's node id of the messages we send.</summary>
    public ulong LocalNodeId { get; }

    /// <summary>The peer's operational node id (0 on PASE): the nonce's node id of the messages it sends.</summary>
    public ulong PeerNodeId { get; }

    /// <summary>The attestation challenge derived with the session keys.</summary>
    public ReadOnlyMemory<byte> AttestationChallenge { get; }

    /// <summary>How the peer authenticated: PASE or CASE.</summary>
    public SessionAuthMode AuthMode => subject.AuthMode;

    /// <inheritdoc/>
    public SubjectDescriptor Subject => subject;

    /// <inheritdoc/>
    public int MaxPayloadSize => transport.MaxPayloadSize;

    /// <inheritdoc/>
    public CancellationToken Closed => closed.Token;

    /// <summary>True once the session was closed.</summary>
    public bool IsClosed => closed.IsCancellationRequested;

    internal ushort PeerSessionIdValue { get; }

    /// <summary>Set by <see cref="CloseWhenIdle"/> while exchanges are still open; the last one to end closes the session.</summary>
    internal bool CloseRequested { get; set; }

    internal MessageCipher Encryptor { get; }

    internal MessageCipher Decryptor { get; }

    /// <inheritdoc/>
    public IMessageExchange CreateExchange() => transport.CreateExchange(this);

    /// <summary>
    /// Binds a PASE session to the fabric AddNOC just added (Core Specification 11.18.6.8): from then on its
    /// subject carries that fabric index.
    /// </summary>
    public void AssignFabric(byte fabricIndex) => subject = subject with { FabricIndex = fabricIndex };

    /// <summary>Sets whether the PASE session has the implicit commissioning privilege (armed fail-safe).</summary>
    public void SetCommissioning(bool commissioning) => subject = subject with { IsCommissioning = commissioning };

    /// <summary>Closes the session locally (no message sent); <see cref="SecureTransport.CloseSessionAsync"/> also tells the peer.</summary>
    public void Dispose() => transport.RemoveSession(this);

    /// <summary>
    /// Closes the session locally once its open exchanges have ended, so that the answer to the request that ends
    /// it (RemoveFabric of its own fabric, CommissioningComplete) still goes out and is acknowledged.
    /// </summary>
    public void CloseWhenIdle() => transport.CloseWhenIdle(this);

    internal override uint NextCounter() => (uint)Interlocked.Increment(ref counter);

    internal void MarkClosed()
    {
        if (!closed.IsCancellationRequested)
        {
            closed.Cancel();
        }

        Encryptor.Dispose();
        Decryptor.Dispose();
    }

    /// <summary>The subject of a new PASE session (passcode id 0, no fabric yet, commissioning).</summary>
    internal static SubjectDescriptor PaseSubject => new(SessionAuthMode.Pase, 0, 0, ImmutableArray<uint>.Empty, IsCommissioning: true);
}
