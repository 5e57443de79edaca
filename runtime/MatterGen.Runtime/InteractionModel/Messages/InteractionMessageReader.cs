using System;
using System.Collections.Generic;
using MatterGen.Interaction;
using MatterGen.Messaging;
using MatterGen.Tlv;
using static MatterGen.InteractionModel.Messages.InformationBlockReader;
using static MatterGen.InteractionModel.Messages.TlvFields;

namespace MatterGen.InteractionModel.Messages;

/// <summary>
/// Decodes Interaction Model messages. Any input that is not a well-formed message of the opcode throws
/// <see cref="InvalidInteractionMessageException"/> (status INVALID_ACTION); no other exception escapes.
/// </summary>
public static class InteractionMessageReader
{
    /// <summary>The deepest nesting accepted: the messages' own five levels plus the values they carry.</summary>
    private const int MaxDepth = 32;

    /// <summary>Decodes a protocol message of the Interaction Model.</summary>
    public static InteractionMessage Decode(ProtocolMessage message)
    {
        if (message.Protocol != ProtocolId.InteractionModel)
        {
            throw new InvalidInteractionMessageException($"Protocol {message.Protocol} is not the Interaction Model.");
        }

        return Decode((InteractionOpcode)message.Opcode, message.Payload.Span);
    }

    /// <summary>Decodes a payload of the given opcode.</summary>
    public static InteractionMessage Decode(InteractionOpcode opcode, ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new TlvReader(payload, MaxDepth);
            if (!reader.Read())
            {
                throw Invalid("the payload is empty");
            }

            Expect(ref reader, TlvElementType.Structure, "the message");
            var message = opcode switch
            {
                InteractionOpcode.ReadRequest => (InteractionMessage)ReadReadRequest(ref reader),
                InteractionOpcode.SubscribeRequest => ReadSubscribeRequest(ref reader),
                InteractionOpcode.SubscribeResponse => ReadSubscribeResponse(ref reader),
                InteractionOpcode.ReportData => ReadReportData(ref reader),
                InteractionOpcode.WriteRequest => ReadWriteRequest(ref reader),
                InteractionOpcode.WriteResponse => ReadWriteResponse(ref reader),
                InteractionOpcode.InvokeRequest => ReadInvokeRequest(ref reader),
                InteractionOpcode.InvokeResponse => ReadInvokeResponse(ref reader),
                InteractionOpcode.TimedRequest => ReadTimedRequest(ref reader),
                InteractionOpcode.StatusResponse => ReadStatusResponse(ref reader),
                _ => throw new InvalidInteractionMessageException($"Unknown Interaction Model opcode 0x{(byte)opcode:X2}."),
            };
            reader.ExpectEnd();
            return message;
        }
        catch (TlvException exception)
        {
            throw new InvalidInteractionMessageException($"Malformed Interaction Model message: {exception.Message}", inner: exception);
        }
    }

    /// <summary>Decodes a payload that must be a <typeparamref name="T"/>.</summary>
    public static T Decode<T>(ProtocolMessage message)
        where T : InteractionMessage =>
        Decode(message) as T ?? throw new InvalidInteractionMessageException($"Expected {typeof(T).Name}, got opcode 0x{message.Opcode:X2}.");

    private static ReadRequest ReadReadRequest(ref TlvReader reader)
    {
        ulong seen = 0;
        List<AttributePath>? attributes = null;
        List<EventPath>? events = null;
        List<EventFilter>? filters = null;
        List<DataVersionFilter>? versions = null;
        var fabricFiltered = false;
        byte? revision = null;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); attributes = ReadArray(ref reader, ReadAttributePath, "AttributeRequests"); break;
                case 1: Mark(ref seen, tag); events = ReadArray(ref reader, ReadEventPath, "EventRequests"); break;
                case 2: Mark(ref seen, tag); filters = ReadArray(ref reader, ReadEventFilter, "EventFilters"); break;
                case 3: Mark(ref seen, tag); fabricFiltered = Boolean(ref reader, "IsFabricFiltered"); break;
                case 4: Mark(ref seen, tag); versions = ReadArray(ref reader, ReadDataVersionFilter, "DataVersionFilters"); break;
                default: revision = Revision(ref reader, ref seen, tag, revision); break;
            }
        }

        Required(seen, 3, "ReadRequest.IsFabricFiltered");
        return new ReadRequest(attributes, events, filters, fabricFiltered, versions) { InteractionModelRevision = revision };
    }

    private static SubscribeRequest ReadSubscribeRequest(ref TlvReader reader)
    {
        ulong seen = 0;
        List<AttributePath>? attributes = null;
        List<EventPath>? events = null;
        List<EventFilter>? filters = null;
        List<DataVersionFilter>? versions = null;
        bool keep = false, fabricFiltered = false;
        ushort min = 0, max = 0;
        byte? revision = null;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); keep = Boolean(ref reader, "KeepSubscriptions"); break;
                case 1: Mark(ref seen, tag); min = (ushort)Unsigned(ref reader, ushort.MaxValue, "MinIntervalFloor"); break;
                case 2: Mark(ref seen, tag); max = (ushort)Unsigned(ref reader, ushort.MaxValue, "MaxIntervalCeiling"); break;
                case 3: Mark(ref seen, tag); attributes = ReadArray(ref reader, ReadAttributePath, "AttributeRequests"); break;
                case 4: Mark(ref seen, tag); events = ReadArray(ref reader, ReadEventPath, "EventRequests"); break;
                case 5: Mark(ref seen, tag); filters = ReadArray(ref reader, ReadEventFilter, "EventFilters"); break;
                case 7: Mark(ref seen, tag); fabricFiltered = Boolean(ref reader, "IsFabricFiltered"); break;
                case 8: Mark(ref seen, tag); versions = ReadArray(ref reader, ReadDataVersionFilter, "DataVersionFilters"); break;
                default: revision = Revision(ref reader, ref seen, tag, revision); break;
            }
        }

        Required(seen, 0, "SubscribeRequest.KeepSubscriptions");
        Required(seen, 1, "SubscribeRequest.MinIntervalFloor");
        Required(seen, 2, "SubscribeRequest.MaxIntervalCeiling");
        Required(seen, 7, "SubscribeRequest.IsFabricFiltered");
        return new SubscribeRequest(keep, min, max, attributes, events, filters, fabricFiltered, versions) { InteractionModelRevision = revision };
    }

    private static SubscribeResponse ReadSubscribeResponse(ref TlvReader reader)
    {
        ulong seen = 0;
        uint id = 0;
        ushort max = 0;
        byte? revision = null;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); id = (uint)Unsigned(ref reader, uint.MaxValue, "SubscriptionId"); break;
                case 2: Mark(ref seen, tag); max = (ushort)Unsigned(ref reader, ushort.MaxValue, "MaxInterval"); break;
                default: revision = Revision(ref reader, ref seen, tag, revision); break;
            }
        }

        Required(seen, 0, "SubscribeResponse.SubscriptionId");
        Required(seen, 2, "SubscribeResponse.MaxInterval");
        return new SubscribeResponse(id, max) { InteractionModelRevision = revision };
    }

    private static ReportData ReadReportData(ref TlvReader reader)
    {
        ulong seen = 0;
        uint? id = null;
        List<AttributeReport>? attributes = null;
        List<EventReport>? events = null;
        bool? more = null, suppress = null;
        byte? revision = null;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); id = (uint)Unsigned(ref reader, uint.MaxValue, "SubscriptionId"); break;
                case 1: Mark(ref seen, tag); attributes = ReadArray(ref reader, ReadAttributeReport, "AttributeReports"); break;
                case 2: Mark(ref seen, tag); events = ReadArray(ref reader, ReadEventReport, "EventReports"); break;
                case 3: Mark(ref seen, tag); more = Boolean(ref reader, "MoreChunkedMessages"); break;
                case 4: Mark(ref seen, tag); suppress = Boolean(ref reader, "SuppressResponse"); break;
                default: revision = Revision(ref reader, ref seen, tag, revision); break;
            }
        }

        return new ReportData(id, attributes, events, more, suppress) { InteractionModelRevision = revision };
    }

    private static WriteRequest ReadWriteRequest(ref TlvReader reader)
    {
        ulong seen = 0;
        bool? suppress = null, more = null;
        var timed = false;
        List<AttributeData>? writes = null;
        byte? revision = null;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); suppress = Boolean(ref reader, "SuppressResponse"); break;
                case 1: Mark(ref seen, tag); timed = Boolean(ref reader, "TimedRequest"); break;
                case 2: Mark(ref seen, tag); writes = ReadArray(ref reader, ReadAttributeData, "WriteRequests"); break;
                case 3: Mark(ref seen, tag); more = Boolean(ref reader, "MoreChunkedMessages"); break;
                default: revision = Revision(ref reader, ref seen, tag, revision); break;
            }
        }

        Required(seen, 1, "WriteRequest.TimedRequest");
        return new WriteRequest(suppress, timed, writes ?? throw Invalid("WriteRequest.WriteRequests is missing"), more) { InteractionModelRevision = revision };
    }

    private static WriteResponse ReadWriteResponse(ref TlvReader reader)
    {
        ulong seen = 0;
        List<AttributeStatus>? statuses = null;
        byte? revision = null;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); statuses = ReadArray(ref reader, ReadAttributeStatus, "WriteResponses"); break;
                default: revision = Revision(ref reader, ref seen, tag, revision); break;
            }
        }

        return new WriteResponse(statuses ?? throw Invalid("WriteResponse.WriteResponses is missing")) { InteractionModelRevision = revision };
    }

    private static InvokeRequest ReadInvokeRequest(ref TlvReader reader)
    {
        ulong seen = 0;
        bool suppress = false, timed = false;
        List<CommandData>? commands = null;
        byte? revision = null;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); suppress = Boolean(ref reader, "SuppressResponse"); break;
                case 1: Mark(ref seen, tag); timed = Boolean(ref reader, "TimedRequest"); break;
                case 2: Mark(ref seen, tag); commands = ReadArray(ref reader, ReadCommandData, "InvokeRequests"); break;
                default: revision = Revision(ref reader, ref seen, tag, revision); break;
            }
        }

        Required(seen, 0, "InvokeRequest.SuppressResponse");
        Required(seen, 1, "InvokeRequest.TimedRequest");
        return new InvokeRequest(suppress, timed, commands ?? throw Invalid("InvokeRequest.InvokeRequests is missing")) { InteractionModelRevision = revision };
    }

    private static InvokeResponse ReadInvokeResponse(ref TlvReader reader)
    {
        ulong seen = 0;
        var suppress = false;
        bool? more = null;
        List<InvokeResponseItem>? responses = null;
        byte? revision = null;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); suppress = Boolean(ref reader, "SuppressResponse"); break;
                case 1: Mark(ref seen, tag); responses = ReadArray(ref reader, InformationBlockReader.ReadInvokeResponse, "InvokeResponses"); break;
                case 2: Mark(ref seen, tag); more = Boolean(ref reader, "MoreChunkedMessages"); break;
                default: revision = Revision(ref reader, ref seen, tag, revision); break;
            }
        }

        Required(seen, 0, "InvokeResponse.SuppressResponse");
        return new InvokeResponse(suppress, responses ?? throw Invalid("InvokeResponse.InvokeResponses is missing"), more) { InteractionModelRevision = revision };
    }

    private static TimedRequest ReadTimedRequest(ref TlvReader reader)
    {
        var (timeout, revision) = ReadSingleField(ref reader, ushort.MaxValue, "TimedRequest.Timeout");
        return new TimedRequest((ushort)timeout) { InteractionModelRevision = revision };
    }

    private static StatusResponse ReadStatusResponse(ref TlvReader reader)
    {
        var (status, revision) = ReadSingleField(ref reader, byte.MaxValue, "StatusResponse.Status");
        return new StatusResponse((MatterStatus)status) { InteractionModelRevision = revision };
    }

    /// <summary>A message whose one field is an unsigned integer at tag 0.</summary>
    private static (ulong Value, byte? Revision) ReadSingleField(ref TlvReader reader, ulong max, string what)
    {
        ulong seen = 0;
        ulong value = 0;
        byte? revision = null;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); value = Unsigned(ref reader, max, what); break;
                default: revision = Revision(ref reader, ref seen, tag, revision); break;
            }
        }

        Required(seen, 0, what);
        return (value, revision);
    }

    /// <summary>Tag 0xFF is the revision; any other unknown tag is skipped.</summary>
    private static byte? Revision(ref TlvReader reader, ref ulong seen, byte tag, byte? current)
    {
        if (tag != 0xFF)
        {
            reader.Skip();
            return current;
        }

        if (current is not null)
        {
            throw Invalid("InteractionModelRevision appears twice");
        }

        return (byte)Unsigned(ref reader, byte.MaxValue, "InteractionModelRevision");
    }

    private static void Required(ulong seen, byte tag, string what)
    {
        if (!Has(seen, tag))
        {
            throw Invalid($"{what} is missing");
        }
    }
}
