using System;
using System.Buffers;
using MatterGen.Messaging;
using MatterGen.Tlv;
using static MatterGen.InteractionModel.Messages.InformationBlockWriter;

namespace MatterGen.InteractionModel.Messages;

/// <summary>Encodes Interaction Model messages as their anonymous-structure payloads.</summary>
public static class InteractionMessageWriter
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? scratch;

    /// <summary>The message's payload bytes.</summary>
    public static byte[] Encode(InteractionMessage message)
    {
        var output = new ArrayBufferWriter<byte>(128);
        Encode(message, output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The message as a <see cref="ProtocolMessage"/> of the Interaction Model protocol.</summary>
    public static ProtocolMessage ToProtocolMessage(InteractionMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ProtocolMessage(ProtocolId.InteractionModel, (byte)message.Opcode, Encode(message));
    }

    /// <summary>Appends the message's payload to <paramref name="output"/>.</summary>
    public static void Encode(InteractionMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        var writer = new TlvWriter(output);
        writer.StartStructure(TlvTag.Anonymous);
        switch (message)
        {
            case ReadRequest read:
                WriteArray(ref writer, 0, read.AttributeRequests, Write);
                WriteArray(ref writer, 1, read.EventRequests, Write);
                WriteArray(ref writer, 2, read.EventFilters, Write);
                writer.WriteBoolean(TlvTag.Context(3), read.IsFabricFiltered);
                WriteArray(ref writer, 4, read.DataVersionFilters, Write);
                break;
            case SubscribeRequest subscribe:
                writer.WriteBoolean(TlvTag.Context(0), subscribe.KeepSubscriptions);
                writer.WriteUnsignedInteger(TlvTag.Context(1), subscribe.MinIntervalFloor);
                writer.WriteUnsignedInteger(TlvTag.Context(2), subscribe.MaxIntervalCeiling);
                WriteArray(ref writer, 3, subscribe.AttributeRequests, Write);
                WriteArray(ref writer, 4, subscribe.EventRequests, Write);
                WriteArray(ref writer, 5, subscribe.EventFilters, Write);
                writer.WriteBoolean(TlvTag.Context(7), subscribe.IsFabricFiltered);
                WriteArray(ref writer, 8, subscribe.DataVersionFilters, Write);
                break;
            case SubscribeResponse response:
                writer.WriteUnsignedInteger(TlvTag.Context(0), response.SubscriptionId);
                writer.WriteUnsignedInteger(TlvTag.Context(2), response.MaxInterval);
                break;
            case ReportData report:
                WriteUnsigned(ref writer, 0, report.SubscriptionId);
                WriteArray(ref writer, 1, report.AttributeReports, Write);
                WriteArray(ref writer, 2, report.EventReports, Write);
                WriteBoolean(ref writer, 3, report.MoreChunkedMessages);
                WriteBoolean(ref writer, 4, report.SuppressResponse);
                break;
            case WriteRequest write:
                WriteBoolean(ref writer, 0, write.SuppressResponse);
                writer.WriteBoolean(TlvTag.Context(1), write.TimedRequest);
                WriteArray(ref writer, 2, write.WriteRequests, Write);
                WriteBoolean(ref writer, 3, write.MoreChunkedMessages);
                break;
            case WriteResponse response:
                WriteArray(ref writer, 0, response.WriteResponses, Write);
                break;
            case InvokeRequest invoke:
                writer.WriteBoolean(TlvTag.Context(0), invoke.SuppressResponse);
                writer.WriteBoolean(TlvTag.Context(1), invoke.TimedRequest);
                WriteArray(ref writer, 2, invoke.InvokeRequests, Write);
                break;
            case InvokeResponse response:
                writer.WriteBoolean(TlvTag.Context(0), response.SuppressResponse);
                WriteArray(ref writer, 1, response.InvokeResponses, Write);
                WriteBoolean(ref writer, 2, response.MoreChunkedMessages);
                break;
            case TimedRequest timed:
                writer.WriteUnsignedInteger(TlvTag.Context(0), timed.Timeout);
                break;
            case StatusResponse status:
                writer.WriteUnsignedInteger(TlvTag.Context(0), (byte)status.Status);
                break;
            default:
                throw new ArgumentException($"Unknown Interaction Model message {message.GetType().Name}.", nameof(message));
        }

        WriteUnsigned(ref writer, 0xFF, message.InteractionModelRevision);
        writer.EndContainer();
        writer.Flush();
    }

    /// <summary>The encoded size of one block as an element of an array (anonymous), for chunking.</summary>
    internal static int SizeOf<T>(T block, BlockWriter<T> write)
    {
        // One scratch buffer per thread: measuring every block of a large report would otherwise allocate per block.
        var output = scratch ??= new ArrayBufferWriter<byte>(256);
        output.ResetWrittenCount();
        var writer = new TlvWriter(output);
        write(ref writer, TlvTag.Anonymous, block);
        writer.Flush();
        var size = output.WrittenCount;
        if (output.Capacity > 64 * 1024)
        {
            scratch = null; // A rare huge block does not pin its buffer to the thread.
        }

        return size;
    }
}
