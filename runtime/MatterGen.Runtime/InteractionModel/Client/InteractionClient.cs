using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.Messaging;
using MatterGen.Tlv;

namespace MatterGen.InteractionModel.Client;

/// <summary>
/// An <see cref="IInteractionTransport"/> that speaks Interaction Model messages to a node over a session, so
/// every generated cluster <c>Client</c> works against a real node: reads (reassembling chunked reports),
/// writes (timed, and chunked list writes), invokes (timed), event reads and subscriptions. Register
/// <see cref="ReportHandler"/> on the session so subscription reports reach their subscriptions.
/// </summary>
public sealed class InteractionClient : IInteractionTransport
{
    private readonly IMessageSession session;

    /// <summary>A client over <paramref name="session"/>.</summary>
    public InteractionClient(IMessageSession session, InteractionClientOptions? options = null)
    {
        this.session = session ?? throw new ArgumentNullException(nameof(session));
        Options = options ?? new InteractionClientOptions();
        ReportHandler = new SubscriptionReportHandler(Options.ResponseTimeout);
    }

    /// <summary>The options.</summary>
    public InteractionClientOptions Options { get; }

    /// <summary>Receives the reports of this client's subscriptions; the session's owner registers it for the Interaction Model protocol.</summary>
    public SubscriptionReportHandler ReportHandler { get; }

    private int Budget => Math.Min(Options.PayloadBudget ?? int.MaxValue, session.MaxPayloadSize);

    /// <inheritdoc/>
    public async ValueTask<AttributeReadResult> ReadAttributeAsync(ushort endpoint, uint clusterId, uint attributeId, CancellationToken cancellationToken = default)
    {
        var request = new ReadRequest([AttributePath.Concrete(endpoint, clusterId, attributeId)], null, null, true, null);
        var (assembled, status) = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (status != MatterStatus.Success)
        {
            return new AttributeReadResult(status, ReadOnlyMemory<byte>.Empty, 0);
        }

        foreach (var report in assembled.Attributes())
        {
            if (report.Data is { } data && data.Path.Attribute == attributeId)
            {
                return new AttributeReadResult(MatterStatus.Success, data.Data, data.DataVersion ?? 0);
            }

            if (report.Status is { } failed)
            {
                return new AttributeReadResult(failed.Status.Status, ReadOnlyMemory<byte>.Empty, 0);
            }
        }

        return new AttributeReadResult(MatterStatus.Failure, ReadOnlyMemory<byte>.Empty, 0);
    }

    /// <summary>Sends a whole ReadRequest and gives back the reassembled report, or the status the node answered with.</summary>
    public async ValueTask<(ReportAssembler Report, MatterStatus Status)> ReadAsync(ReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var exchange = session.CreateExchange();
        await using (exchange.ConfigureAwait(false))
        {
            await SendAsync(exchange, request, cancellationToken).ConfigureAwait(false);
            var assembled = new ReportAssembler();
            var status = await ReceiveReportAsync(exchange, assembled, Options.ResponseTimeout, cancellationToken).ConfigureAwait(false);
            return (assembled, status);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A value that is not exactly one well-formed anonymous TLV element cannot be carried in a WriteRequest; it
    /// gets INVALID_ACTION, what a node answers to a malformed message, and nothing is sent.
    /// </remarks>
    public async ValueTask<MatterStatus> WriteAttributeAsync(ushort endpoint, uint clusterId, uint attributeId, ReadOnlyMemory<byte> value, bool timed, CancellationToken cancellationToken = default)
    {
        if (!TlvValue.IsWellFormed(value.Span))
        {
            return MatterStatus.InvalidAction;
        }

        var exchange = session.CreateExchange();
        await using (exchange.ConfigureAwait(false))
        {
            if (timed && await OpenTimedWindowAsync(exchange, cancellationToken).ConfigureAwait(false) is var opened && opened != MatterStatus.Success)
            {
                return opened;
            }

            var chunks = WriteChunks(AttributePath.Concrete(endpoint, clusterId, attributeId), value, timed);
            var result = MatterStatus.Success;
            foreach (var chunk in chunks)
            {
                await SendAsync(exchange, chunk, cancellationToken).ConfigureAwait(false);
                switch (await ReceiveAsync(exchange, cancellationToken).ConfigureAwait(false))
                {
                    case WriteResponse response:
                        foreach (var status in response.WriteResponses)
                        {
                            if (status.Status.Status != MatterStatus.Success && result == MatterStatus.Success)
                            {
                                result = status.Status.Status;
                            }
                        }

                        break;
                    case StatusResponse status:
                        return status.Status;
                    default:
                        return MatterStatus.InvalidAction;
                }

                if (result != MatterStatus.Success)
                {
                    return result;
                }
            }

            return result;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Fields that are not exactly one well-formed anonymous TLV element cannot be carried in an InvokeRequest;
    /// they get INVALID_ACTION, what a node answers to a malformed message, and nothing is sent.
    /// </remarks>
    public async ValueTask<InvokeResult> InvokeAsync(ushort endpoint, uint clusterId, uint commandId, ReadOnlyMemory<byte> fields, bool timed, CancellationToken cancellationToken = default)
    {
        if (!fields.IsEmpty && !TlvValue.IsWellFormed(fields.Span))
        {
            return InvokeResult.FromStatus(MatterStatus.InvalidAction);
        }

        // No bytes: a command without CommandFields, which the node judges (most commands need them).
        var request = new InvokeRequest(false, timed, [new CommandData(new CommandPath(endpoint, clusterId, commandId), fields.IsEmpty ? (ReadOnlyMemory<byte>?)null : fields)]);
        var responses = await InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        foreach (var item in responses.Items)
        {
            if (item.Command is { } command)
            {
                return new InvokeResult(MatterStatus.Success, command.Path.Command, command.Fields ?? ReadOnlyMemory<byte>.Empty);
            }

            if (item.Status is { } status)
            {
                return InvokeResult.FromStatus(status.Status.Status, status.Status.ClusterStatus);
            }
        }

        return InvokeResult.FromStatus(responses.Status == MatterStatus.Success ? MatterStatus.Failure : responses.Status);
    }

    /// <summary>Sends a whole InvokeRequest (a batch, timed when it says so) and gives back every response item, or the status the node answered with.</summary>
    public async ValueTask<(List<InvokeResponseItem> Items, MatterStatus Status)> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = new List<InvokeResponseItem>();
        var exchange = session.CreateExchange();
        await using (exchange.ConfigureAwait(false))
        {
            if (request.TimedRequest && await OpenTimedWindowAsync(exchange, cancellationToken).ConfigureAwait(false) is var opened && opened != MatterStatus.Success)
            {
                return (items, opened);
            }

            await SendAsync(exchange, request, cancellationToken).ConfigureAwait(false);
            if (request.SuppressResponse)
            {
                return (items, MatterStatus.Success);
            }

            while (true)
            {
                switch (await ReceiveAsync(exchange, cancellationToken).ConfigureAwait(false))
                {
                    case InvokeResponse response:
                        items.AddRange(response.InvokeResponses);
                        if (response.MoreChunkedMessages != true)
                        {
                            return (items, MatterStatus.Success);
                        }

                        await SendAsync(exchange, new StatusResponse(MatterStatus.Success), cancellationToken).ConfigureAwait(false);
                        break;
                    case StatusResponse status:
                        return (items, status.Status);
                    default:
                        return (items, MatterStatus.InvalidAction);
                }
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<EventRecord>> ReadEventsAsync(ushort endpoint, uint clusterId, ulong fromEventNumber, CancellationToken cancellationToken = default)
    {
        var request = new ReadRequest(null, [new EventPath(Endpoint: endpoint, Cluster: clusterId)], [new EventFilter(null, fromEventNumber)], true, null);
        var (assembled, status) = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (status != MatterStatus.Success)
        {
            throw new MatterStatusException(status);
        }

        var events = new List<EventRecord>();
        foreach (var report in assembled.Events)
        {
            if (report.Status is { } failed)
            {
                throw new MatterStatusException(failed.Status.Status);
            }

            events.Add(ToRecord(report.Data!, endpoint, clusterId));
        }

        return events;
    }

    /// <summary>
    /// Reads several attributes, and the events of several paths numbered at least <paramref name="fromEventNumber"/>,
    /// in one ReadRequest (one exchange, however many chunks the node answers in), instead of one request per
    /// attribute as the generated clients' reads make. Paths may be wildcards; each value is found under its concrete
    /// path. The read is fabric-filtered.
    /// </summary>
    /// <param name="attributes">The attribute paths; may be empty.</param>
    /// <param name="events">The event paths; null or empty for none.</param>
    /// <param name="fromEventNumber">The least event number wanted (the request's EventMin).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="MatterStatusException">The node refused the whole read (a status response).</exception>
    public async ValueTask<MultiPathReadResult> ReadPathsAsync(IReadOnlyList<AttributePath> attributes, IReadOnlyList<EventPath>? events = null, ulong fromEventNumber = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var withEvents = events is { Count: > 0 };
        var request = new ReadRequest(
            attributes.Count > 0 ? attributes : null,
            withEvents ? events : null,
            withEvents ? [new EventFilter(null, fromEventNumber)] : null,
            true,
            null);
        var (assembled, status) = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (status != MatterStatus.Success)
        {
            throw new MatterStatusException(status);
        }

        return new MultiPathReadResult(assembled);
    }

    // An event as reported, with the endpoint and cluster the request named where its path leaves them out.
    internal static EventRecord ToRecord(EventData data, ushort endpoint, uint clusterId)
    {
        var timestamp = data.EpochTimestamp is { } epoch ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Min(epoch, 253402300799999UL)) : DateTimeOffset.UnixEpoch;
        return new EventRecord(data.EventNumber, data.Path.Endpoint ?? endpoint, data.Path.Cluster ?? clusterId, data.Path.Event ?? 0, data.Priority, timestamp, data.Data);
    }

    /// <summary>
    /// Subscribes: sends the request, acknowledges the priming report and returns the subscription with its
    /// priming report and the node's chosen max interval; later reports arrive through <see cref="ReportHandler"/>.
    /// </summary>
    /// <exception cref="MatterStatusException">The node refused (RESOURCE_EXHAUSTED, INVALID_ACTION, ...).</exception>
    public async ValueTask<ClientSubscription> SubscribeAsync(SubscribeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var exchange = session.CreateExchange();
        await using (exchange.ConfigureAwait(false))
        {
            await SendAsync(exchange, request, cancellationToken).ConfigureAwait(false);
            var priming = new ReportAssembler();
            while (true)
            {
                switch (await ReceiveAsync(exchange, cancellationToken).ConfigureAwait(false))
                {
                    case ReportData report:
                        priming.Add(report);
                        await SendAsync(exchange, new StatusResponse(MatterStatus.Success), cancellationToken).ConfigureAwait(false);
                        break;
                    case SubscribeResponse response:
                        return ReportHandler.Register(response.SubscriptionId, response.MaxInterval, priming);
                    case StatusResponse status:
                        throw new MatterStatusException(status.Status);
                    default:
                        throw new MatterStatusException(MatterStatus.InvalidAction);
                }
            }
        }
    }

    /// <summary>Receives a (possibly chunked) report, acknowledging every chunk that asks for it.</summary>
    internal static async ValueTask<MatterStatus> ReceiveReportAsync(IMessageExchange exchange, ReportAssembler into, TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = InteractionMessageReader.Decode(await exchange.ReceiveAsync(timeout, cancellationToken).ConfigureAwait(false));
            if (message is StatusResponse status)
            {
                return status.Status;
            }

            if (message is not ReportData report)
            {
                return MatterStatus.InvalidAction;
            }

            into.Add(report);
            if (report.SuppressResponse != true)
            {
                await SendAsync(exchange, new StatusResponse(MatterStatus.Success), cancellationToken).ConfigureAwait(false);
            }

            if (report.MoreChunkedMessages != true)
            {
                return MatterStatus.Success;
            }
        }
    }

    private List<WriteRequest> WriteChunks(AttributePath path, ReadOnlyMemory<byte> value, bool timed)
    {
        var whole = new WriteRequest(null, timed, [new AttributeData(null, path, value)], null) { InteractionModelRevision = InteractionMessage.CurrentRevision };
        if (InteractionMessageWriter.Encode(whole).Length <= Budget || !ListValue.IsNonEmptyList(value.Span))
        {
            return [whole];
        }

        // Replace with an empty list, then append the items, as many per message as fit.
        const int envelope = 16;
        var blocks = new List<AttributeData> { new(null, path, new byte[] { 0x16, 0x18 }) };
        var append = path with { ListIndex = new Optional<ushort?>(null) };
        foreach (var item in ListValue.Items(value))
        {
            blocks.Add(new AttributeData(null, append, item));
        }

        var chunks = new List<WriteRequest>();
        var current = new List<AttributeData>();
        var used = envelope;
        foreach (var block in blocks)
        {
            var size = InteractionMessageWriter.SizeOf(block, InformationBlockWriter.Write);
            if (used + size > Budget && current.Count > 0)
            {
                chunks.Add(new WriteRequest(null, timed, current, true) { InteractionModelRevision = InteractionMessage.CurrentRevision });
                current = [];
                used = envelope;
            }

            current.Add(block);
            used += size;
        }

        chunks.Add(new WriteRequest(null, timed, current, false) { InteractionModelRevision = InteractionMessage.CurrentRevision });
        return chunks;
    }

    private async ValueTask<MatterStatus> OpenTimedWindowAsync(IMessageExchange exchange, CancellationToken cancellationToken)
    {
        await SendAsync(exchange, new TimedRequest(Options.TimedTimeoutMilliseconds), cancellationToken).ConfigureAwait(false);
        return await ReceiveAsync(exchange, cancellationToken).ConfigureAwait(false) is StatusResponse status ? status.Status : MatterStatus.InvalidAction;
    }

    private async ValueTask<InteractionMessage> ReceiveAsync(IMessageExchange exchange, CancellationToken cancellationToken) =>
        InteractionMessageReader.Decode(await exchange.ReceiveAsync(Options.ResponseTimeout, cancellationToken).ConfigureAwait(false));

    private static ValueTask SendAsync(IMessageExchange exchange, InteractionMessage message, CancellationToken cancellationToken) =>
        exchange.SendAsync(InteractionMessageWriter.ToProtocolMessage(message with { InteractionModelRevision = InteractionMessage.CurrentRevision }), true, cancellationToken);
}
