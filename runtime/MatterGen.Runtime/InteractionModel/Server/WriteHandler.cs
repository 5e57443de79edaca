using System.Collections.Generic;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;

namespace MatterGen.InteractionModel.Server;

/// <summary>
/// Applies the attribute data of WriteRequests (Core Specification 8.7.3): one status per path, in the order
/// the spec checks them (existence, access, writability, timing, data version), and list writes as
/// replace-all followed by appends (list index null), possibly over several chunked messages.
/// </summary>
internal sealed class WriteHandler
{
    private readonly IDataModel model;
    private readonly AccessScope access;

    public WriteHandler(IDataModel model, AccessScope access)
    {
        this.model = model;
        this.access = access;
    }

    public List<AttributeStatus> Apply(WriteRequest request, bool timed)
    {
        var statuses = new List<AttributeStatus>(request.WriteRequests.Count);
        foreach (var data in request.WriteRequests)
        {
            var path = data.Path with { EnableTagCompression = null, WildcardPathFlags = null, WildcardFilterConfigurationVersion = null };
            var status = new StatusIB(Write(data, timed));

            // A list written as replace-all and appends gets one status while they all agree, so the response
            // stays no larger than the request.
            if (statuses.Count > 0 && statuses[^1] is var previous && previous.Status == status && SameAttribute(previous.Path, path))
            {
                continue;
            }

            statuses.Add(new AttributeStatus(path, status));
        }

        return statuses;
    }

    private static bool SameAttribute(AttributePath a, AttributePath b) =>
        a.Node == b.Node && a.Endpoint == b.Endpoint && a.Cluster == b.Cluster && a.Attribute == b.Attribute;

    private MatterStatus Write(AttributeData data, bool timed)
    {
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

        var context = access.ContextFor(endpoint, cluster, timed);
        if (!path.ListIndex.HasValue)
        {
            return server.WriteAttribute(attribute, data.Data.Span, context);
        }

        if (!metadata.IsList || path.ListIndex.Value is not null)
        {
            return MatterStatus.InvalidAction; // Only appends (index null) to lists exist; item updates were removed in Matter 1.0.
        }

        var current = server.ReadAttribute(attribute, context);
        if (current.Status != MatterStatus.Success)
        {
            return current.Status;
        }

        try
        {
            return server.WriteAttribute(attribute, ListValue.Append(current.Value, [data.Data]), context);
        }
        catch (InvalidInteractionMessageException exception)
        {
            return exception.Status;
        }
    }
}
