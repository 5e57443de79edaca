using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Interaction;
using MatterGen.Tlv;
using Keys = MatterGen.Node.Clusters.GroupKeyManagement;

namespace MatterGen.Node.GroupKeys;

/// <summary>
/// The Group Key Management server of the root endpoint. GroupKeyMap and GroupTable are fabric-scoped lists: a read
/// shows every fabric's entries (they have no fabric-sensitive field) or, fabric-filtered, the accessing fabric's
/// alone; a GroupKeyMap write replaces only the accessing fabric's entries. <see cref="GroupKeyManagementDevice"/> runs it.
/// </summary>
[MatterServer("Group Key Management")]
public partial class GroupKeyManagementServer : IFabricRemovalListener
{
    private const uint GroupKeyMapAttribute = 0x0000;
    private const uint GroupTableAttribute = 0x0001;

    /// <summary>The device behind the server, when it is the node's own.</summary>
    public GroupKeyManagementDevice? Device => driver as GroupKeyManagementDevice;

    /// <summary>The GroupKeyMap entries of one fabric, in order.</summary>
    public IReadOnlyList<Keys.GroupKeyMapStruct> GroupKeyMapOf(byte fabricIndex)
    {
        lock (SyncRoot)
        {
            return GroupKeyMap.Where(entry => entry.FabricIndex == fabricIndex).ToArray();
        }
    }

    /// <summary>
    /// Replaces the GroupKeyMap entries of one fabric, as a write by that fabric does: CONSTRAINT_ERROR for group id 0,
    /// a mapping to the IPK's set 0 or the same mapping twice, RESOURCE_EXHAUSTED beyond MaxGroupsPerFabric; on any
    /// failure nothing changes.
    /// </summary>
    public MatterStatus ReplaceGroupKeyMap(byte fabricIndex, IReadOnlyList<Keys.GroupKeyMapStruct> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (fabricIndex == 0)
        {
            return MatterStatus.UnsupportedAccess; // A fabric-scoped list needs an accessing fabric.
        }

        lock (SyncRoot)
        {
            if (entries.Count > MaxGroupsPerFabric)
            {
                return MatterStatus.ResourceExhausted;
            }

            var seen = new HashSet<(ushort, ushort)>();
            foreach (var entry in entries)
            {
                if (entry.GroupId == 0 || entry.GroupKeySetID == GroupKeyRules.IpkKeySetId || !seen.Add((entry.GroupId, entry.GroupKeySetID)))
                {
                    return MatterStatus.ConstraintError;
                }
            }

            GroupKeyMap = ReplaceOf(GroupKeyMap, fabricIndex, entries.Select(entry => entry with { FabricIndex = fabricIndex }), static entry => entry.FabricIndex);
            return MatterStatus.Success;
        }
    }

    /// <summary>
    /// Replaces the GroupTable entries of one fabric (what a Groups cluster keeps current): RESOURCE_EXHAUSTED beyond
    /// MaxGroupsPerFabric, CONSTRAINT_ERROR for group id 0 or a group listed twice; on any failure nothing changes.
    /// </summary>
    public MatterStatus ReplaceGroupTable(byte fabricIndex, IReadOnlyList<Keys.GroupInfoMapStruct> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (fabricIndex == 0)
        {
            return MatterStatus.UnsupportedAccess;
        }

        lock (SyncRoot)
        {
            if (groups.Count > MaxGroupsPerFabric)
            {
                return MatterStatus.ResourceExhausted;
            }

            if (groups.Any(group => group.GroupId == 0) || groups.Select(group => group.GroupId).Distinct().Count() != groups.Count)
            {
                return MatterStatus.ConstraintError;
            }

            GroupTable = ReplaceOf(GroupTable, fabricIndex, groups.Select(group => group with { FabricIndex = fabricIndex }), static group => group.FabricIndex);
            return MatterStatus.Success;
        }
    }

    /// <inheritdoc/>
    void IFabricRemovalListener.RemoveFabric(byte fabricIndex) => Device?.RemoveFabric(fabricIndex);

    /// <inheritdoc/>
    protected override MatterStatus StoreWrittenValue(uint attributeId, ref TlvReader reader, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (attributeId != GroupKeyMapAttribute)
        {
            return StoreAttributeValue(attributeId, ref reader);
        }

        var written = Keys.AttributeCodecs.DecodeGroupKeyMap(ref reader);
        reader.ExpectEnd();
        return ReplaceGroupKeyMap(context.FabricIndex, written);
    }

    /// <inheritdoc/>
    protected override void WriteAttributeValue(uint attributeId, ref TlvWriter writer, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsFabricFiltered || attributeId is not (GroupKeyMapAttribute or GroupTableAttribute))
        {
            WriteAttributeValue(attributeId, ref writer);
            return;
        }

        // Fabric-filtered: the accessing fabric's entries alone (none without an accessing fabric).
        if (attributeId == GroupKeyMapAttribute)
        {
            Keys.AttributeCodecs.EncodeGroupKeyMap(ref writer, TlvTag.Anonymous, GroupKeyMap.Where(entry => entry.FabricIndex == context.FabricIndex && context.FabricIndex != 0).ToArray());
        }
        else
        {
            Keys.AttributeCodecs.EncodeGroupTable(ref writer, TlvTag.Anonymous, GroupTable.Where(group => group.FabricIndex == context.FabricIndex && context.FabricIndex != 0).ToArray());
        }
    }

    // Other fabrics' entries stay; the list is kept in fabric order, each fabric's entries as written.
    private static T[] ReplaceOf<T>(IReadOnlyList<T> all, byte fabricIndex, IEnumerable<T> replacement, Func<T, byte?> fabricOf) =>
        all.Where(entry => fabricOf(entry) != fabricIndex).Concat(replacement).OrderBy(entry => fabricOf(entry) ?? 0).ToArray();
}
