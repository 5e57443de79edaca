using System;
using System.Buffers;
using MatterGen.DataModel;
using MatterGen.Tlv;

namespace MatterGen.Interaction;

/// <summary>The generic rules for fabric-scoped attributes (<see cref="FabricScopedValue"/>), from their metadata.</summary>
public abstract partial class ClusterServer
{
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
