using System;
using MatterGen.DataModel;
using MatterGen.Interaction;

namespace MatterGen.InteractionModel.Messages;

/// <summary>StatusIB (Core Specification 10.6.17): an Interaction Model status and, for some, a cluster-specific one.</summary>
/// <param name="Status">Tag 0: the status.</param>
/// <param name="ClusterStatus">Tag 1: the cluster-specific status.</param>
public sealed record StatusIB(MatterStatus Status, byte? ClusterStatus = null)
{
    /// <summary>Success.</summary>
    public static StatusIB Success { get; } = new(MatterStatus.Success);
}

/// <summary>
/// AttributeDataIB (Core Specification 10.6.5): an attribute's value (in a report) or the value to write.
/// <paramref name="Data"/> is the value as one anonymous TLV element; in the message it carries context tag 2.
/// </summary>
/// <param name="DataVersion">Tag 0: the cluster's data version (in a write: the version the write requires).</param>
/// <param name="Path">Tag 1: the attribute.</param>
/// <param name="Data">Tag 2: the value.</param>
public sealed record AttributeData(uint? DataVersion, AttributePath Path, ReadOnlyMemory<byte> Data);

/// <summary>AttributeStatusIB (Core Specification 10.6.16): the status of one attribute path.</summary>
/// <param name="Path">Tag 0: the attribute.</param>
/// <param name="Status">Tag 1: its status.</param>
public sealed record AttributeStatus(AttributePath Path, StatusIB Status);

/// <summary>AttributeReportIB (Core Specification 10.6.14): either a status or data.</summary>
/// <param name="Status">Tag 0: the attribute's status.</param>
/// <param name="Data">Tag 1: the attribute's data.</param>
public sealed record AttributeReport(AttributeStatus? Status, AttributeData? Data)
{
    /// <summary>A report carrying data.</summary>
    public static AttributeReport Of(AttributeData data) => new(null, data);

    /// <summary>A report carrying a status.</summary>
    public static AttributeReport Of(AttributeStatus status) => new(status, null);
}

/// <summary>
/// EventDataIB (Core Specification 10.6.9): one event. Epoch timestamps are milliseconds since the Unix epoch,
/// system timestamps milliseconds since boot; a delta is relative to the previous event of the report.
/// </summary>
/// <param name="Path">Tag 0: the event's concrete path.</param>
/// <param name="EventNumber">Tag 1: the node-wide event number.</param>
/// <param name="Priority">Tag 2: its priority.</param>
/// <param name="EpochTimestamp">Tag 3: epoch time, ms.</param>
/// <param name="SystemTimestamp">Tag 4: system time, ms.</param>
/// <param name="DeltaEpochTimestamp">Tag 5: epoch time since the previous event, ms.</param>
/// <param name="DeltaSystemTimestamp">Tag 6: system time since the previous event, ms.</param>
/// <param name="Data">Tag 7: the event's fields as one anonymous TLV element.</param>
public sealed record EventData(
    EventPath Path,
    ulong EventNumber,
    EventPriority Priority,
    ulong? EpochTimestamp,
    ulong? SystemTimestamp,
    ulong? DeltaEpochTimestamp,
    ulong? DeltaSystemTimestamp,
    ReadOnlyMemory<byte> Data);

/// <summary>EventStatusIB (Core Specification 10.6.15): the status of one event path.</summary>
/// <param name="Path">Tag 0: the event path.</param>
/// <param name="Status">Tag 1: its status.</param>
public sealed record EventStatus(EventPath Path, StatusIB Status);

/// <summary>EventReportIB (Core Specification 10.6.13): either a status or an event.</summary>
/// <param name="Status">Tag 0: the path's status.</param>
/// <param name="Data">Tag 1: the event.</param>
public sealed record EventReport(EventStatus? Status, EventData? Data);

/// <summary>
/// CommandDataIB (Core Specification 10.6.12): a command and its fields (one anonymous TLV element, context
/// tag 1 in the message), with the reference that pairs a batched request with its response.
/// </summary>
/// <param name="Path">Tag 0: the command.</param>
/// <param name="Fields">Tag 1: the fields; null when absent.</param>
/// <param name="CommandRef">Tag 2: the request's reference in a batch.</param>
public sealed record CommandData(CommandPath Path, ReadOnlyMemory<byte>? Fields, ushort? CommandRef = null);

/// <summary>CommandStatusIB (Core Specification 10.6.13): the status of one command.</summary>
/// <param name="Path">Tag 0: the command.</param>
/// <param name="Status">Tag 1: its status.</param>
/// <param name="CommandRef">Tag 2: the request's reference in a batch.</param>
public sealed record CommandStatus(CommandPath Path, StatusIB Status, ushort? CommandRef = null);

/// <summary>InvokeResponseIB (Core Specification 10.6.19): either a response command or a status.</summary>
/// <param name="Command">Tag 0: the response command.</param>
/// <param name="Status">Tag 1: the status.</param>
public sealed record InvokeResponseItem(CommandData? Command, CommandStatus? Status);
