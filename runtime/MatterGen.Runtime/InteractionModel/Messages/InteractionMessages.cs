using System.Collections.Generic;
using MatterGen.Interaction;

namespace MatterGen.InteractionModel.Messages;

/// <summary>
/// What every Interaction Model message has: its opcode and the optional InteractionModelRevision (tag 0xFF).
/// An absent list or flag stays absent through decode and encode, so a message re-encodes to its own bytes.
/// </summary>
public abstract record InteractionMessage
{
    /// <summary>The message's opcode.</summary>
    public abstract InteractionOpcode Opcode { get; }

    /// <summary>Tag 0xFF: the sender's Interaction Model revision.</summary>
    public byte? InteractionModelRevision { get; init; }

    /// <summary>The revision this implementation speaks (Matter 1.4).</summary>
    public const byte CurrentRevision = 12;
}

/// <summary>ReadRequestMessage (Core Specification 10.7.2).</summary>
/// <param name="AttributeRequests">Tag 0.</param>
/// <param name="EventRequests">Tag 1.</param>
/// <param name="EventFilters">Tag 2.</param>
/// <param name="IsFabricFiltered">Tag 3: report only the accessing fabric's entries of fabric-scoped lists.</param>
/// <param name="DataVersionFilters">Tag 4.</param>
public sealed record ReadRequest(
    IReadOnlyList<AttributePath>? AttributeRequests,
    IReadOnlyList<EventPath>? EventRequests,
    IReadOnlyList<EventFilter>? EventFilters,
    bool IsFabricFiltered,
    IReadOnlyList<DataVersionFilter>? DataVersionFilters) : InteractionMessage
{
    /// <inheritdoc/>
    public override InteractionOpcode Opcode => InteractionOpcode.ReadRequest;
}

/// <summary>SubscribeRequestMessage (Core Specification 10.7.4).</summary>
/// <param name="KeepSubscriptions">Tag 0: false ends the requester's other subscriptions.</param>
/// <param name="MinIntervalFloor">Tag 1: seconds.</param>
/// <param name="MaxIntervalCeiling">Tag 2: seconds.</param>
/// <param name="AttributeRequests">Tag 3.</param>
/// <param name="EventRequests">Tag 4.</param>
/// <param name="EventFilters">Tag 5.</param>
/// <param name="IsFabricFiltered">Tag 7.</param>
/// <param name="DataVersionFilters">Tag 8.</param>
public sealed record SubscribeRequest(
    bool KeepSubscriptions,
    ushort MinIntervalFloor,
    ushort MaxIntervalCeiling,
    IReadOnlyList<AttributePath>? AttributeRequests,
    IReadOnlyList<EventPath>? EventRequests,
    IReadOnlyList<EventFilter>? EventFilters,
    bool IsFabricFiltered,
    IReadOnlyList<DataVersionFilter>? DataVersionFilters) : InteractionMessage
{
    /// <inheritdoc/>
    public override InteractionOpcode Opcode => InteractionOpcode.SubscribeRequest;
}

/// <summary>SubscribeResponseMessage (Core Specification 10.7.5).</summary>
/// <param name="SubscriptionId">Tag 0.</param>
/// <param name="MaxInterval">Tag 2: the max interval the publisher chose, seconds.</param>
public sealed record SubscribeResponse(uint SubscriptionId, ushort MaxInterval) : InteractionMessage
{
    /// <inheritdoc/>
    public override InteractionOpcode Opcode => InteractionOpcode.SubscribeResponse;
}

/// <summary>ReportDataMessage (Core Specification 10.7.3).</summary>
/// <param name="SubscriptionId">Tag 0: set in a subscription's reports.</param>
/// <param name="AttributeReports">Tag 1.</param>
/// <param name="EventReports">Tag 2.</param>
/// <param name="MoreChunkedMessages">Tag 3: more ReportData follow, each after a StatusResponse.</param>
/// <param name="SuppressResponse">Tag 4: the receiver sends no StatusResponse.</param>
public sealed record ReportData(
    uint? SubscriptionId,
    IReadOnlyList<AttributeReport>? AttributeReports,
    IReadOnlyList<EventReport>? EventReports,
    bool? MoreChunkedMessages,
    bool? SuppressResponse) : InteractionMessage
{
    /// <inheritdoc/>
    public override InteractionOpcode Opcode => InteractionOpcode.ReportData;
}

/// <summary>WriteRequestMessage (Core Specification 10.7.6).</summary>
/// <param name="SuppressResponse">Tag 0.</param>
/// <param name="TimedRequest">Tag 1: part of a timed interaction.</param>
/// <param name="WriteRequests">Tag 2.</param>
/// <param name="MoreChunkedMessages">Tag 3: more WriteRequests follow on the exchange.</param>
public sealed record WriteRequest(
    bool? SuppressResponse,
    bool TimedRequest,
    IReadOnlyList<AttributeData> WriteRequests,
    bool? MoreChunkedMessages) : InteractionMessage
{
    /// <inheritdoc/>
    public override InteractionOpcode Opcode => InteractionOpcode.WriteRequest;
}

/// <summary>WriteResponseMessage (Core Specification 10.7.7).</summary>
/// <param name="WriteResponses">Tag 0: one status per written path.</param>
public sealed record WriteResponse(IReadOnlyList<AttributeStatus> WriteResponses) : InteractionMessage
{
    /// <inheritdoc/>
    public override InteractionOpcode Opcode => InteractionOpcode.WriteResponse;
}

/// <summary>InvokeRequestMessage (Core Specification 10.7.9).</summary>
/// <param name="SuppressResponse">Tag 0.</param>
/// <param name="TimedRequest">Tag 1.</param>
/// <param name="InvokeRequests">Tag 2.</param>
public sealed record InvokeRequest(bool SuppressResponse, bool TimedRequest, IReadOnlyList<CommandData> InvokeRequests) : InteractionMessage
{
    /// <inheritdoc/>
    public override InteractionOpcode Opcode => InteractionOpcode.InvokeRequest;
}

/// <summary>InvokeResponseMessage (Core Specification 10.7.10).</summary>
/// <param name="SuppressResponse">Tag 0.</param>
/// <param name="InvokeResponses">Tag 1.</param>
/// <param name="MoreChunkedMessages">Tag 2.</param>
public sealed record InvokeResponse(bool SuppressResponse, IReadOnlyList<InvokeResponseItem> InvokeResponses, bool? MoreChunkedMessages) : InteractionMessage
{
    /// <inheritdoc/>
    public override InteractionOpcode Opcode => InteractionOpcode.InvokeResponse;
}

/// <summary>TimedRequestMessage (Core Specification 10.7.8).</summary>
/// <param name="Timeout">Tag 0: milliseconds within which the action must arrive.</param>
public sealed record TimedRequest(ushort Timeout) : InteractionMessage
{
    /// <inheritdoc/>
    public override InteractionOpcode Opcode => InteractionOpcode.TimedRequest;
}

/// <summary>StatusResponseMessage (Core Specification 10.7.1).</summary>
/// <param name="Status">Tag 0.</param>
public sealed record StatusResponse(MatterStatus Status) : InteractionMessage
{
    /// <inheritdoc/>
    public override InteractionOpcode Opcode => InteractionOpcode.StatusResponse;
}
