using System.Collections.Immutable;
using System.Linq;
using CsCheck;
using MatterGen.DataModel;
using MatterGen.Evse.Charger;
using MatterGen.Interaction;
using MatterGen.Messaging;
using MatterGen.Node.Access;
using Xunit;

namespace MatterGen.Node.Tests;

/// <summary>
/// Properties of the access check over random valid ACLs and requesters on the charger node: the highest granted
/// privilege agrees with the yes/no answers, the order of entries does not matter, and adding an entry never
/// takes a grant away.
/// </summary>
public sealed class AccessControlPropertyTests
{
    private static readonly Privilege[] Ordered = [Privilege.View, Privilege.Operate, Privilege.Manage, Privilege.Administer];

    private static readonly Gen<ulong> CaseSubject = Pick(0x1111UL, 0x2222UL, new CaseAuthenticatedTag(0xABCD, 1).Subject, new CaseAuthenticatedTag(0xABCD, 3).Subject);

    private static readonly Gen<Target> Targets = Pick(
        new Target { Cluster = 0x0099, Endpoint = null, DeviceType = null },
        new Target { Cluster = 0x009D, Endpoint = null, DeviceType = null },
        new Target { Cluster = null, Endpoint = 0, DeviceType = null },
        new Target { Cluster = null, Endpoint = 1, DeviceType = null },
        new Target { Cluster = null, Endpoint = null, DeviceType = 0x050C },
        new Target { Cluster = 0x0028, Endpoint = 0, DeviceType = null });

    private static readonly Gen<Entry> Entries = Gen.Select(
        Gen.Int[1, 5], Gen.Bool, CaseSubject.Array[0, 3], Pick<ulong>(0x0101, 0x0102).Array[0, 3], Targets.Array[0, 3], Gen.Bool,
        (privilege, group, caseSubjects, groups, targets, wildcardTargets) => new Entry
        {
            // A group never administers; give it Manage instead.
            Privilege = group && privilege == 5 ? Privileges.Manage : (Privileges)privilege,
            AuthMode = group ? Modes.Group : Modes.CASE,
            Subjects = group ? groups : caseSubjects,
            Targets = wildcardTargets ? null : targets,
        });

    private static readonly Gen<SubjectDescriptor> Requesters = Gen.Select(
        Gen.Bool, Pick(0x1111UL, 0x2222UL, 0x0101UL, 0x0102UL), Pick(0xABCD_0002u, 0xABCD_0003u, 0x1234_0001u).Array[0, 2], Gen.Byte[1, 2],
        (group, subject, cats, fabric) => group
            ? new SubjectDescriptor(SessionAuthMode.Group, subject, fabric)
            : new SubjectDescriptor(SessionAuthMode.Case, subject, fabric, ImmutableArray.Create(cats)));

    private static readonly Gen<(ushort Endpoint, uint Cluster)> Paths = Pick<(ushort, uint)>((1, 0x0099), (1, 0x009D), (0, 0x0028), (0, 0x001F));

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    [Fact]
    public void The_granted_privilege_agrees_with_every_yes_or_no_and_entry_order_and_additions_behave()
    {
        using var charger = ChargerNode.Create(TestNodes.Options());
        var node = charger.Node;
        Gen.Select(Entries.Array[0, 4], Entries, Requesters, Paths).Sample((acl, extra, subject, path) =>
        {
            Assert.Equal(MatterStatus.Success, node.AccessControlServer.ReplaceEntries(1, acl));
            var granted = node.AccessChecker.GrantedPrivilege(subject, path.Endpoint, path.Cluster);
            var answers = Ordered.Select(p => node.AccessControl.IsGranted(subject, path.Endpoint, path.Cluster, p)).ToArray();

            // For the four privileges on the main line, "granted p" means "the highest grant implies p".
            Assert.Equal(Ordered.Select(p => granted is { } g && PrivilegeRules.Implies(g, p)).ToArray(), answers);

            Assert.Equal(MatterStatus.Success, node.AccessControlServer.ReplaceEntries(1, acl.Reverse().ToArray()));
            Assert.Equal(granted, node.AccessChecker.GrantedPrivilege(subject, path.Endpoint, path.Cluster));

            Assert.Equal(MatterStatus.Success, node.AccessControlServer.ReplaceEntries(1, [.. acl.Take(3), extra]));
            var before = acl.Length <= 3 ? answers : null;
            if (before is not null)
            {
                var after = Ordered.Select(p => node.AccessControl.IsGranted(subject, path.Endpoint, path.Cluster, p)).ToArray();
                Assert.All(Enumerable.Range(0, Ordered.Length), i => Assert.True(!before[i] || after[i], "adding an entry took a grant away"));
            }
        }, threads: 1); // one node is shared by every sample, so they must not run in parallel (CsCheck's default)
    }
}
