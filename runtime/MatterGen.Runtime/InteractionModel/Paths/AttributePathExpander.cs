using System.Collections.Generic;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Server;

namespace MatterGen.InteractionModel.Paths;

/// <summary>One existing attribute of one cluster instance, as a read path expands to.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Server">The cluster server.</param>
/// <param name="Attribute">The attribute id.</param>
internal readonly record struct ConcreteAttribute(ushort Endpoint, ClusterServer Server, uint Attribute);

/// <summary>
/// Expands attribute paths over a data model (Core Specification 8.9.2.2 and 8.4.3.2). A concrete path to
/// something absent or denied gets its status (UNSUPPORTED_ENDPOINT, _CLUSTER, _ATTRIBUTE, _ACCESS); a wildcard
/// silently skips what is absent, what the subject may not read, and what its WildcardPathFlags exclude.
/// </summary>
internal static class AttributePathExpander
{
    /// <summary>The diagnostics clusters (General, Software, Thread, Wi-Fi, Ethernet Diagnostics; Diagnostic Logs).</summary>
    private static bool IsDiagnostics(uint cluster) => cluster is >= 0x0032 and <= 0x0037;

    /// <summary>Manufacturer-specific ids carry a vendor prefix in the upper 16 bits.</summary>
    private static bool IsCustom(uint id) => id >> 16 != 0;

    /// <summary>
    /// Throws INVALID_ACTION for a path no read may carry: a list index, or a concrete non-global attribute on a
    /// wildcard cluster (its id means nothing without the cluster).
    /// </summary>
    public static void Validate(AttributePath path)
    {
        if (path.ListIndex.HasValue)
        {
            throw new InvalidInteractionMessageException("A read path cannot carry a list index.");
        }

        if (path.Cluster is null && path.Attribute is { } attribute && !GlobalAttributes.IsGlobal(attribute))
        {
            throw new InvalidInteractionMessageException($"Attribute 0x{attribute:X4} is not global, so it needs a cluster.");
        }
    }

    /// <summary>Adds what <paramref name="path"/> names to <paramref name="into"/>; returns the status of a concrete path that names nothing readable.</summary>
    public static StatusIB? Expand(IDataModel model, AccessScope access, AttributePath path, List<ConcreteAttribute> into)
    {
        if (path.IsConcrete)
        {
            return ExpandConcrete(model, access, path.Endpoint!.Value, path.Cluster!.Value, path.Attribute!.Value, into);
        }

        var flags = (WildcardPathFlags)(path.WildcardPathFlags ?? 0);
        if (path.Endpoint is { } endpoint)
        {
            ExpandEndpoint(model, access, endpoint, path, flags, into);
        }
        else
        {
            foreach (var each in model.Endpoints)
            {
                if (each != 0 || (flags & WildcardPathFlags.SkipRootNode) == 0)
                {
                    ExpandEndpoint(model, access, each, path, flags, into);
                }
            }
        }

        return null;
    }

    /// <summary>The privilege a read of the attribute needs.</summary>
    public static Privilege ReadPrivilege(ClusterServer server, uint attribute) =>
        server.Description.FindAttribute(attribute)?.ReadPrivilege ?? Privilege.View;

    /// <summary>True when the server has the attribute (a global one or one of its cluster's).</summary>
    public static bool Has(ClusterServer server, uint attribute) =>
        GlobalAttributes.IsGlobal(attribute) || server.Description.FindAttribute(attribute) is not null;

    private static StatusIB? ExpandConcrete(IDataModel model, AccessScope access, ushort endpoint, uint cluster, uint attribute, List<ConcreteAttribute> into)
    {
        if (model.FindServer(endpoint, cluster) is not { } server)
        {
            return new StatusIB(MissingClusterStatus(model, endpoint));
        }

        if (!Has(server, attribute))
        {
            return new StatusIB(MatterStatus.UnsupportedAttribute);
        }

        if (!access.Allows(endpoint, cluster, ReadPrivilege(server, attribute)))
        {
            return new StatusIB(MatterStatus.UnsupportedAccess);
        }

        into.Add(new ConcreteAttribute(endpoint, server, attribute));
        return null;
    }

    private static void ExpandEndpoint(IDataModel model, AccessScope access, ushort endpoint, AttributePath path, WildcardPathFlags flags, List<ConcreteAttribute> into)
    {
        if (path.Cluster is { } cluster)
        {
            if (model.FindServer(endpoint, cluster) is { } server)
            {
                ExpandCluster(access, endpoint, server, path.Attribute, flags, into);
            }

            return;
        }

        foreach (var server in model.ServersOn(endpoint))
        {
            var id = server.Description.ClusterId;
            if ((flags & WildcardPathFlags.SkipDiagnosticsClusters) != 0 && IsDiagnostics(id)
                || (flags & WildcardPathFlags.SkipCustomElements) != 0 && IsCustom(id))
            {
                continue;
            }

            ExpandCluster(access, endpoint, server, path.Attribute, flags, into);
        }
    }

    private static void ExpandCluster(AccessScope access, ushort endpoint, ClusterServer server, uint? attribute, WildcardPathFlags flags, List<ConcreteAttribute> into)
    {
        var cluster = server.Description.ClusterId;
        if (attribute is { } id)
        {
            if (Has(server, id) && access.Allows(endpoint, cluster, ReadPrivilege(server, id)))
            {
                into.Add(new ConcreteAttribute(endpoint, server, id));
            }

            return;
        }

        foreach (var metadata in server.Description.Attributes)
        {
            if (Skipped(metadata, flags) || !access.Allows(endpoint, cluster, metadata.ReadPrivilege))
            {
                continue;
            }

            into.Add(new ConcreteAttribute(endpoint, server, metadata.Id));
        }

        if ((flags & WildcardPathFlags.SkipGlobalAttributes) != 0 || !access.Allows(endpoint, cluster, Privilege.View))
        {
            return;
        }

        foreach (var global in GlobalAttributes.Ids)
        {
            if (global == GlobalAttributes.AttributeList && (flags & WildcardPathFlags.SkipAttributeList) != 0
                || global is GlobalAttributes.AcceptedCommandList or GlobalAttributes.GeneratedCommandList && (flags & WildcardPathFlags.SkipCommandLists) != 0)
            {
                continue;
            }

            into.Add(new ConcreteAttribute(endpoint, server, global));
        }
    }

    private static bool Skipped(AttributeMetadata metadata, WildcardPathFlags flags) =>
        (flags & WildcardPathFlags.SkipCustomElements) != 0 && IsCustom(metadata.Id)
        || (flags & WildcardPathFlags.SkipFixedAttributes) != 0 && (metadata.Quality & AttributeQuality.Fixed) != 0
        || (flags & WildcardPathFlags.SkipChangesOmittedAttributes) != 0 && (metadata.Quality & AttributeQuality.ChangesOmitted) != 0;

    /// <summary>Why a concrete path's cluster is not there: the endpoint is absent, or only the cluster is.</summary>
    public static MatterStatus MissingClusterStatus(IDataModel model, ushort endpoint)
    {
        foreach (var each in model.Endpoints)
        {
            if (each == endpoint)
            {
                return MatterStatus.UnsupportedCluster;
            }
        }

        return MatterStatus.UnsupportedEndpoint;
    }
}
