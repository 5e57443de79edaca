using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Paths;
using MatterGen.InteractionModel.Server;
using MatterGen.Messaging;

namespace MatterGen.InteractionModel.Subscriptions;

/// <summary>
/// The node's subscriptions (Core Specification 8.5): accepts a SubscribeRequest (interval negotiation, the
/// per-fabric limit, keepSubscriptions), sends the priming report and the SubscribeResponse, then keeps each
/// subscription running until its subscriber stops answering or it is replaced.
/// </summary>
public sealed class SubscriptionManager : IAsyncDisposable
{
    /// <summary>The longest max interval a publisher may choose unless the subscriber's ceiling is longer (60 minutes).</summary>
    public const ushort PublisherMaxIntervalLimit = 3600;

    private readonly IDataModel model;
    private readonly InteractionServerOptions options;
    private readonly ConcurrentDictionary<uint, Subscription> active = new();

    // Subscriptions being primed: their ids and fabrics. A slot is taken here, under the gate, before priming
    // starts, so concurrent SubscribeRequests cannot all pass the per-fabric limit (check and take are one step).
    private readonly Dictionary<uint, byte> reserved = [];
    private readonly Lock gate = new();

    internal SubscriptionManager(IDataModel model, InteractionServerOptions options)
    {
        this.model = model;
        this.options = options;
    }

    /// <summary>The number of live subscriptions.</summary>
    public int Count => active.Count;

    /// <summary>The live subscriptions' ids and chosen max intervals.</summary>
    public (uint Id, ushort MaxInterval)[] Snapshot() => active.Values.Select(s => (s.Id, s.MaxInterval)).ToArray();

    /// <summary>The max interval the node chooses for a subscriber's ceiling.</summary>
    public static ushort ChooseMaxInterval(ushort ceiling, ushort preferred) =>
        Math.Clamp(Math.Max(preferred, ceiling), ceiling, Math.Max(PublisherMaxIntervalLimit, ceiling));

    /// <summary>Ends every subscription.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in active.Values)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }

        active.Clear();
    }

    internal async ValueTask SubscribeAsync(IMessageExchange exchange, SubscribeRequest request, CancellationToken cancellationToken)
    {
        if (request.MinIntervalFloor > request.MaxIntervalCeiling
            || request.AttributeRequests is not { Count: > 0 } && request.EventRequests is not { Count: > 0 })
        {
            throw new InvalidInteractionMessageException("A SubscribeRequest needs paths and a floor no higher than its ceiling.");
        }

        foreach (var path in request.AttributeRequests ?? [])
        {
            AttributePathExpander.Validate(path);
        }

        var subject = exchange.Session.Subject;
        if (!request.KeepSubscriptions)
        {
            foreach (var old in active.Values.Where(s => s.Subject.FabricIndex == subject.FabricIndex && s.Subject.Subject == subject.Subject))
            {
                await EndAsync(old).ConfigureAwait(false);
            }
        }

        if (!TryReserve(subject.FabricIndex, out var id))
        {
            await exchange.SendAsync(InteractionMessageWriter.ToProtocolMessage(new StatusResponse(MatterStatus.ResourceExhausted) { InteractionModelRevision = InteractionMessage.CurrentRevision }), false, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await PrimeAsync(exchange, request, subject, id, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (gate)
            {
                reserved.Remove(id); // Active now, or never.
            }
        }
    }

    // Primes the subscription whose slot is reserved, answers, and makes it active.
    private async ValueTask PrimeAsync(IMessageExchange exchange, SubscribeRequest request, SubjectDescriptor subject, uint id, CancellationToken cancellationToken)
    {
        var maxInterval = ChooseMaxInterval(request.MaxIntervalCeiling, options.PreferredMaxInterval);
        var access = new AccessScope(model.AccessControl, subject, options.Time);
        var builder = new ReportBuilder(model, access);
        var budget = Math.Min(options.PayloadBudget ?? int.MaxValue, exchange.Session.MaxPayloadSize);
        var eventMin = InteractionServer.EventMinOf(request.EventFilters);
        var subscription = new Subscription(this, model, exchange.Session, request, id, maxInterval, budget, options);
        subscription.Listen();
        DateTimeOffset primedAt;
        try
        {
            var attributes = builder.ReadAttributes(request.AttributeRequests, request.DataVersionFilters, request.IsFabricFiltered);
            var events = builder.ReadEvents(request.EventRequests, eventMin);
            subscription.EventMin = ReportBuilder.NextEventMin(events, eventMin);
            var priming = ReportChunker.Chunk(attributes, events, id, budget, suppressResponse: false);
            if (!await ReportSender.SendAsync(exchange, priming, options.ResponseTimeout, cancellationToken).ConfigureAwait(false))
            {
                await subscription.DisposeAsync().ConfigureAwait(false);
                return;
            }

            // The intervals count from the priming report; reports start only after the response, which the subscriber needs first.
            primedAt = options.Time.GetUtcNow();
            var response = new SubscribeResponse(id, maxInterval) { InteractionModelRevision = InteractionMessage.CurrentRevision };
            await exchange.SendAsync(InteractionMessageWriter.ToProtocolMessage(response), false, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The subscriber went away while being primed: stop listening for it.
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        lock (gate)
        {
            active[id] = subscription;
        }

        subscription.Start(primedAt);
    }

    // Takes one of the fabric's slots (counting live subscriptions and those being primed) and an unused id.
    private bool TryReserve(byte fabricIndex, out uint id)
    {
        lock (gate)
        {
            var used = active.Values.Count(s => s.Subject.FabricIndex == fabricIndex) + reserved.Values.Count(f => f == fabricIndex);
            if (used >= options.SubscriptionsPerFabric)
            {
                id = 0;
                return false;
            }

            id = NewId();
            reserved.Add(id, fabricIndex);
            return true;
        }
    }

    internal async ValueTask EndAsync(Subscription subscription)
    {
        active.TryRemove(subscription.Id, out _);
        await subscription.DisposeAsync().ConfigureAwait(false);
    }

    // Called under the gate.
    private uint NewId()
    {
        while (true)
        {
            var id = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
            if (!active.ContainsKey(id) && !reserved.ContainsKey(id))
            {
                return id;
            }
        }
    }
}
