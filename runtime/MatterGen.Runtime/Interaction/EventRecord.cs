using System;
using MatterGen.DataModel;

namespace MatterGen.Interaction;

/// <summary>One event as recorded by a server and read by a client.</summary>
/// <param name="EventNumber">Node-wide increasing number.</param>
/// <param name="Endpoint">The endpoint of the server that emitted it.</param>
/// <param name="ClusterId">The cluster that emitted it.</param>
/// <param name="EventId">The event's id in its cluster.</param>
/// <param name="Priority">The definition's priority.</param>
/// <param name="Timestamp">When it happened (epoch time from the server's clock).</param>
/// <param name="Payload">The event's fields as an anonymous TLV structure.</param>
public sealed record EventRecord(ulong EventNumber, ushort Endpoint, uint ClusterId, uint EventId, EventPriority Priority, DateTimeOffset Timestamp, ReadOnlyMemory<byte> Payload);
