using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Subscriptions;
using MatterGen.Messaging;

namespace MatterGen.InteractionModel.Server;

/// <summary>
/// The Interaction Model on a node (Core Specification chapter 8): serves the exchanges peers start with
/// ReadRequest, SubscribeRequest, WriteRequest, InvokeRequest or TimedRequest over an <see cref="IDataModel"/>.
/// A malformed or unexpected message gets a StatusResponse (INVALID_ACTION) and ends the exchange; nothing a
/// peer sends makes it throw.
/// </summary>
public sealed class InteractionServer : IProtocolHandler, IAsyncDisposable
{
    /// <summary>How late after its TimedRequest's timeout an action may still arrive to be answered TIMEOUT.</summary>
    private static readonly TimeSpan TimedGrace = TimeSpan.FromSeconds(5);

    private readonly IDataModel model;

    /// <summary>Serves <paramref name="model"/>.</summary>
    public InteractionServer(IDataModel model, InteractionServerOptions? options = null)
    {
        this.model = model ?? throw new ArgumentNullException(nameof(model));
        Options = options ?? new InteractionServerOptions();
        Subscriptions = new SubscriptionManager(model, Options);
    }

    /// <summary>The options.</summary>
    public InteractionServerOptions Options { get; }

    /// <summary>The node's subscriptions.</summary>
    public SubscriptionManager Subscriptions { get; }

    /// <inheritdoc/>
    public ProtocolId Protocol => ProtocolId.InteractionModel;

    /// <inheritdoc/>
    public async ValueTask HandleExchangeAsync(IMessageExchange exchange, ProtocolMessage first, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        try
        {
            await HandleAsync(exchange, InteractionMessageReader.Decode(first), timed: false, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidInteractionMessageException exception)
        {
            await TrySendStatusAsync(exchange, exception.Status, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The peer went silent mid-interaction: the exchange ends.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || exchange.Session.Closed.IsCancellationRequested)
        {
            // The session closed.
        }
    }

    /// <summary>Ends every subscription.</summary>
    public ValueTask DisposeAsync() => Subscriptions.DisposeAsync();

    private async ValueTask HandleAsync(IMessageExchange exchange, InteractionMessage request, bool timed, CancellationToken cancellationToken)
    {
        var access = new AccessScope(model.AccessControl, exchange.Session.Subject, Options.Time, exchange.Session);
        switch (request)
        {
            case ReadRequest read:
                await ReadAsync(exchange, read, access, cancellationToken).ConfigureAwait(false);
                break;
            case SubscribeRequest subscribe:
                await Subscriptions.SubscribeAsync(exchange, subscribe, cancellationToken).ConfigureAwait(false);
                break;
            case WriteRequest write when write.TimedRequest != timed:
            case InvokeRequest invoke when invoke.TimedRequest != timed:
                await TrySendStatusAsync(exchange, MatterStatus.TimedRequestMismatch, cancellationToken).ConfigureAwait(false);
                break;
            case WriteRequest write:
                await WriteAsync(exchange, write, access, timed, cancellationToken).ConfigureAwait(false);
                break;
            case InvokeRequest invoke:
                await InvokeAsync(exchange, invoke, access, timed, cancellationToken).ConfigureAwait(false);
                break;
            case TimedRequest timedRequest when !timed:
                await TimedAsync(exchange, timedRequest, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidInteractionMessageException($"{request.Opcode} does not start an interaction here.");
        }
    }

    private int Budget(IMessageExchange exchange) => Math.Min(Options.PayloadBudget ?? int.MaxValue, exchange.Session.MaxPayloadSize);

    private async ValueTask ReadAsync(IMessageExchange exchange, ReadRequest read, AccessScope access, CancellationToken cancellationToken)
    {
        if (read.AttributeRequests is not { Count: > 0 } && read.EventRequests is not { Count: > 0 })
        {
            throw new InvalidInteractionMessageException("A ReadRequest must ask for attributes or events.");
        }

        foreach (var path in read.AttributeRequests ?? [])
        {
            Paths.AttributePathExpander.Validate(path);
        }

        var builder = new ReportBuilder(model, access);
        var attributes = builder.ReadAttributes(read.AttributeRequests, read.DataVersionFilters, read.IsFabricFiltered);
        var events = builder.ReadEvents(read.EventRequests, EventMin(read.EventFilters));
        var chunks = ReportChunker.Chunk(attributes, events, subscriptionId: null, Budget(exchange), suppressResponse: true);
        await ReportSender.SendAsync(exchange, chunks, Options.ResponseTimeout, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask WriteAsync(IMessageExchange exchange, WriteRequest write, AccessScope access, bool timed, CancellationToken cancellationToken)
    {
        var handler = new WriteHandler(model, access);
        while (true)
        {
            var statuses = handler.Apply(write, timed);
            var more = write.MoreChunkedMessages == true;
            if (write.SuppressResponse == true && !more)
            {
                return;
            }

            await SendAsync(exchange, new WriteResponse(statuses), expectResponse: more, cancellationToken).ConfigureAwait(false);
            if (!more)
            {
                return;
            }

            // The next chunk of the same write comes on this exchange.
            var next = InteractionMessageReader.Decode(await exchange.ReceiveAsync(Options.ResponseTimeout, cancellationToken).ConfigureAwait(false));
            if (next is not WriteRequest following || following.TimedRequest != timed)
            {
                throw new InvalidInteractionMessageException("A chunked write continues with WriteRequests only.");
            }

            write = following;
        }
    }

    private async ValueTask InvokeAsync(IMessageExchange exchange, InvokeRequest invoke, AccessScope access, bool timed, CancellationToken cancellationToken)
    {
        var handler = new InvokeHandler(model, access, Options.MaxPathsPerInvoke);
        handler.Validate(invoke);
        var responses = await handler.InvokeAsync(invoke, timed, cancellationToken).ConfigureAwait(false);
        if (invoke.SuppressResponse)
        {
            return;
        }

        var chunks = ChunkInvokeResponses(responses, Budget(exchange));
        for (var i = 0; i < chunks.Count; i++)
        {
            var last = i == chunks.Count - 1;
            await SendAsync(exchange, chunks[i], expectResponse: !last, cancellationToken).ConfigureAwait(false);
            if (!last && !await ReportSender.ExpectSuccessAsync(exchange, Options.ResponseTimeout, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async ValueTask TimedAsync(IMessageExchange exchange, TimedRequest timedRequest, CancellationToken cancellationToken)
    {
        var started = Options.Time.GetTimestamp();
        var timeout = TimeSpan.FromMilliseconds(timedRequest.Timeout);
        await SendAsync(exchange, new StatusResponse(MatterStatus.Success), expectResponse: true, cancellationToken).ConfigureAwait(false);

        var action = InteractionMessageReader.Decode(await exchange.ReceiveAsync(timeout + TimedGrace, cancellationToken).ConfigureAwait(false));
        if (action is not (WriteRequest or InvokeRequest))
        {
            throw new InvalidInteractionMessageException("A TimedRequest is followed by a WriteRequest or an InvokeRequest.");
        }

        if (Options.Time.GetElapsedTime(started) > timeout)
        {
            await TrySendStatusAsync(exchange, MatterStatus.Timeout, cancellationToken).ConfigureAwait(false);
            return;
        }

        await HandleAsync(exchange, action, timed: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Invoke responses packed into messages that fit the budget, every one but the last marked MoreChunkedMessages.</summary>
    private static List<InvokeResponse> ChunkInvokeResponses(List<InvokeResponseItem> responses, int budget)
    {
        const int envelope = 12; // structure, SuppressResponse, the array, MoreChunkedMessages, revision
        var chunks = new List<InvokeResponse>();
        var current = new List<InvokeResponseItem>();
        var used = envelope;
        foreach (var item in responses)
        {
            var size = InteractionMessageWriter.SizeOf(item, InformationBlockWriter.Write);
            var fitting = envelope + size <= budget ? item : TooLarge(item);
            if (used + size > budget && current.Count > 0)
            {
                chunks.Add(new InvokeResponse(false, current, true) { InteractionModelRevision = InteractionMessage.CurrentRevision });
                current = [];
                used = envelope;
            }

            current.Add(fitting);
            used += size;
        }

        chunks.Add(new InvokeResponse(false, current, null) { InteractionModelRevision = InteractionMessage.CurrentRevision });
        return chunks;
    }

    private static InvokeResponseItem TooLarge(InvokeResponseItem item) => item.Command is { } command
        ? new InvokeResponseItem(null, new CommandStatus(command.Path, new StatusIB(MatterStatus.ResourceExhausted), command.CommandRef))
        : item;

    private static ulong EventMin(IReadOnlyList<EventFilter>? filters)
    {
        ulong min = 0;
        foreach (var filter in filters ?? [])
        {
            min = Math.Max(min, filter.EventMin);
        }

        return min;
    }

    private static ValueTask SendAsync(IMessageExchange exchange, InteractionMessage message, bool expectResponse, CancellationToken cancellationToken) =>
        exchange.SendAsync(InteractionMessageWriter.ToProtocolMessage(message with { InteractionModelRevision = InteractionMessage.CurrentRevision }), expectResponse, cancellationToken);

    private static async ValueTask TrySendStatusAsync(IMessageExchange exchange, MatterStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(exchange, new StatusResponse(status), expectResponse: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // The peer is gone; there is nobody to tell.
        }
    }

    /// <summary>The smallest event number a request wants: the largest EventMin of its filters.</summary>
    internal static ulong EventMinOf(IReadOnlyList<EventFilter>? filters) => EventMin(filters);
}
