using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Interaction;
using MatterGen.Messaging;
using MatterGen.Node.Clusters;
using MatterGen.Tlv;
using Entry = MatterGen.Node.Clusters.AccessControl.AccessControlEntryStruct;
using Extension = MatterGen.Node.Clusters.AccessControl.AccessControlExtensionStruct;

namespace MatterGen.Node.Access;

/// <summary>
/// The Access Control server of the root endpoint, with the Extension feature. Its ACL and Extension lists are
/// fabric-scoped: a write replaces only the accessing fabric's entries (after checking every rule and limit, so
/// a refused write changes nothing), a read shows other fabrics' entries without their fabric-sensitive fields
/// (or not at all when fabric-filtered; the server base does this for every fabric-scoped attribute), and every added, changed or removed entry is announced with an
/// AccessControlEntryChanged or AccessControlExtensionChanged event naming the administrator. Make it with the
/// constructor that takes <see cref="AccessControlLimits"/>: the limits are fixed attributes with no default.
/// </summary>
[MatterServer("Access Control", Features = "Extension")]
public partial class AccessControlServer
{
    private const uint AclAttribute = 0x0000;
    private const uint ExtensionAttribute = 0x0001;

    /// <summary>Creates the server with the limits it publishes (and enforces).</summary>
    public AccessControlServer(ClusterServerOptions? options, AccessControlLimits limits)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        SubjectsPerAccessControlEntry = limits.SubjectsPerEntry;
        TargetsPerAccessControlEntry = limits.TargetsPerEntry;
        AccessControlEntriesPerFabric = limits.EntriesPerFabric;
    }

    /// <summary>The ACL entries of one fabric, in order.</summary>
    public IReadOnlyList<Entry> EntriesOf(byte fabricIndex)
    {
        lock (SyncRoot)
        {
            return AccessControlEntryRules.OfFabric(ACL, fabricIndex, static entry => entry.FabricIndex);
        }
    }

    /// <summary>
    /// Replaces the ACL entries of one fabric, as a write by <paramref name="author"/> does: every entry is checked
    /// first (CONSTRAINT_ERROR, RESOURCE_EXHAUSTED), and on any failure nothing changes.
    /// </summary>
    public MatterStatus ReplaceEntries(byte fabricIndex, IReadOnlyList<Entry> entries, SubjectDescriptor? author = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (SyncRoot)
        {
            return Replace(
                fabricIndex,
                entries,
                AccessControlEntriesPerFabric,
                entry => AccessControlEntryRules.Check(entry, SubjectsPerAccessControlEntry, TargetsPerAccessControlEntry),
                // The server owns the fabric index; auxiliary entries are the server's own, never written.
                entry => entry with { FabricIndex = fabricIndex, AuxiliaryType = null },
                static entry => entry.FabricIndex,
                ACL,
                value => ACL = value,
                (change, latest) => EmitAccessControlEntryChanged(new AccessControl.AccessControlEntryChangedEvent
                {
                    AdminNodeID = AdminNode(author),
                    AdminPasscodeID = AdminPasscode(author),
                    ChangeType = change,
                    LatestValue = latest,
                    FabricIndex = fabricIndex,
                }));
        }
    }

    /// <summary>
    /// Replaces the extension entry of one fabric (at most one per fabric; its data a TLV list of fully-qualified
    /// elements), as a write by <paramref name="author"/> does; on any failure nothing changes.
    /// </summary>
    public MatterStatus ReplaceExtensions(byte fabricIndex, IReadOnlyList<Extension> extensions, SubjectDescriptor? author = null)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        lock (SyncRoot)
        {
            return Replace(
                fabricIndex,
                extensions,
                AccessControlEntryRules.ExtensionsPerFabric,
                AccessControlEntryRules.CheckExtension,
                extension => extension with { FabricIndex = fabricIndex },
                static extension => extension.FabricIndex,
                Extension,
                value => Extension = value,
                (change, latest) => EmitAccessControlExtensionChanged(new AccessControl.AccessControlExtensionChangedEvent
                {
                    AdminNodeID = AdminNode(author),
                    AdminPasscodeID = AdminPasscode(author),
                    ChangeType = change,
                    LatestValue = latest,
                    FabricIndex = fabricIndex,
                }));
        }
    }

    /// <summary>
    /// Adds the administrator entry AddNOC creates for a new fabric (Core Specification 11.18.6.8): Administer
    /// over CASE for <paramref name="caseAdminSubject"/> (a node id or a CAT), on every target.
    /// </summary>
    public MatterStatus AddAdministrator(byte fabricIndex, ulong caseAdminSubject, SubjectDescriptor? author = null)
    {
        lock (SyncRoot)
        {
            var entries = EntriesOf(fabricIndex).Append(new Entry
            {
                Privilege = AccessControl.AccessControlEntryPrivilegeEnum.Administer,
                AuthMode = AccessControl.AccessControlEntryAuthModeEnum.CASE,
                Subjects = [caseAdminSubject],
                Targets = null,
            }).ToArray();
            return ReplaceEntries(fabricIndex, entries, author);
        }
    }

    /// <summary>Forgets a fabric that left: its ACL and extension entries go, silently (nobody of that fabric is left to read an event).</summary>
    public void RemoveFabric(byte fabricIndex)
    {
        lock (SyncRoot)
        {
            ACL = ACL.Where(entry => entry.FabricIndex != fabricIndex).ToArray();
            Extension = Extension.Where(extension => extension.FabricIndex != fabricIndex).ToArray();
        }
    }

    /// <inheritdoc/>
    protected override MatterStatus StoreWrittenValue(uint attributeId, ref TlvReader reader, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (attributeId)
        {
            case AclAttribute:
            {
                var written = AccessControl.AttributeCodecs.DecodeACL(ref reader);
                reader.ExpectEnd();
                return ReplaceEntries(context.FabricIndex, written, context.Subject);
            }

            case ExtensionAttribute:
            {
                var written = AccessControl.AttributeCodecs.DecodeExtension(ref reader);
                reader.ExpectEnd();
                return ReplaceExtensions(context.FabricIndex, written, context.Subject);
            }

            default:
                return StoreAttributeValue(attributeId, ref reader);
        }
    }

    // Checks every written entry before anything changes, then swaps the fabric's entries in and announces each
    // change. Runs under the server's lock.
    private static MatterStatus Replace<T>(
        byte fabricIndex,
        IReadOnlyList<T> written,
        int limit,
        Func<T, MatterStatus> check,
        Func<T, T> stamp,
        Func<T, byte?> fabricOf,
        IReadOnlyList<T> current,
        Action<T[]> store,
        Action<AccessControl.ChangeTypeEnum, T?> announce)
        where T : class
    {
        if (fabricIndex == 0)
        {
            return MatterStatus.UnsupportedAccess; // A fabric-scoped list needs an accessing fabric.
        }

        if (written.Count > limit)
        {
            return MatterStatus.ResourceExhausted;
        }

        foreach (var entry in written)
        {
            var status = check(entry);
            if (status != MatterStatus.Success)
            {
                return status;
            }
        }

        var stamped = written.Select(stamp).ToArray();
        var previous = AccessControlEntryRules.OfFabric(current, fabricIndex, fabricOf);
        store(Merge(current, fabricIndex, stamped, fabricOf));
        foreach (var (change, latest) in Changes(previous, stamped))
        {
            announce(change, latest);
        }

        return MatterStatus.Success;
    }

    // Other fabrics' entries stay as they are; the list is kept in fabric order, each fabric's entries in the
    // order its administrator wrote them.
    private static T[] Merge<T>(IReadOnlyList<T> all, byte fabricIndex, IReadOnlyList<T> replacement, Func<T, byte?> fabricOf) =>
        all.Where(entry => fabricOf(entry) != fabricIndex).Concat(replacement).OrderBy(entry => fabricOf(entry) ?? 0).ToArray();

    // One change per list position, as the specification counts them: an entry now where there was none is
    // Added, one gone is Removed, a different one is Changed.
    private static IEnumerable<(AccessControl.ChangeTypeEnum Change, T? Latest)> Changes<T>(IReadOnlyList<T> before, IReadOnlyList<T> after)
        where T : class
    {
        for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
        {
            if (i >= before.Count)
            {
                yield return (AccessControl.ChangeTypeEnum.Added, after[i]);
            }
            else if (i >= after.Count)
            {
                yield return (AccessControl.ChangeTypeEnum.Removed, before[i]);
            }
            else if (!EqualityComparer<T>.Default.Equals(before[i], after[i]))
            {
                yield return (AccessControl.ChangeTypeEnum.Changed, after[i]);
            }
        }
    }

    private static ulong? AdminNode(SubjectDescriptor? author) =>
        author is { AuthMode: SessionAuthMode.Case } subject ? subject.Subject : null;

    private static ushort? AdminPasscode(SubjectDescriptor? author) =>
        author is { AuthMode: SessionAuthMode.Pase } subject ? (ushort)subject.Subject : null;
}
