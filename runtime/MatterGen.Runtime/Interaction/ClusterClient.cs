using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Tlv;

namespace MatterGen.Interaction;

/// <summary>
/// What every generated cluster client stands on: typed reads, writes and invokes over an
/// <see cref="IInteractionTransport"/>, throwing <see cref="MatterStatusException"/> for any status but success.
/// </summary>
public abstract class ClusterClient
{
    /// <summary>A client of the cluster <paramref name="clusterId"/> on <paramref name="endpoint"/>.</summary>
    protected ClusterClient(IInteractionTransport transport, ushort endpoint, uint clusterId)
    {
        Transport = transport ?? throw new ArgumentNullException(nameof(transport));
        Endpoint = endpoint;
        ClusterId = clusterId;
    }

    /// <summary>The transport.</summary>
    public IInteractionTransport Transport { get; }

    /// <summary>The endpoint.</summary>
    public ushort Endpoint { get; }

    /// <summary>The cluster id.</summary>
    public uint ClusterId { get; }

    /// <summary>Reads the cluster's events from an event number on.</summary>
    public ValueTask<IReadOnlyList<EventRecord>> ReadEventsAsync(ulong fromEventNumber = 0, CancellationToken cancellationToken = default) =>
        Transport.ReadEventsAsync(Endpoint, ClusterId, fromEventNumber, cancellationToken);

    /// <summary>Reads and decodes an attribute.</summary>
    protected async ValueTask<T> ReadAsync<T>(uint attributeId, TlvDecoder<T> decode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decode);
        var result = await Transport.ReadAttributeAsync(Endpoint, ClusterId, attributeId, cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(result.Status);
        return DecodeValue(result.Value, decode);
    }

    /// <summary>Encodes and writes an attribute.</summary>
    protected async ValueTask WriteAsync<T>(uint attributeId, T value, TlvEncoder<T> encode, bool timed, CancellationToken cancellationToken)
    {
        var status = await Transport.WriteAttributeAsync(Endpoint, ClusterId, attributeId, Encode(value, encode), timed, cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(status);
    }

    /// <summary>Invokes a command that answers with a status only.</summary>
    protected async ValueTask InvokeAsync<TRequest>(uint commandId, TRequest request, TlvEncoder<TRequest> encode, bool timed, CancellationToken cancellationToken)
    {
        var result = await Transport.InvokeAsync(Endpoint, ClusterId, commandId, Encode(request, encode), timed, cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(result.Status, result.ClusterStatus);
    }

    /// <summary>Invokes a command and decodes its response.</summary>
    protected async ValueTask<TResponse> InvokeAsync<TRequest, TResponse>(uint commandId, TRequest request, TlvEncoder<TRequest> encode, uint responseId, TlvDecoder<TResponse> decode, bool timed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decode);
        var result = await Transport.InvokeAsync(Endpoint, ClusterId, commandId, Encode(request, encode), timed, cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(result.Status, result.ClusterStatus);
        if (result.ResponseCommandId != responseId)
        {
            throw new MatterStatusException(MatterStatus.InvalidCommand, $"Expected response command 0x{responseId:X2}, got {(result.ResponseCommandId is { } id ? $"0x{id:X2}" : "none")}.");
        }

        return DecodeValue(result.Response, decode);
    }

    /// <summary>Decodes an event's payload after checking that the record is that event.</summary>
    /// <exception cref="ArgumentException">The record is another cluster's or another event.</exception>
    /// <exception cref="TlvException">The payload is malformed.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static T DecodeEvent<T>(EventRecord record, uint clusterId, uint eventId, TlvDecoder<T> decode)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(decode);
        if (record.ClusterId != clusterId || record.EventId != eventId)
        {
            throw new ArgumentException($"Expected event 0x{eventId:X2} of cluster 0x{clusterId:X4}, got event 0x{record.EventId:X2} of cluster 0x{record.ClusterId:X4}.", nameof(record));
        }

        return DecodeValue(record.Payload, decode);
    }

    private static void ThrowIfFailed(MatterStatus status, byte? clusterStatus = null)
    {
        if (status != MatterStatus.Success)
        {
            throw new MatterStatusException(status, clusterStatus: clusterStatus);
        }
    }

    // One anonymous element, nothing after it.
    internal static T DecodeValue<T>(ReadOnlyMemory<byte> bytes, TlvDecoder<T> decode)
    {
        var reader = TlvValue.Open(bytes.Span);
        var value = decode(ref reader);
        reader.ExpectEnd();
        return value;
    }

    private static ReadOnlyMemory<byte> Encode<T>(T value, TlvEncoder<T> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        var output = new ArrayBufferWriter<byte>(64);
        var writer = new TlvWriter(output);
        encode(ref writer, TlvTag.Anonymous, value);
        writer.Flush();
        return output.WrittenMemory;
    }
}
