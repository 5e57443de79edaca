using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Server;
using MatterGen.Messaging;

namespace MatterGen.InteractionModel.Subscriptions;

/// <summary>
/// One running subscription: collects the reported changes of the subscribed attributes (the servers'
/// AttributeReported, which already honours the C and Q qualities) and the recorded events, and reports them on
/// a new exchange no sooner than the min interval after the last report; an urgent event is reported as soon as
/// the min interval allows; with nothing to say, an empty report goes at the max interval. A report the
/// subscriber does not acknowledge with SUCCESS ends the subscription.
/// </summary>
internal sealed class Subscription : IAsyncDisposable
{
    private readonly SubscriptionManager manager;
    private readonly IDataModel model;
    private readonly IMessageSession session;
    private readonly SubscribeRequest request;
    private readonly int budget;
    private readonly InteractionServerOptions options;
    private readonly CancellationTokenSource stop = new();
    private readonly object gate = new();
    private readonly HashSet<(ushort Endpoint, uint Cluster, uint Attribute)> dirty = [];
    // What the subscription listens to, with the action that stops it: servers and event logs, kept current
    // when the node's composition changes.
    private readonly Dictionary<ClusterServer, Action> servers = [];
    private readonly Dictionary<EventLog, Action> logs = [];
    private TaskCompletionSource wake = NewWake();
    private bool urgent;
    private bool eventsPending;
    private Task? loop;
    private DateTimeOffset lastReport;

    public Subscription(SubscriptionManager manager, IDataModel model, IMessageSession session, SubscribeRequest request, uint id, ushort maxInterval, int budget, InteractionServerOptions options)
    {
        this.manager = manager;
        this.model = model;
        this.session = session;
        this.request = request;
        this.budget = budget;
        this.options = options;
        Id = id;
        MaxInterval = maxInterval;
        Subject = session.Subject;
    }

    public uint Id { get; }

    public ushort MaxInterval { get; }

    public SubjectDescriptor Subject { get; }

    /// <summary>The next event number to report.</summary>
    public ulong EventMin { get; set; }

    /// <summary>Starts listening for changes and events; before the priming report, so nothing that happens during it is missed.</summary>
    public void Listen()
    {
        model.CompositionChanged += OnCompositionChanged;
        lock (gate)
        {
            Hook();
        }
    }

    /// <summary>Starts reporting; <paramref name="primedAt"/> is when the priming report went, from which the intervals count.</summary>
    public void Start(DateTimeOffset primedAt)
    {
        lastReport = primedAt;
        loop = Task.Run(RunAsync);
    }

    public async ValueTask DisposeAsync()
    {
        model.CompositionChanged -= OnCompositionChanged;
        lock (gate)
        {
            foreach (var action in servers.Values)
            {
                action();
            }

            foreach (var action in logs.Values)
            {
                action();
            }

            servers.Clear();
            logs.Clear();
        }

        await stop.CancelAsync().ConfigureAwait(false);
        if (loop is { } running && !running.IsCompleted && Task.CurrentId != running.Id)
        {
            await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Listens to every server and event log of the node not listened to yet, and stops listening to those gone;
    // returns the servers that are new, with their endpoints. Called under the gate.
    private List<(ushort Endpoint, ClusterServer Server)> Hook()
    {
        var added = new List<(ushort, ClusterServer)>();
        var present = new HashSet<ClusterServer>();
        var presentLogs = new HashSet<EventLog>();
        foreach (var endpoint in model.Endpoints)
        {
            foreach (var server in model.ServersOn(endpoint))
            {
                var at = endpoint;
                var target = server;
                present.Add(target);
                if (request.AttributeRequests is { Count: > 0 } && !servers.ContainsKey(target))
                {
                    Action<AttributeChange> changed = change => OnAttributeReported(at, change);
                    target.AttributeReported += changed;
                    servers[target] = () => target.AttributeReported -= changed;
                    added.Add((at, target));
                }

                var log = target.EventLog;
                if (request.EventRequests is { Count: > 0 } && presentLogs.Add(log) && !logs.ContainsKey(log))
                {
                    Action<EventRecord> recorded = OnEventRecorded;
                    log.Recorded += recorded;
                    logs[log] = () => log.Recorded -= recorded;
                }
            }
        }

        foreach (var gone in servers.Keys.Where(server => !present.Contains(server)).ToList())
        {
            servers[gone]();
            servers.Remove(gone);
        }

        foreach (var gone in logs.Keys.Where(log => !presentLogs.Contains(log)).ToList())
        {
            logs[gone]();
            logs.Remove(gone);
        }

        return added;
    }

    // Endpoints came or went: listen to the new servers and report every attribute of theirs that the paths
    // take in (a wildcard path now covers the new endpoint), as a change no sooner than the min interval.
    private void OnCompositionChanged()
    {
        lock (gate)
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            FollowComposition();
        }

        wake.TrySetResult();
    }

    // Hooks the servers new to the node and marks every attribute of theirs changed. Called under the gate.
    private void FollowComposition()
    {
        foreach (var (endpoint, server) in Hook())
        {
            foreach (var attribute in server.Description.AttributeList)
            {
                dirty.Add((endpoint, server.Description.ClusterId, attribute));
            }
        }
    }

    private void OnAttributeReported(ushort endpoint, AttributeChange change)
    {
        foreach (var path in request.AttributeRequests!)
        {
            if ((path.Endpoint ?? endpoint) == endpoint && (path.Cluster ?? change.ClusterId) == change.ClusterId && (path.Attribute ?? change.AttributeId) == change.AttributeId)
            {
                lock (gate)
                {
                    dirty.Add((endpoint, change.ClusterId, change.AttributeId));
                }

                wake.TrySetResult();
                return;
            }
        }
    }

    // An event the subscriber's paths take in and that it may be told of wakes the subscription (at once when a
    // matching path asked for urgency). Another fabric's fabric-sensitive event does not: its very timing is
    // that fabric's.
    private void OnEventRecorded(EventRecord record)
    {
        if (model.FindServer(record.Endpoint, record.ClusterId)?.Description.FindEvent(record.EventId) is not { } metadata
            || !ClusterServer.IsReportedTo(metadata, record, Subject.FabricIndex))
        {
            return;
        }

        foreach (var path in request.EventRequests!)
        {
            if ((path.Endpoint ?? record.Endpoint) == record.Endpoint && (path.Cluster ?? record.ClusterId) == record.ClusterId
                && (path.Event ?? record.EventId) == record.EventId)
            {
                lock (gate)
                {
                    eventsPending = true;
                    urgent |= path.IsUrgent == true;
                }

                wake.TrySetResult();
                return;
            }
        }
    }

    private async Task RunAsync()
    {
        var time = options.Time;
        var min = TimeSpan.FromSeconds(request.MinIntervalFloor);
        var max = TimeSpan.FromSeconds(MaxInterval);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                Interlocked.Exchange(ref wake, NewWake());
                bool changes;
                lock (gate)
                {
                    changes = dirty.Count > 0 || urgent;
                }

                var now = time.GetUtcNow();
                var due = changes ? lastReport + min : lastReport + max;
                if (now < due)
                {
                    await WaitAsync(wake.Task, due - now).ConfigureAwait(false);
                    continue;
                }

                var outcome = await ReportAsync(keepAliveDue: now >= lastReport + max).ConfigureAwait(false);
                if (outcome == ReportOutcome.Refused)
                {
                    break;
                }

                // The intervals count from when a report goes, not from when the subscriber acknowledged it.
                if (outcome == ReportOutcome.Sent)
                {
                    lastReport = now;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested || session.Closed.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException or InvalidOperationException or ArgumentException)
        {
            // The subscriber is unreachable (or the session went away): the subscription ends.
        }

        _ = manager.EndAsync(this);
    }

    private async Task WaitAsync(Task woken, TimeSpan delay)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, session.Closed);
        var timer = Task.Delay(delay, options.Time, cancel.Token);
        await Task.WhenAny(woken, timer).ConfigureAwait(false);
        await cancel.CancelAsync().ConfigureAwait(false);
        stop.Token.ThrowIfCancellationRequested();
        session.Closed.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Sends one report: the changes and events the subscriber may see, or nothing as a keep-alive when the max
    /// interval is up. A wake-up that leaves nothing to tell (an event or change on a path the subscriber may not
    /// read) sends nothing before the keep-alive is due: an empty report would tell the subscriber that something
    /// it may not see just happened.
    /// </summary>
    private async Task<ReportOutcome> ReportAsync(bool keepAliveDue)
    {
        HashSet<(ushort, uint, uint)> changed;
        bool withEvents;
        lock (gate)
        {
            // A composition change is told in steps (the root's PartsList changes before CompositionChanged is
            // raised): catch up with the node now, so a report naming a new endpoint carries that endpoint too.
            FollowComposition();
            changed = [.. dirty];
            dirty.Clear();
            withEvents = eventsPending || urgent;
            eventsPending = false;
            urgent = false;
        }

        var access = new AccessScope(model.AccessControl, Subject, options.Time);
        var builder = new ReportBuilder(model, access);
        var attributes = changed.Count == 0
            ? []
            : builder.ReadAttributes(request.AttributeRequests, null, request.IsFabricFiltered,
                item => changed.Contains((item.Endpoint, item.Server.Description.ClusterId, item.Attribute)));
        var events = withEvents ? builder.ReadEvents(request.EventRequests, EventMin) : [];
        events.RemoveAll(report => report.Data is null); // Path statuses went with the priming report.
        EventMin = ReportBuilder.NextEventMin(events, EventMin);

        if (attributes.Count == 0 && events.Count == 0 && !keepAliveDue)
        {
            return ReportOutcome.NothingToTell;
        }

        var chunks = ReportChunker.Chunk(attributes, events, Id, budget, suppressResponse: false);
        var exchange = session.CreateExchange();
        await using (exchange.ConfigureAwait(false))
        {
            return await ReportSender.SendAsync(exchange, chunks, options.ResponseTimeout, stop.Token).ConfigureAwait(false)
                ? ReportOutcome.Sent
                : ReportOutcome.Refused;
        }
    }

    private enum ReportOutcome
    {
        Sent,
        NothingToTell,
        Refused,
    }
}
