using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.Transport.Fabrics;
using Keys = MatterGen.Node.Clusters.GroupKeyManagement;

namespace MatterGen.Node.GroupKeys;

/// <summary>
/// Group Key Management (Core Specification 11.2): each fabric's key sets, written, read (never with their keys),
/// listed and removed by that fabric's administrators, among them set 0, the fabric's identity protection key,
/// which AddNOC writes through <see cref="SetIpk"/>, KeySetWrite replaces (in the <see cref="Fabrics"/> CASE uses too)
/// and nobody removes; GroupKeyMap and GroupTable, fabric-scoped;
/// the limits per fabric. Key sets and both lists survive restarts through the node's attribute store, and a
/// removed fabric leaves nothing behind (<see cref="RemoveFabric"/>, which <see cref="MatterNode.LeaveFabric"/> calls).
/// </summary>
public sealed class GroupKeyManagementDevice : IGroupKeyManagementServerDriver
{
    private readonly GroupKeySetTable keySets;

    /// <summary>Creates the cluster with the key sets and lists the store kept.</summary>
    /// <param name="serverOptions">The server's endpoint (0), clock and store.</param>
    /// <param name="limits">The limits per fabric; defaults: 4 groups, 3 key sets (the IPK's among them).</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit outside what the specification allows.</exception>
    public GroupKeyManagementDevice(ClusterServerOptions? serverOptions = null, GroupKeyManagementLimits? limits = null)
    {
        limits ??= new GroupKeyManagementLimits();
        limits.Validate();
        serverOptions ??= new ClusterServerOptions { Endpoint = 0 };
        keySets = new GroupKeySetTable(serverOptions.Store, serverOptions.Endpoint);
        Server = new GroupKeyManagementServer(this, serverOptions);
        Server.MaxGroupsPerFabric = limits.MaxGroupsPerFabric;
        Server.MaxGroupKeysPerFabric = limits.MaxGroupKeysPerFabric;
        Server.Enlist(keySets);
    }

    /// <summary>The cluster server: clients talk to this.</summary>
    public GroupKeyManagementServer Server { get; }

    /// <summary>
    /// The node's fabric table, whose IPK key sets CASE uses: a KeySetWrite of set 0 replaces the accessing fabric's
    /// there too (<see cref="FabricTable.ReplaceIpk"/>). Without it a KeySetWrite of set 0 is refused with
    /// INVALID_COMMAND, since the new IPK would show here while CASE kept using the old one.
    /// </summary>
    public FabricTable? Fabrics { get; set; }

    /// <summary>
    /// Writes the fabric's IPK as key set 0 (TrustFirst, one epoch key starting at 0), replacing the one before: what
    /// AddNOC and UpdateNOC do with their IPKValue. Saved before it returns.
    /// </summary>
    /// <exception cref="ArgumentException">The key is not 16 bytes, or the fabric index is 0.</exception>
    public void SetIpk(byte fabricIndex, ReadOnlySpan<byte> epochKey)
    {
        if (fabricIndex == 0)
        {
            throw new ArgumentException("Fabric index 0 names no fabric.", nameof(fabricIndex));
        }

        if (epochKey.Length != GroupKeyRules.EpochKeyLength)
        {
            throw new ArgumentException($"An IPK epoch key has {GroupKeyRules.EpochKeyLength} bytes.", nameof(epochKey));
        }

        var set = new Keys.GroupKeySetStruct
        {
            GroupKeySetID = GroupKeyRules.IpkKeySetId,
            GroupKeySecurityPolicy = Keys.GroupKeySecurityPolicyEnum.TrustFirst,
            EpochKey0 = epochKey.ToArray(),
            EpochStartTime0 = new EpochMicroseconds(0),
            EpochKey1 = null,
            EpochStartTime1 = null,
            EpochKey2 = null,
            EpochStartTime2 = null,
        };
        Server.Atomically(() => keySets.Put(fabricIndex, set));
    }

    /// <summary>The fabric's key set <paramref name="keySetId"/> with its keys (for the node's own group messaging), if it has one.</summary>
    public Keys.GroupKeySetStruct? FindKeySet(byte fabricIndex, ushort keySetId)
    {
        lock (Server.SyncRoot)
        {
            return keySets.Find(fabricIndex, keySetId);
        }
    }

    /// <summary>Forgets a removed fabric: its key sets (the IPK too), GroupKeyMap and GroupTable entries.</summary>
    public void RemoveFabric(byte fabricIndex) => Server.Atomically(() =>
    {
        keySets.RemoveFabric(fabricIndex);
        Server.GroupKeyMap = [.. Server.GroupKeyMap.Where(entry => entry.FabricIndex != fabricIndex)];
        Server.GroupTable = [.. Server.GroupTable.Where(group => group.FabricIndex != fabricIndex)];
    });

    /// <summary>
    /// KeySetWrite: the rules of <see cref="GroupKeyRules.Check"/>, then RESOURCE_EXHAUSTED when a new set would pass
    /// MaxGroupKeysPerFabric; a set with a known id replaces it. Set 0, the IPK's (Core Specification 11.2.7.1 and
    /// 11.2.5.4: reserved for the IPK, refused only by KeySetRemove and GroupKeyMap), follows the same rules, always
    /// counts as present, and also replaces the fabric's IPK key set in <see cref="Fabrics"/>, effective for the next
    /// CASE handshake; an expiring fail-safe does not undo it (no KeySetWrite is fail-safe-scoped; connectedhomeip
    /// alike), though a fabric the fail-safe added goes with its keys. FAILURE when that cannot be saved, and then
    /// nothing changed.
    /// </summary>
    public ValueTask KeySetWriteAsync(Keys.KeySetWriteRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fabric = AccessingFabric(context);
        var status = GroupKeyRules.Check(request.GroupKeySet);
        if (status != MatterStatus.Success)
        {
            throw new MatterStatusException(status, "The key set breaks the rules of KeySetWrite.");
        }

        var isIpk = request.GroupKeySet.GroupKeySetID == GroupKeyRules.IpkKeySetId;
        var ipkTable = isIpk
            ? Fabrics ?? throw new MatterStatusException(MatterStatus.InvalidCommand, "This node's IPK is not managed through Group Key Management.")
            : null;

        // Every fabric has its IPK set (AddNOC), so writing set 0 never adds one.
        var ids = keySets.IdsOf(fabric);
        if (!isIpk && keySets.Find(fabric, request.GroupKeySet.GroupKeySetID) is null && ids.Count >= Server.MaxGroupKeysPerFabric)
        {
            throw new MatterStatusException(MatterStatus.ResourceExhausted, $"The fabric has its {Server.MaxGroupKeysPerFabric} key sets already.");
        }

        var stored = request.GroupKeySet with { EpochKey0 = Copy(request.GroupKeySet.EpochKey0), EpochKey1 = Copy(request.GroupKeySet.EpochKey1), EpochKey2 = Copy(request.GroupKeySet.EpochKey2) };
        keySets.Put(fabric, stored);
        if (ipkTable is not null)
        {
            // Last, so that a refusal here undoes the Put with the rest of the command's transaction.
            ReplaceIpk(ipkTable, fabric, stored);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>KeySetRead: the set with every key null; NOT_FOUND when the fabric has no such set.</summary>
    public ValueTask<Keys.KeySetReadResponse> KeySetReadAsync(Keys.KeySetReadRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var set = keySets.Find(AccessingFabric(context), request.GroupKeySetID)
            ?? throw new MatterStatusException(MatterStatus.NotFound, $"No key set {request.GroupKeySetID}.");
        return ValueTask.FromResult(new Keys.KeySetReadResponse { GroupKeySet = GroupKeyRules.WithoutKeys(set) });
    }

    /// <summary>
    /// KeySetRemove: INVALID_COMMAND for the IPK's set 0, NOT_FOUND for an unknown id; the GroupKeyMap entries that
    /// used the set go with it.
    /// </summary>
    public ValueTask KeySetRemoveAsync(Keys.KeySetRemoveRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fabric = AccessingFabric(context);
        if (request.GroupKeySetID == GroupKeyRules.IpkKeySetId)
        {
            throw new MatterStatusException(MatterStatus.InvalidCommand, "The IPK's key set cannot be removed.");
        }

        if (!keySets.Remove(fabric, request.GroupKeySetID))
        {
            throw new MatterStatusException(MatterStatus.NotFound, $"No key set {request.GroupKeySetID}.");
        }

        Server.GroupKeyMap = [.. Server.GroupKeyMap.Where(entry => entry.FabricIndex != fabric || entry.GroupKeySetID != request.GroupKeySetID)];
        return ValueTask.CompletedTask;
    }

    /// <summary>KeySetReadAllIndices: the ids of the accessing fabric's sets, the IPK's 0 included.</summary>
    public ValueTask<Keys.KeySetReadAllIndicesResponse> KeySetReadAllIndicesAsync(Keys.KeySetReadAllIndicesRequest request, RequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new Keys.KeySetReadAllIndicesResponse { GroupKeySetIDs = keySets.IdsOf(AccessingFabric(context)) });

    // The commands are fabric-scoped: they act on the accessing fabric's sets, so a session without one has none.
    private static byte AccessingFabric(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.FabricIndex != 0
            ? context.FabricIndex
            : throw new MatterStatusException(MatterStatus.UnsupportedAccess, "Key sets belong to a fabric; this session has none.");
    }

    // The checked set's keys, oldest start time first (Check makes the start times increase with the slot).
    private static void ReplaceIpk(FabricTable fabricTable, byte fabric, Keys.GroupKeySetStruct set)
    {
        ReadOnlyMemory<byte>[] epochKeys = [.. new[] { set.EpochKey0, set.EpochKey1, set.EpochKey2 }.OfType<ReadOnlyMemory<byte>>()];
        try
        {
            fabricTable.ReplaceIpk(fabric, epochKeys);
        }
        catch (Exception error) when (error is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new MatterStatusException(MatterStatus.Failure, $"The IPK of fabric {fabric} could not be replaced: {error.Message}");
        }
    }

    // The request's bytes may be a view into a message buffer: the stored key owns its copy. An absent key stays
    // null, typed as such: a bare null would convert through byte[] into an empty, non-null key.
    private static ReadOnlyMemory<byte>? Copy(ReadOnlyMemory<byte>? key) => key is { } present ? present.ToArray() : default(ReadOnlyMemory<byte>?);
}
