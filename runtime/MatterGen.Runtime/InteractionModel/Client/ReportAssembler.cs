using System;
using System.Collections.Generic;
using MatterGen.InteractionModel.Messages;

namespace MatterGen.InteractionModel.Client;

/// <summary>
/// Puts a chunked report back together (Core Specification 10.6.5.2): an attribute data block with list index
/// null appends its item to the list the previous block of that path started; any other block replaces the
/// path's value. The result has one block per attribute path, in first-seen order, and every event.
/// </summary>
public sealed class ReportAssembler
{
    private readonly List<AttributeReport> attributes = [];
    private readonly Dictionary<(ulong?, ushort?, uint?, uint?), int> positions = [];
    private readonly Dictionary<int, List<ReadOnlyMemory<byte>>> appended = [];
    private AttributeData? previousFull;

    /// <summary>The events, in arrival order.</summary>
    public List<EventReport> Events { get; } = [];

    /// <summary>Adds one chunk.</summary>
    /// <exception cref="InvalidInteractionMessageException">An append arrives for a path that has no list.</exception>
    public void Add(ReportData chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        foreach (var compressed in chunk.AttributeReports ?? [])
        {
            var report = Expand(compressed);
            var path = report.Data?.Path ?? report.Status!.Path;
            var key = (path.Node, path.Endpoint, path.Cluster, path.Attribute);
            if (report.Data is { Path.ListIndex: { HasValue: true, Value: null } } item)
            {
                if (!positions.TryGetValue(key, out var at) || attributes[at].Data is null)
                {
                    throw new InvalidInteractionMessageException("A list item arrived before its list.");
                }

                (appended.TryGetValue(at, out var items) ? items : appended[at] = []).Add(item.Data);
                continue;
            }

            if (positions.TryGetValue(key, out var existing))
            {
                attributes[existing] = report;
                appended.Remove(existing);
            }
            else
            {
                positions[key] = attributes.Count;
                attributes.Add(report);
            }
        }

        Events.AddRange(chunk.EventReports ?? []);
    }

    /// <summary>
    /// Undoes tag compression (Core Specification 10.6.2): a data block whose path enables it takes the node,
    /// endpoint and cluster it leaves out, and the data version, from the last block with a full path.
    /// </summary>
    private AttributeReport Expand(AttributeReport report)
    {
        if (report.Data is not { } data)
        {
            return report;
        }

        if (data.Path.EnableTagCompression != true)
        {
            previousFull = data;
            return report;
        }

        if (previousFull is not { } full)
        {
            throw new InvalidInteractionMessageException("A compressed path arrived with no full path before it.");
        }

        var path = data.Path with
        {
            EnableTagCompression = null,
            Node = data.Path.Node ?? full.Path.Node,
            Endpoint = data.Path.Endpoint ?? full.Path.Endpoint,
            Cluster = data.Path.Cluster ?? full.Path.Cluster,
        };
        return AttributeReport.Of(data with { Path = path, DataVersion = data.DataVersion ?? full.DataVersion });
    }

    /// <summary>The attribute reports with every list whole.</summary>
    public List<AttributeReport> Attributes()
    {
        var result = new List<AttributeReport>(attributes);
        foreach (var (at, items) in appended)
        {
            var data = result[at].Data!;
            result[at] = AttributeReport.Of(data with { Data = ListValue.Append(data.Data, items) });
        }

        return result;
    }
}
