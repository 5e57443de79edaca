using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.Messaging;

namespace MatterGen.InteractionModel.Client;

/// <summary>
/// The subscriber's side of subscription reports: the node starts an exchange per report; the chunks are
/// acknowledged and the reassembled report handed to its <see cref="ClientSubscription"/>. A report for an
/// unknown subscription is answered INVALID_SUBSCRIPTION, which ends it at the node.
/// </summary>
public sealed class SubscriptionReportHandler : IProtocolHandler
{
    private readonly ConcurrentDictionary<uint, ClientSubscription> subscriptions = new();
    private readonly TimeSpan timeout;

    internal SubscriptionReportHandler(TimeSpan timeout)
    {
        this.timeout = timeout;
    }

    /// <inheritdoc/>
    public ProtocolId Protocol => ProtocolId.InteractionModel;

    /// <summary>Forgets a subscription: its next report is refused, which ends it at the node.</summary>
    public void Cancel(uint subscriptionId) => subscriptions.TryRemove(subscriptionId, out _);

    /// <inheritdoc/>
    public async ValueTask HandleExchangeAsync(IMessageExchange exchange, ProtocolMessage first, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        try
        {
            if (InteractionMessageReader.Decode(first) is not ReportData { SubscriptionId: { } id } report || !subscriptions.TryGetValue(id, out var subscription))
            {
                await Reply(exchange, MatterStatus.InvalidSubscription, cancellationToken).ConfigureAwait(false);
                return;
            }

            var assembled = new ReportAssembler();
            assembled.Add(report);
            await Reply(exchange, MatterStatus.Success, cancellationToken).ConfigureAwait(false);
            if (report.MoreChunkedMessages == true
                && await InteractionClient.ReceiveReportAsync(exchange, assembled, timeout, cancellationToken).ConfigureAwait(false) != MatterStatus.Success)
            {
                return;
            }

            subscription.Deliver(assembled);
        }
        catch (InvalidInteractionMessageException exception)
        {
            await Reply(exchange, exception.Status, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // The node went silent, or the session closed.
        }
    }

    internal ClientSubscription Register(uint id, ushort maxInterval, ReportAssembler priming)
    {
        var subscription = new ClientSubscription(id, maxInterval, priming);
        subscriptions[id] = subscription;
        return subscription;
    }

    private static ValueTask Reply(IMessageExchange exchange, MatterStatus status, CancellationToken cancellationToken) =>
        exchange.SendAsync(InteractionMessageWriter.ToProtocolMessage(new StatusResponse(status) { InteractionModelRevision = InteractionMessage.CurrentRevision }), false, cancellationToken);
}
