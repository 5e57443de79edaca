using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.Messaging;

namespace MatterGen.Benchmarks.InteractionModel;

/// <summary>
/// The node's side of an exchange with no transport under it: keeps what the engine sends and answers every
/// report chunk with SUCCESS at once, so a benchmark measures the Interaction Model alone.
/// </summary>
internal sealed class BenchExchange : IMessageExchange, IMessageSession
{
    private static readonly ProtocolMessage Success = InteractionMessageWriter.ToProtocolMessage(new StatusResponse(MatterStatus.Success));

    public int Sent { get; private set; }

    public int Bytes { get; private set; }

    public ProtocolMessage Last { get; private set; }

    public IMessageSession Session => this;

    public SubjectDescriptor Subject => new(SessionAuthMode.Case, 0x1122, 1);

    public int MaxPayloadSize => 1200;

    public CancellationToken Closed => CancellationToken.None;

    public IMessageExchange CreateExchange() => this;

    public ValueTask SendAsync(ProtocolMessage message, bool expectResponse = true, CancellationToken cancellationToken = default)
    {
        Sent++;
        Bytes += message.Payload.Length;
        Last = message;
        return ValueTask.CompletedTask;
    }

    /// <summary>What the next receive returns once (the request after a TimedRequest); SUCCESS after it.</summary>
    public ProtocolMessage? FollowUp { get; set; }

    public ValueTask<ProtocolMessage> ReceiveAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var next = FollowUp ?? Success;
        FollowUp = null;
        return ValueTask.FromResult(next);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Reset()
    {
        Sent = 0;
        Bytes = 0;
    }
}
