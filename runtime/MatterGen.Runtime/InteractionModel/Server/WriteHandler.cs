using System;
using System.Collections.Generic;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;

namespace MatterGen.InteractionModel.Server;

/// <summary>
/// Applies the attribute data of WriteRequests (Core Specification 8.7.3): one status per path, in the order
/// the spec checks them (existence, access, writability, timing, data version), and list writes as
/// replace-all followed by appends (list index null, Core Specification 10.6.4.3.1), possibly over several
/// chunked messages of one transaction (one handler serves them all).
/// <para>
/// A list's replace-all and the appends that follow it in the same message are one write: the items are put
/// together once and the server stores the whole list once, so a list of n items costs one store, not n, and
/// either all of that message's part of the list is taken or none of it (every one of its data blocks gets the
/// same status). A part in a later chunk appends to what the earlier parts stored. Once a part of a list fails,
/// later appends to that list in the same transaction fail with the same status instead of being added to a
/// list they were not meant for.
/// </para>
/// </summary>
internal sealed class WriteHandler
{
    private readonly IDataModel model;
    private readonly AccessScope access;

    // Lists of this transaction whose last part failed, with the status it got.
    private readonly Dictionary<(ushort Endpoint, uint Cluster, uint Attribute), MatterStatus> failedLists = [];

    public WriteHandler(IDataModel model, AccessScope access)
    {
        this.model = model;
        this.access = access;
    }

    public List<AttributeStatus> Apply(WriteRequest request, bool timed)
    {
        var writes = request.WriteRequests;
        var statuses = new List<AttributeStatus>(writes.Count);
        for (var start = 0; start < writes.Count;)
        {
            var end = start + 1;
            var status = new StatusIB(Write(writes, start, ref end, timed));
            for (var i = start; i < end; i++)
            {
                var path = writes[i].Path with { EnableTagCompression = null, WildcardPathFlags = null, WildcardFilterConfigurationVersion = null };

                // A list written as replace-all and appends gets one status while they all agree, so the response
                // stays no larger than the request.
                if (statuses.Count > 0 && statuses[^1] is var previous && previous.Status == status && SameAttribute(previous.Path, path))
                {
                    continue;
                }

                statuses.Add(new AttributeStatus(path, status));
            }

            start = end;
        }

        return statuses;
    }

    private static bool IsAppend(AttributePath path) => path.ListIndex is { HasValue: true, Value: null };

    private static bool SameAttribute(AttributePath a, AttributePath b) =>
        a.Node == b.Node && a.Endpoint == b.Endpoint && a.Cluster == b.Cluster && a.Attribute == b.Attribute;

    // Writes the data block at `start`, or the list part that starts there (moving `end` past its appends).
    private MatterStatus Write(IReadOnlyList<AttributeData> writes, int start, ref int end, bool timed)
    {
        var data = writes[start];
        var listOperation = !data.Path.ListIndex.HasValue || IsAppend(data.Path);
        if (Check(data, timed, out var target) is { } refused)
        {
            return listOperation && data.Path.IsConcrete ? Remember(data.Path, refused) : refused;
        }

        if (!target.Metadata.IsList || !listOperation)
        {
            // Only appends (index null) to lists exist; item updates were removed in Matter 1.0.
            return data.Path.ListIndex.HasValue
                ? MatterStatus.InvalidAction
                : target.Server.WriteAttribute(target.Attribute, data.Data.Span, target.Context);
        }

        while (end < writes.Count && IsAppend(writes[end].Path) && SameAttribute(writes[end].Path, data.Path))
        {
            end++;
        }

        return Remember(data.Path, WriteList(writes, start, end, target, timed));
    }

    // A list's replace-all (or a first append, continuing an earlier chunk) and its appends, stored as one value.
    private MatterStatus WriteList(IReadOnlyList<AttributeData> writes, int start, int end, WriteTarget target, bool timed)
    {
        for (var i = start + 1; i < end; i++)
        {
            if (Check(writes[i], timed, out _) is { } refused)
            {
                return refused;
            }
        }

        var first = writes[start];
        ReadOnlyMemory<byte> list;
        var appendsFrom = start;
        if (!first.Path.ListIndex.HasValue)
        {
            list = first.Data;
            appendsFrom = start + 1;
        }
        else if (failedLists.TryGetValue((target.Endpoint, target.Cluster, target.Attribute), out var failed))
        {
            return failed;
        }
        else
        {
            // What the writer's earlier parts stored: of a fabric-scoped list only its own fabric's entries, which
            // the write then replaces.
            var current = target.Server.ReadAttribute(target.Attribute, target.Context with { IsFabricFiltered = true });
            if (current.Status != MatterStatus.Success)
            {
                return current.Status;
            }

            list = current.Value;
        }

        var items = new ReadOnlyMemory<byte>[end - appendsFrom];
        for (var i = appendsFrom; i < end; i++)
        {
            items[i - appendsFrom] = writes[i].Data;
        }

        try
        {
            var value = items.Length == 0 ? list : ListValue.Append(list, items);
            return target.Server.WriteAttribute(target.Attribute, value.Span, target.Context);
        }
        catch (InvalidInteractionMessageException exception)
        {
            return exception.Status;
        }
    }

    private MatterStatus Remember(AttributePath path, MatterStatus status)
    {
        var key = (path.Endpoint ?? 0, path.Cluster ?? 0, path.Attribute ?? 0);
        if (status == MatterStatus.Success)
        {
            failedLists.Remove(key);
        }
        else
        {
            failedLists[key] = status;
        }

        return status;
    }

    private readonly record struct WriteTarget(ushort Endpoint, uint Cluster, uint Attribute, ClusterServer Server, AttributeMetadata Metadata, RequestContext Context);

    // The checks every data block passes before its value is looked at, in the spec's order; null when it may be written.
    private MatterStatus? Check(AttributeData data, bool timed, out WriteTarget target)
    {
        target = default;
        var path = data.Path;
        if (!path.IsConcrete)
        {
            return MatterStatus.InvalidAction; // Wildcards are for group writes, which have no response.
        }

        var endpoint = path.Endpoint!.Value;
        var cluster = path.Cluster!.Value;
        var attribute = path.Attribute!.Value;
        if (model.FindServer(endpoint, cluster) is not { } server)
        {
            return Paths.AttributePathExpander.MissingClusterStatus(model, endpoint);
        }

        if (GlobalAttributes.IsGlobal(attribute))
        {
            return access.Allows(endpoint, cluster, Privilege.View) ? MatterStatus.UnsupportedWrite : MatterStatus.UnsupportedAccess;
        }

        if (server.Description.FindAttribute(attribute) is not { } metadata)
        {
            return MatterStatus.UnsupportedAttribute;
        }

        if (!access.Allows(endpoint, cluster, metadata.IsWritable ? metadata.WritePrivilege : metadata.ReadPrivilege))
        {
            return MatterStatus.UnsupportedAccess;
        }

        if (!metadata.IsWritable)
        {
            return MatterStatus.UnsupportedWrite;
        }

        if (metadata.MustUseTimedWrite && !timed)
        {
            return MatterStatus.NeedsTimedInteraction;
        }

        if (data.DataVersion is { } version && version != server.DataVersion)
        {
            return MatterStatus.DataVersionMismatch;
        }

        target = new WriteTarget(endpoint, cluster, attribute, server, metadata, access.ContextFor(endpoint, cluster, timed));
        return null;
    }
}
