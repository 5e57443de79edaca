using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MatterGen.Interaction;
using MatterGen.Tlv;
using Keys = MatterGen.Node.Clusters.GroupKeyManagement;

namespace MatterGen.Node.GroupKeys;

/// <summary>
/// Every fabric's key sets, epoch keys included: state outside the attributes, enlisted in the server's
/// transactions (a refused command leaves it as it was) and saved in the node's attribute store when a
/// transaction that changed it commits. The store keeps it under an id no attribute can have.
/// </summary>
internal sealed class GroupKeySetTable : ITransactionalState
{
    /// <summary>Where the table lives in the attribute store: outside the attribute id space (its top bits are not a vendor prefix a cluster uses).</summary>
    public const uint StorageId = 0xFFFF_FF3F;

    private const byte FabricTag = 0;
    private const byte SetTag = 1;

    private readonly IAttributeStore? store;
    private readonly ushort endpoint;
    private ImmutableSortedDictionary<(byte Fabric, ushort Id), Keys.GroupKeySetStruct> sets = ImmutableSortedDictionary<(byte, ushort), Keys.GroupKeySetStruct>.Empty;

    /// <summary>Loads the table from <paramref name="store"/>; a saved table that no longer decodes is dropped.</summary>
    public GroupKeySetTable(IAttributeStore? store, ushort endpoint)
    {
        this.store = store;
        this.endpoint = endpoint;
        if (store is not null && store.TryLoad(endpoint, Keys.ClusterId, StorageId, out var saved))
        {
            try
            {
                sets = Decode(saved.Span);
            }
            catch (TlvException)
            {
                // Written by an older build in another form: the fabrics' IPKs come back with their next AddNOC.
            }
        }
    }

    /// <summary>The set <paramref name="id"/> of a fabric, if it has one.</summary>
    public Keys.GroupKeySetStruct? Find(byte fabric, ushort id) => sets.GetValueOrDefault((fabric, id));

    /// <summary>The ids of a fabric's sets, in ascending order.</summary>
    public IReadOnlyList<ushort> IdsOf(byte fabric) => sets.Keys.Where(key => key.Fabric == fabric).Select(key => key.Id).ToArray();

    /// <summary>Stores a set, replacing the fabric's set with the same id.</summary>
    public void Put(byte fabric, Keys.GroupKeySetStruct set) => sets = sets.SetItem((fabric, set.GroupKeySetID), set);

    /// <summary>Removes a set; false when the fabric has none with that id.</summary>
    public bool Remove(byte fabric, ushort id)
    {
        var before = sets;
        sets = sets.Remove((fabric, id));
        return !ReferenceEquals(before, sets);
    }

    /// <summary>Forgets every set of a fabric.</summary>
    public void RemoveFabric(byte fabric) => sets = sets.RemoveRange(sets.Keys.Where(key => key.Fabric == fabric).ToArray());

    /// <inheritdoc/>
    public object Capture() => sets;

    /// <inheritdoc/>
    public void Commit(object snapshot)
    {
        if (store is not null && !ReferenceEquals(snapshot, sets))
        {
            store.Save(endpoint, Keys.ClusterId, StorageId, Encode(sets));
        }
    }

    /// <inheritdoc/>
    public void Restore(object snapshot) => sets = (ImmutableSortedDictionary<(byte, ushort), Keys.GroupKeySetStruct>)snapshot;

    private static byte[] Encode(ImmutableSortedDictionary<(byte Fabric, ushort Id), Keys.GroupKeySetStruct> table)
    {
        var output = new ArrayBufferWriter<byte>(64 * Math.Max(1, table.Count));
        var writer = new TlvWriter(output);
        writer.StartArray(TlvTag.Anonymous);
        foreach (var ((fabric, _), set) in table)
        {
            writer.StartStructure(TlvTag.Anonymous);
            writer.WriteUnsignedInteger(TlvTag.Context(FabricTag), fabric);
            set.Encode(ref writer, TlvTag.Context(SetTag));
            writer.EndContainer();
        }

        writer.EndContainer();
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }

    private static ImmutableSortedDictionary<(byte, ushort), Keys.GroupKeySetStruct> Decode(ReadOnlySpan<byte> saved)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<(byte, ushort), Keys.GroupKeySetStruct>();
        var reader = new TlvReader(saved);
        if (!reader.Read())
        {
            throw TlvException.MissingField("key sets", 0);
        }

        reader.ExpectType(TlvElementType.Array);
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            reader.ExpectType(TlvElementType.Structure);
            byte? fabric = null;
            Keys.GroupKeySetStruct? set = null;
            while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
            {
                if (reader.Tag == TlvTag.Context(FabricTag))
                {
                    fabric = reader.GetByte();
                }
                else if (reader.Tag == TlvTag.Context(SetTag))
                {
                    set = Keys.GroupKeySetStruct.Decode(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (fabric is { } index && set is not null)
            {
                builder[(index, set.GroupKeySetID)] = set;
            }
        }

        return builder.ToImmutable();
    }
}
