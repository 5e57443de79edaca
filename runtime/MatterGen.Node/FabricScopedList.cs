using System;
using System.Collections.Generic;
using MatterGen.Interaction;
using MatterGen.Tlv;

namespace MatterGen.Node;

/// <summary>
/// Reads of a fabric-scoped list attribute (Core Specification 7.13.6): the accessing fabric's entries in full;
/// another fabric's entry in full when it has no fabric-sensitive field, else as its FabricIndex alone; other
/// fabrics' entries left out entirely when the read is fabric-filtered.
/// </summary>
internal static class FabricScopedList
{
    /// <summary>Encodes one entry under the anonymous tag.</summary>
    public delegate void ElementEncoder<T>(ref TlvWriter writer, T element);

    /// <summary>Writes the list for <paramref name="context"/>.</summary>
    public static void Write<T>(ref TlvWriter writer, IReadOnlyList<T> entries, RequestContext context, Func<T, byte?> fabricOf, ElementEncoder<T> encode, bool hasSensitiveFields)
    {
        writer.StartArray(TlvTag.Anonymous);
        foreach (var entry in entries)
        {
            var fabric = fabricOf(entry);
            if (fabric == context.FabricIndex && fabric != 0)
            {
                encode(ref writer, entry);
            }
            else if (context.IsFabricFiltered)
            {
                continue;
            }
            else if (hasSensitiveFields)
            {
                writer.StartStructure(TlvTag.Anonymous);
                writer.WriteUnsignedInteger(TlvTag.Context(0xFE), fabric ?? 0);
                writer.EndContainer();
            }
            else
            {
                encode(ref writer, entry);
            }
        }

        writer.EndContainer();
    }
}
