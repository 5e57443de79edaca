using System;
using System.Collections.Generic;
using MatterGen.Interaction;
using MatterGen.Tlv;

namespace MatterGen.InteractionModel.Client;

/// <summary>
/// What one ReadRequest over several paths answered (<see cref="InteractionClient.ReadPathsAsync"/>): every attribute's
/// value or status under its concrete path, and the events in number order. A typed value comes out through the
/// generated cluster's <c>AttributeCodecs</c>, an event's payload through its <c>Client.Decode…</c> method:
/// <code>var state = result.Decode(1, EnergyEVSE.ClusterId, EnergyEVSE.Attributes.State.Id, EnergyEVSE.AttributeCodecs.DecodeState);</code>
/// </summary>
public sealed class MultiPathReadResult
{
    private readonly Dictionary<(ushort Endpoint, uint Cluster, uint Attribute), AttributeReadResult> attributes = [];
    private readonly List<EventRecord> events = [];

    internal MultiPathReadResult(ReportAssembler report)
    {
        foreach (var attribute in report.Attributes())
        {
            if (attribute.Data is { Path: { Endpoint: { } endpoint, Cluster: { } cluster, Attribute: { } id } } data)
            {
                attributes[(endpoint, cluster, id)] = new AttributeReadResult(MatterStatus.Success, data.Data, data.DataVersion ?? 0);
            }
            else if (attribute.Status is { Path: { Endpoint: { } statusEndpoint, Cluster: { } statusCluster, Attribute: { } statusId } } status)
            {
                attributes[(statusEndpoint, statusCluster, statusId)] = new AttributeReadResult(status.Status.Status, ReadOnlyMemory<byte>.Empty, 0);
            }
        }

        foreach (var reported in report.Events)
        {
            // An event whose path does not name its cluster instance cannot be told apart: left out.
            if (reported.Data is { Path: { Endpoint: { } endpoint, Cluster: { } cluster, Event: not null } } data)
            {
                events.Add(InteractionClient.ToRecord(data, endpoint, cluster));
            }
        }

        events.Sort(static (a, b) => a.EventNumber.CompareTo(b.EventNumber));
    }

    /// <summary>Every event reported, in number order.</summary>
    public IReadOnlyList<EventRecord> Events => events;

    /// <summary>
    /// The value (or the status) reported for one attribute; FAILURE when the report has nothing for it (a path the
    /// request did not ask for, or one a wildcard passed over).
    /// </summary>
    public AttributeReadResult Attribute(ushort endpoint, uint clusterId, uint attributeId) =>
        attributes.TryGetValue((endpoint, clusterId, attributeId), out var result) ? result : new AttributeReadResult(MatterStatus.Failure, ReadOnlyMemory<byte>.Empty, 0);

    /// <summary>Decodes one attribute's reported value with <paramref name="decode"/> (a generated <c>AttributeCodecs.Decode…</c>).</summary>
    /// <exception cref="MatterStatusException">The node reported a status for the attribute, or nothing.</exception>
    /// <exception cref="TlvException">The value is malformed or is not one element of the attribute's type.</exception>
    public T Decode<T>(ushort endpoint, uint clusterId, uint attributeId, TlvDecoder<T> decode)
    {
        ArgumentNullException.ThrowIfNull(decode);
        var result = Attribute(endpoint, clusterId, attributeId);
        if (result.Status != MatterStatus.Success)
        {
            throw new MatterStatusException(result.Status, $"Attribute 0x{attributeId:X4} of cluster 0x{clusterId:X4} on endpoint {endpoint} was not read.");
        }

        return ClusterClient.DecodeValue(result.Value, decode);
    }

    /// <summary>The events of one cluster instance numbered at least <paramref name="fromEventNumber"/>, in number order.</summary>
    public IEnumerable<EventRecord> EventsOf(ushort endpoint, uint clusterId, ulong fromEventNumber = 0)
    {
        foreach (var record in events)
        {
            if (record.Endpoint == endpoint && record.ClusterId == clusterId && record.EventNumber >= fromEventNumber)
            {
                yield return record;
            }
        }
    }
}
