using System.Threading.Tasks;
using MatterGen.Evse.Charger;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.Messaging;
using MatterGen.Node.Composition;
using Xunit;

namespace MatterGen.Node.Tests.Wire;

/// <summary>
/// Access control of the charger node over IM messages, with entries in the node's own Access Control server:
/// what each granted privilege lets a CASE subject read, write and invoke, and what a commissioning PASE session may do.
/// </summary>
public sealed class ChargerAccessTests
{
    private const ulong Operator = 0x0000_0000_0000_0C0D;

    // Basic Information NodeLabel (write: Manage) set to "x".
    private static readonly byte[] NodeLabelX = [0x0C, 0x01, (byte)'x'];

    // EnableCharging { ChargingEnabledUntil: null, MinimumChargeCurrent: 6000, MaximumChargeCurrent: 16000 } (invoke: Operate, timed); amperage_ma is signed.
    private static readonly byte[] EnableChargingFields = [0x15, 0x34, 0x00, 0x21, 0x01, 0x70, 0x17, 0x21, 0x02, 0x80, 0x3E, 0x18];

    // An empty Access Control Extension list (write: Administer).
    private static readonly byte[] NoExtensions = [0x16, 0x18];

    private static readonly ReadRequest WholeNode = new([new AttributePath()], null, null, true, null);

    /// <summary>
    /// granted privilege; then the statuses of: read EVSE State (View), read the ACL (Administer), write NodeLabel
    /// (Manage), write the Extension list (Administer), invoke EnableCharging (Operate).
    /// </summary>
    public static TheoryData<Privileges, MatterStatus, MatterStatus, MatterStatus, MatterStatus, MatterStatus> Table => new()
    {
        { Privileges.View, MatterStatus.Success, MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess },
        { Privileges.Operate, MatterStatus.Success, MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess, MatterStatus.Success },
        { Privileges.Manage, MatterStatus.Success, MatterStatus.UnsupportedAccess, MatterStatus.Success, MatterStatus.UnsupportedAccess, MatterStatus.Success },
        { Privileges.Administer, MatterStatus.Success, MatterStatus.Success, MatterStatus.Success, MatterStatus.Success, MatterStatus.Success },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Each_privilege_allows_what_it_implies_and_nothing_more(Privileges granted, MatterStatus readState, MatterStatus readAcl, MatterStatus writeLabel, MatterStatus writeExtension, MatterStatus invoke)
    {
        await using var wire = new ChargerOnTheWire(new SubjectDescriptor(SessionAuthMode.Case, Operator, FabricIndex: 1));
        Grant(wire, granted, targets: null);

        var (statuses, _) = await RunTableAsync(wire);

        Assert.Equal((readState, readAcl, writeLabel, writeExtension, invoke), statuses);
    }

    [Fact]
    public async Task A_grant_on_one_endpoint_reaches_only_that_endpoint_and_wildcards_skip_the_rest_silently()
    {
        await using var wire = new ChargerOnTheWire(new SubjectDescriptor(SessionAuthMode.Case, Operator, FabricIndex: 1));
        Grant(wire, Privileges.Administer, [new Target { Cluster = null, Endpoint = ChargerNode.EvseEndpoint, DeviceType = null }]);

        var (report, status) = await wire.Client.ReadAsync(WholeNode, wire.Guard);
        var root = await wire.Client.ReadAttributeAsync(0, ClusterIds.BasicInformation, 0x0001, wire.Guard);
        var (statuses, _) = await RunTableAsync(wire);

        Assert.Equal(MatterStatus.Success, status);
        Assert.NotEmpty(report.Attributes());
        Assert.All(report.Attributes(), r => Assert.Equal(ChargerNode.EvseEndpoint, r.Data!.Path.Endpoint));
        Assert.Equal(MatterStatus.UnsupportedAccess, root.Status);
        // EVSE reads and invokes pass; the root's clusters are out of reach.
        Assert.Equal((MatterStatus.Success, MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess, MatterStatus.Success), statuses);
    }

    [Fact]
    public async Task An_entry_of_another_fabric_or_auth_mode_grants_nothing()
    {
        await using var wire = new ChargerOnTheWire(new SubjectDescriptor(SessionAuthMode.Case, Operator, FabricIndex: 2));
        Grant(wire, Privileges.Administer, targets: null); // On fabric 1.
        Assert.Equal(MatterStatus.Success, wire.Node.AccessControlServer.ReplaceEntries(2, [new Entry { Privilege = Privileges.Operate, AuthMode = Modes.Group, Subjects = [0x0101], Targets = null }]));

        var (report, _) = await wire.Client.ReadAsync(WholeNode, wire.Guard);
        var (statuses, _) = await RunTableAsync(wire);

        Assert.Empty(report.Attributes());
        Assert.Equal((MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess, MatterStatus.UnsupportedAccess), statuses);
    }

    [Fact]
    public async Task A_commissioning_pase_session_holds_administer_with_no_entry_at_all()
    {
        await using var wire = new ChargerOnTheWire(new SubjectDescriptor(SessionAuthMode.Pase, 0, 0, IsCommissioning: true));

        var (report, status) = await wire.Client.ReadAsync(WholeNode, wire.Guard);
        var (statuses, label) = await RunTableAsync(wire);

        Assert.Equal(MatterStatus.Success, status);
        Assert.Contains(report.Attributes(), r => r.Data!.Path.Endpoint == 0 && r.Data.Path.Cluster == ClusterIds.AccessControl);
        // Everything but the Extension write: a fabric-scoped list has no entries to write before AddNOC gives the
        // session a fabric, so that write is UNSUPPORTED_ACCESS (Core Specification 8.7.3.2), privilege or not.
        Assert.Equal((MatterStatus.Success, MatterStatus.Success, MatterStatus.Success, MatterStatus.UnsupportedAccess, MatterStatus.Success), statuses);
        Assert.Equal("x", label);
    }

    [Fact]
    public async Task A_pase_session_outside_commissioning_holds_nothing()
    {
        await using var wire = new ChargerOnTheWire(new SubjectDescriptor(SessionAuthMode.Pase, 0, 0));

        var (report, _) = await wire.Client.ReadAsync(WholeNode, wire.Guard);

        Assert.Empty(report.Attributes());
    }

    private static void Grant(ChargerOnTheWire wire, Privileges privilege, Target[]? targets) =>
        Assert.Equal(MatterStatus.Success, wire.Node.AccessControlServer.ReplaceEntries(1,
        [
            new Entry { Privilege = Privileges.Administer, AuthMode = Modes.CASE, Subjects = [ChargerOnTheWire.AdminNodeId], Targets = null },
            new Entry { Privilege = privilege, AuthMode = Modes.CASE, Subjects = [Operator], Targets = targets },
        ]));

    /// <summary>Runs the table's five interactions; returns their statuses and the NodeLabel after them.</summary>
    private static async Task<((MatterStatus, MatterStatus, MatterStatus, MatterStatus, MatterStatus) Statuses, string Label)> RunTableAsync(ChargerOnTheWire wire)
    {
        var readState = await wire.Client.ReadAttributeAsync(ChargerNode.EvseEndpoint, ClusterIds.EnergyEvse, 0x0000, wire.Guard);
        var readAcl = await wire.Client.ReadAttributeAsync(0, ClusterIds.AccessControl, 0x0000, wire.Guard);
        var writeLabel = await wire.Client.WriteAttributeAsync(0, ClusterIds.BasicInformation, 0x0005, NodeLabelX, timed: false, wire.Guard);
        var writeExtension = await wire.Client.WriteAttributeAsync(0, ClusterIds.AccessControl, 0x0001, NoExtensions, timed: false, wire.Guard);
        var invoke = await wire.Client.InvokeAsync(ChargerNode.EvseEndpoint, ClusterIds.EnergyEvse, 0x02, EnableChargingFields, timed: true, wire.Guard);
        return ((readState.Status, readAcl.Status, writeLabel, writeExtension, invoke.Status), wire.Node.BasicInformation.NodeLabel);
    }
}
