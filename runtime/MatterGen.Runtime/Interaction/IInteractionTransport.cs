using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MatterGen.Interaction;

/// <summary>
/// How a client reaches servers: reads, writes, invokes and event reads, as TLV bytes only. A network
/// transport implements this over Matter messages; <see cref="InProcessTransport"/> over local servers.
/// </summary>
public interface IInteractionTransport
{
    /// <summary>Reads one attribute.</summary>
    ValueTask<AttributeReadResult> ReadAttributeAsync(ushort endpoint, uint clusterId, uint attributeId, CancellationToken cancellationToken = default);

    /// <summary>Writes one attribute; <paramref name="timed"/> sends it in a timed interaction.</summary>
    ValueTask<MatterStatus> WriteAttributeAsync(ushort endpoint, uint clusterId, uint attributeId, ReadOnlyMemory<byte> value, bool timed, CancellationToken cancellationToken = default);

    /// <summary>Invokes one command; <paramref name="timed"/> sends it in a timed interaction.</summary>
    ValueTask<InvokeResult> InvokeAsync(ushort endpoint, uint clusterId, uint commandId, ReadOnlyMemory<byte> fields, bool timed, CancellationToken cancellationToken = default);

    /// <summary>Reads a cluster's events from an event number on.</summary>
    ValueTask<IReadOnlyList<EventRecord>> ReadEventsAsync(ushort endpoint, uint clusterId, ulong fromEventNumber, CancellationToken cancellationToken = default);
}
