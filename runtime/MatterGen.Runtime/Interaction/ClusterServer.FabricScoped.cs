using System;
using System.Buffers;
using MatterGen.DataModel;
using MatterGen.Tlv;

namespace MatterGen.Interaction;

/// <summary>
/// The generic rules for fabric-scoped attributes (<see cref="FabricScopedValue"/>) and fabric-sensitive events, from
/// their metadata.
/// </summary>
public abstract partial class ClusterServer
{
    /// <summary>
    /// True when an event may be reported to a reader on <paramref name="accessingFabric"/> (0: none, as over PASE).
    /// A fabric-sensitive event is fabric-scoped data: it goes only to the fabric its FabricIndex field (0xFE) names,
    /// whether or not the read is fabric-filtered (isFabricFiltered shapes fabric-scoped lists, not events), and never
    /// to a reader without a fabric. One that names no fabric (0, no field, or a payload that cannot be read) belongs
    /// to none and goes to no one. connectedhomeip's event management applies the same rule to every read and report.
    /// Other events go to every reader the privilege check lets through.
    /// </summary>
    /// <param name="metadata">The event's definition.</param>
    /// <param name="record">The recorded event.</param>
    /// <param name="accessingFabric">The reader's fabric index, 0 when it has none.</param>
    internal static bool IsReportedTo(EventMetadata metadata, EventRecord record, byte accessingFabric)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(record);
        if (!metadata.IsFabricSensitive)
        {
            return true;
        }

        try
        {
            return accessingFabric != 0 && FabricScopedValue.FabricIndexOf(record.Payload.Span) == accessingFabric;
        }
        catch (TlvException)
        {
            return false;
        }
    }

    // What a reader sees of a fabric-scoped attribute: its own fabric's entries in full, others' without their
    // fabric-sensitive fields (or none of them when the read is fabric-filtered).
    private AttributeReadResult ReadFabricScoped(ReadOnlyMemory<byte> value, AttributeMetadata metadata, RequestContext context)
    {
        try
        {
            var seen = FabricScopedValue.ForReader(value, context.FabricIndex, context.IsFabricFiltered, metadata.FabricSensitiveFields);
            return new AttributeReadResult(MatterStatus.Success, seen, DataVersion);
        }
        catch (TlvException)
        {
            // The device stored a value its codec refuses: the server's fault, not the reader's.
            return new AttributeReadResult(MatterStatus.Failure, ReadOnlyMemory<byte>.Empty, DataVersion);
        }
    }

    // A write of a fabric-scoped list replaces the writer's entries only; without an accessing fabric there is
    // nothing it may write (Core Specification 7.13.6). Runs under the server's lock.
    private MatterStatus StoreFabricScopedList(uint attributeId, ReadOnlySpan<byte> written, byte fabricIndex)
    {
        if (fabricIndex == 0)
        {
            return MatterStatus.UnsupportedAccess;
        }

        var output = new ArrayBufferWriter<byte>(64);
        var writer = new TlvWriter(output);
        WriteAttributeValue(attributeId, ref writer);
        writer.Flush();
        var merged = FabricScopedValue.MergeWritten(output.WrittenSpan, written, fabricIndex);
        var reader = TlvValue.Open(merged);
        return StoreAttributeValue(attributeId, ref reader);
    }
}
