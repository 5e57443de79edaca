using System;
using System.Collections.Generic;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Paths;

namespace MatterGen.InteractionModel.Server;

/// <summary>
/// Turns the paths of a read or a subscription into report blocks: attribute data or statuses, and events,
/// checked against access control, filtered by fabric and by the requester's data versions. Which events a
/// requester sees (privilege, fabric-sensitive events of its own fabric only) is the server's rule
/// (<see cref="ClusterServer.ReadEvents"/>).
/// </summary>
internal sealed class ReportBuilder
{
    private readonly IDataModel model;
    private readonly AccessScope access;

    public ReportBuilder(IDataModel model, AccessScope access)
    {
        this.model = model;
        this.access = access;
    }

    /// <summary>The attribute reports for <paramref name="paths"/>, or only those of <paramref name="changed"/> when given.</summary>
    public List<AttributeReport> ReadAttributes(
        IReadOnlyList<AttributePath>? paths,
        IReadOnlyList<DataVersionFilter>? versionFilters,
        bool fabricFiltered,
        Func<ConcreteAttribute, bool>? changed = null)
    {
        var reports = new List<AttributeReport>();
        if (paths is null)
        {
            return reports;
        }

        var concrete = new List<ConcreteAttribute>();
        var seen = new HashSet<(ushort, uint, uint)>();
        foreach (var path in paths)
        {
            concrete.Clear();
            if (AttributePathExpander.Expand(model, access, path, concrete) is { } status)
            {
                if (changed is null)
                {
                    reports.Add(AttributeReport.Of(new AttributeStatus(path with { WildcardPathFlags = null, WildcardFilterConfigurationVersion = null }, status)));
                }

                continue;
            }

            foreach (var item in concrete)
            {
                var cluster = item.Server.Description.ClusterId;
                if (changed is not null && !changed(item)
                    || !seen.Add((item.Endpoint, cluster, item.Attribute))
                    || changed is null && IsUnchanged(item, versionFilters))
                {
                    continue;
                }

                reports.Add(Read(item, fabricFiltered));
            }
        }

        return reports;
    }

    /// <summary>
    /// The events of <paramref name="paths"/> numbered at least <paramref name="eventMin"/>, in number order, and the
    /// statuses of concrete paths. isFabricFiltered does not apply: a fabric-sensitive event never reaches another
    /// fabric, filtered or not.
    /// </summary>
    public List<EventReport> ReadEvents(IReadOnlyList<EventPath>? paths, ulong eventMin)
    {
        var reports = new List<EventReport>();
        if (paths is null)
        {
            return reports;
        }

        var sources = new List<EventSource>();
        foreach (var path in paths)
        {
            if (EventPathExpander.Expand(model, access, path, sources) is { } status)
            {
                reports.Add(new EventReport(new EventStatus(path with { IsUrgent = null }, status), null));
            }
        }

        // Paths may overlap: each event once. Its number is node-wide when the node's servers share one log (as a
        // MatterNode's do); the endpoint and cluster keep apart servers that keep logs of their own.
        var events = new SortedDictionary<(ulong Number, ushort Endpoint, uint Cluster), EventData>();
        foreach (var source in sources)
        {
            var cluster = source.Server.Description.ClusterId;
            foreach (var record in source.Server.ReadEvents(eventMin, access.ContextFor(source.Endpoint, cluster)))
            {
                if (source.Event is not { } id || record.EventId == id)
                {
                    events.TryAdd((record.EventNumber, record.Endpoint, record.ClusterId), ToEventData(record));
                }
            }
        }

        foreach (var data in events.Values)
        {
            reports.Add(new EventReport(null, data));
        }

        return reports;
    }

    /// <summary>The event number after the last one in <paramref name="reports"/>, or <paramref name="current"/>.</summary>
    public static ulong NextEventMin(List<EventReport> reports, ulong current)
    {
        foreach (var report in reports)
        {
            if (report.Data is { } data && data.EventNumber >= current)
            {
                current = data.EventNumber + 1;
            }
        }

        return current;
    }

    private static EventData ToEventData(EventRecord record) => new(
        new EventPath(Endpoint: record.Endpoint, Cluster: record.ClusterId, Event: record.EventId),
        record.EventNumber,
        record.Priority,
        (ulong)Math.Max(0, record.Timestamp.ToUnixTimeMilliseconds()),
        null,
        null,
        null,
        record.Payload);

    private AttributeReport Read(ConcreteAttribute item, bool fabricFiltered)
    {
        var cluster = item.Server.Description.ClusterId;
        var path = AttributePath.Concrete(item.Endpoint, cluster, item.Attribute);
        // The server applies the fabric rules of a fabric-scoped attribute for the accessing fabric.
        var result = item.Server.ReadAttribute(item.Attribute, access.ContextFor(item.Endpoint, cluster, fabricFiltered: fabricFiltered));
        if (result.Status != MatterStatus.Success)
        {
            return AttributeReport.Of(new AttributeStatus(path, new StatusIB(result.Status)));
        }

        return AttributeReport.Of(new AttributeData(result.DataVersion, path, result.Value));
    }

    private static bool IsUnchanged(ConcreteAttribute item, IReadOnlyList<DataVersionFilter>? filters)
    {
        if (filters is null)
        {
            return false;
        }

        foreach (var filter in filters)
        {
            if (filter.Path.Endpoint == item.Endpoint && filter.Path.Cluster == item.Server.Description.ClusterId)
            {
                return filter.DataVersion == item.Server.DataVersion;
            }
        }

        return false;
    }
}
