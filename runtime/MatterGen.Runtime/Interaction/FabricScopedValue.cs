using System;
using System.Buffers;
using System.Collections.Generic;
using MatterGen.Tlv;

namespace MatterGen.Interaction;

/// <summary>
/// The generic rules for fabric-scoped data (Core Specification 7.13.6 and 8.4.3.2), applied to the encoded
/// value of an attribute whose metadata says <c>IsFabricScoped</c>: a list of structures (or one structure), each
/// carrying its FabricIndex in field 0xFE. Works on TLV alone, so it needs no knowledge of the struct's type.
/// <list type="bullet">
/// <item>A read shows the accessing fabric's entries in full; a fabric-filtered read leaves other fabrics' entries
/// out, an unfiltered one shows them without their fabric-sensitive fields. With no accessing fabric (0) every
/// entry is another fabric's.</item>
/// <item>A write replaces only the writer's entries, each stamped with the writer's FabricIndex whatever it said.</item>
/// </list>
/// </summary>
public static class FabricScopedValue
{
    /// <summary>The field id of the FabricIndex in every fabric-scoped structure.</summary>
    public const byte FabricIndexField = 0xFE;

    // Control bytes: an anonymous structure, the end of a container, an unsigned 1-byte integer with a context tag.
    private const byte StructureStart = 0x15;
    private const byte EndOfContainer = 0x18;
    private const byte ContextUInt8 = 0x24;

    /// <summary>
    /// The value as a reader from <paramref name="accessingFabric"/> sees it; the same memory when nothing changes.
    /// </summary>
    /// <param name="value">The attribute's full value: a list of fabric-scoped structures, one such structure, or null.</param>
    /// <param name="accessingFabric">The reader's fabric index, 0 when none.</param>
    /// <param name="fabricFiltered">The read is fabric-filtered: other fabrics' list entries are left out.</param>
    /// <param name="sensitiveFields">The struct's fabric-sensitive field ids, left out of other fabrics' entries.</param>
    /// <exception cref="TlvException">The value is malformed.</exception>
    public static ReadOnlyMemory<byte> ForReader(ReadOnlyMemory<byte> value, byte accessingFabric, bool fabricFiltered, IReadOnlyList<byte> sensitiveFields)
    {
        ArgumentNullException.ThrowIfNull(sensitiveFields);
        var reader = new TlvReader(value.Span);
        if (!reader.Read())
        {
            return value;
        }

        if (reader.ElementType == TlvElementType.Structure)
        {
            // One fabric-scoped structure (not a list): nothing to leave out, only fields to hide.
            return FabricOf(reader) == accessingFabric && accessingFabric != 0 ? value : Redact(value.Span, sensitiveFields);
        }

        if (reader.ElementType != TlvElementType.Array)
        {
            return value; // Null, or a value of another shape: nothing is fabric-scoped in it.
        }

        var output = new ArrayBufferWriter<byte>(value.Length);
        var writer = new TlvWriter(output);
        writer.StartArray(TlvTag.Anonymous);
        var changed = false;
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            var start = reader.ElementOffset;
            var isStructure = reader.ElementType == TlvElementType.Structure;
            var fabric = isStructure ? FabricOf(reader) : null;
            reader.Skip();
            var entry = value.Span[start..reader.BytesConsumed];
            if (!isStructure || (fabric == accessingFabric && accessingFabric != 0))
            {
                writer.WriteEncoded(TlvTag.Anonymous, entry);
                continue;
            }

            changed = true;
            if (!fabricFiltered)
            {
                writer.WriteEncoded(TlvTag.Anonymous, Redact(entry, sensitiveFields).Span);
            }
        }

        if (!changed)
        {
            return value;
        }

        writer.EndContainer();
        writer.Flush();
        return output.WrittenMemory;
    }

    /// <summary>
    /// The whole list after <paramref name="writer"/>'s fabric wrote <paramref name="written"/>: other fabrics'
    /// entries as they are, then the written ones stamped with the writer's FabricIndex, kept in fabric order (a
    /// stable order: each fabric's entries as its administrator wrote them).
    /// </summary>
    /// <param name="current">The attribute's full current value (a list of fabric-scoped structures).</param>
    /// <param name="written">The written value: a list of structures.</param>
    /// <param name="writer">The writer's fabric index (not 0).</param>
    /// <exception cref="TlvException">A value is malformed, or the written value is not a list of structures.</exception>
    public static byte[] MergeWritten(ReadOnlySpan<byte> current, ReadOnlySpan<byte> written, byte writer)
    {
        var entries = new List<(byte Fabric, byte[] Bytes)>();
        foreach (var (fabric, bytes) in Entries(current, allowNull: true))
        {
            if (fabric != writer)
            {
                entries.Add((fabric, bytes));
            }
        }

        foreach (var (_, bytes) in Entries(written, allowNull: false))
        {
            entries.Add((writer, Stamp(bytes, writer)));
        }

        // List.Sort is not stable; the index keeps equal fabrics in their order.
        var ordered = new List<(byte Fabric, int Index, byte[] Bytes)>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            ordered.Add((entries[i].Fabric, i, entries[i].Bytes));
        }

        ordered.Sort(static (a, b) => a.Fabric != b.Fabric ? a.Fabric.CompareTo(b.Fabric) : a.Index.CompareTo(b.Index));
        var output = new ArrayBufferWriter<byte>(current.Length + written.Length + 8);
        var tlv = new TlvWriter(output);
        tlv.StartArray(TlvTag.Anonymous);
        foreach (var entry in ordered)
        {
            tlv.WriteEncoded(TlvTag.Anonymous, entry.Bytes);
        }

        tlv.EndContainer();
        tlv.Flush();
        return output.WrittenSpan.ToArray();
    }

    // The structures of a list value with their FabricIndex (0 when absent); a null value is an empty list.
    private static List<(byte Fabric, byte[] Bytes)> Entries(ReadOnlySpan<byte> list, bool allowNull)
    {
        var entries = new List<(byte, byte[])>();
        var reader = new TlvReader(list);
        if (!reader.Read() || (allowNull && reader.ElementType == TlvElementType.Null))
        {
            return entries;
        }

        reader.ExpectType(TlvElementType.Array, null);
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            reader.ExpectType(TlvElementType.Structure, null);
            var start = reader.ElementOffset;
            var fabric = FabricOf(reader) ?? 0;
            reader.Skip();
            entries.Add(((byte)Math.Min(fabric, byte.MaxValue), list[start..reader.BytesConsumed].ToArray()));
        }

        reader.ExpectEnd();
        return entries;
    }

    // The structure with its FabricIndex field set to the fabric (written last: it has the highest field id).
    private static byte[] Stamp(ReadOnlySpan<byte> structure, byte fabric)
    {
        var output = new ArrayBufferWriter<byte>(structure.Length + 3);
        CopyFields(structure, output, static id => id != FabricIndexField, [ContextUInt8, FabricIndexField, fabric]);
        return output.WrittenSpan.ToArray();
    }

    // Another fabric's structure: its fabric-sensitive fields left out, everything else (FabricIndex included) kept.
    private static ReadOnlyMemory<byte> Redact(ReadOnlySpan<byte> structure, IReadOnlyList<byte> sensitiveFields)
    {
        var output = new ArrayBufferWriter<byte>(structure.Length);
        CopyFields(structure, output, id => !Contains(sensitiveFields, id), []);
        return output.WrittenMemory;
    }

    // Writes an anonymous structure of the members whose context tag passes the filter (members with other tags
    // are kept), byte for byte, then the extra member bytes.
    private static void CopyFields(ReadOnlySpan<byte> structure, ArrayBufferWriter<byte> output, Func<uint, bool> keep, ReadOnlySpan<byte> extra)
    {
        var reader = new TlvReader(structure);
        reader.Read();
        reader.ExpectType(TlvElementType.Structure, null);
        output.Write([StructureStart]);
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            var start = reader.ElementOffset;
            var tag = reader.Tag;
            reader.Skip();
            if (tag.Kind != TlvTagKind.Context || keep(tag.Number))
            {
                output.Write(structure[start..reader.BytesConsumed]);
            }
        }

        output.Write(extra);
        output.Write([EndOfContainer]);
    }

    private static bool Contains(IReadOnlyList<byte> ids, uint id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The FabricIndex field of an encoded structure; null when it is no structure or has none.</summary>
    /// <exception cref="TlvException">The structure is malformed before its FabricIndex.</exception>
    internal static ulong? FabricIndexOf(ReadOnlySpan<byte> structure)
    {
        var reader = new TlvReader(structure);
        return reader.Read() && reader.ElementType == TlvElementType.Structure ? FabricOf(reader) : null;
    }

    // The FabricIndex of the structure the reader is on (a copy: the caller's reader does not move); null when it has none.
    private static ulong? FabricOf(TlvReader reader)
    {
        var depth = reader.Depth;
        while (reader.Read() && !(reader.ElementType == TlvElementType.EndOfContainer && reader.Depth < depth))
        {
            if (reader.Depth == depth && reader.Tag.IsContext(FabricIndexField) && reader.ElementType == TlvElementType.UnsignedInteger)
            {
                return reader.GetUInt64();
            }

            reader.Skip();
        }

        return null;
    }
}
