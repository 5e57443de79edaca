using System;
using System.Security.Cryptography;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.Node.GeneralCommissioning;
using MatterGen.Tlv;
using MatterGen.Transport.Certificates;
using Xunit;
using CertStatus = MatterGen.Node.Clusters.OperationalCredentials.NodeOperationalCertStatusEnum;
using CommissioningError = MatterGen.Node.Clusters.GeneralCommissioning.CommissioningErrorEnum;
using Gc = MatterGen.Node.Clusters.GeneralCommissioning;
using Oc = MatterGen.Node.Clusters.OperationalCredentials;

namespace MatterGen.Node.Tests.Network;

/// <summary>
/// Every refusal of the commissioning commands, over the network: the status or cluster code the specification
/// gives, and the node as it was (no fabric, no ACL entry) after each.
/// </summary>
public sealed class CommissioningErrorTests
{
    [Fact]
    public async Task AddNOC_refuses_each_bad_input_with_its_code_and_adds_nothing()
    {
        await using var rig = NetworkRig.InMemory();
        var commissioner = new TestCommissioner(rig);
        await commissioner.OpenPaseAsync();
        using var strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var strangerPublic = CertificateCrypto.PublicKeyOf(strangerKey);

        Assert.Equal(CertStatus.InvalidNOC, (await commissioner.AddNocAsync(strangerPublic)).StatusCode); // no trusted root yet
        await commissioner.AddTrustedRootAsync();
        Assert.Equal(CertStatus.MissingCsr, (await commissioner.AddNocAsync(strangerPublic)).StatusCode);
        var key = await commissioner.RequestCsrAsync();
        Assert.Equal(CertStatus.InvalidPublicKey, (await commissioner.AddNocAsync(strangerPublic)).StatusCode);
        Assert.Equal(CertStatus.InvalidNodeOpId, (await commissioner.AddNocAsync(key, rig.IssueNoc(key, 0xFFFF_FFFF_0000_0001))).StatusCode);
        using var otherRootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var otherRoot = CertificateIssuer.CreateRoot(otherRootKey, 0x5555, NetworkRig.NotBefore, 0);
        var foreignNoc = CertificateIssuer.CreateNoc(otherRoot, otherRootKey, key, NetworkRig.DeviceNodeId, NetworkRig.FabricId, NetworkRig.NotBefore, 0);
        Assert.Equal(CertStatus.InvalidNOC, (await commissioner.AddNocAsync(key, foreignNoc)).StatusCode);
        Assert.Equal(CertStatus.InvalidNOC, (await commissioner.AddNocAsync(key, rig.IssueNoc(key, NetworkRig.DeviceNodeId) with { Signature = new byte[64] })).StatusCode);
        Assert.Equal(CertStatus.InvalidAdminSubject, (await commissioner.AddNocAsync(key, admin: 0)).StatusCode);
        Assert.Equal(CertStatus.InvalidAdminSubject, (await commissioner.AddNocAsync(key, admin: 0xFFFF_FFFD_0001_0000)).StatusCode); // a CAT of version 0

        Assert.Empty(rig.DeviceFabrics.Fabrics);
        Assert.Empty(rig.Charger.Node.AccessControlServer.ACL);

        Assert.Equal(CertStatus.OK, (await commissioner.AddNocAsync(key)).StatusCode);
        var again = await Assert.ThrowsAsync<MatterStatusException>(() => commissioner.AddNocAsync(key));
        Assert.Equal(MatterStatus.ConstraintError, again.Status);
        var csrAfter = await Assert.ThrowsAsync<MatterStatusException>(() => commissioner.RequestCsrAsync());
        Assert.Equal(MatterStatus.ConstraintError, csrAfter.Status);
        Assert.Single(rig.DeviceFabrics.Fabrics);
    }

    [Fact]
    public async Task AddNOC_for_a_fabric_the_node_is_on_is_a_conflict_and_a_full_table_is_full()
    {
        await using var rig = NetworkRig.InMemory();
        rig.InstallFabric();
        var commissioner = new TestCommissioner(rig, controllerNodeId: 0x2222);
        await commissioner.OpenPaseAsync();
        await commissioner.AddTrustedRootAsync();
        var key = await commissioner.RequestCsrAsync();
        Assert.Equal(CertStatus.FabricConflict, (await commissioner.AddNocAsync(key)).StatusCode);

        for (var fabricId = 2UL; rig.DeviceFabrics.Fabrics.Count < rig.DeviceFabrics.Capacity; fabricId++)
        {
            using var fillerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            rig.DeviceFabrics.Add(rig.Root, rig.IssueNoc(CertificateCrypto.PublicKeyOf(fillerKey), 0x3333, fabricId), null, ECDsa.Create(fillerKey.ExportParameters(true)), NetworkRig.IpkEpochKey, 0xFFF1);
        }

        Assert.Equal(CertStatus.TableFull, (await commissioner.AddNocAsync(key, rig.IssueNoc(key, NetworkRig.DeviceNodeId, 0x99))).StatusCode);
    }

    [Fact]
    public async Task Trusted_root_csr_and_attestation_refuse_what_the_specification_refuses()
    {
        await using var rig = NetworkRig.InMemory();
        var commissioner = new TestCommissioner(rig);
        await commissioner.OpenPaseAsync();

        var garbage = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Run(commissioner.Credentials.AddTrustedRootCertificateAsync(new Oc.AddTrustedRootCertificateRequest { RootCACertificate = new byte[] { 0x15, 0x18 } }).AsTask()));
        Assert.Equal(MatterStatus.InvalidCommand, garbage.Status);
        var noc = rig.IssueNoc(CertificateCrypto.PublicKeyOf(rig.RootKey), NetworkRig.DeviceNodeId);
        var notRoot = await Assert.ThrowsAsync<MatterStatusException>(() => commissioner.AddTrustedRootAsync(noc));
        Assert.Equal(MatterStatus.InvalidCommand, notRoot.Status);
        await commissioner.AddTrustedRootAsync();
        var twice = await Assert.ThrowsAsync<MatterStatusException>(() => commissioner.AddTrustedRootAsync());
        Assert.Equal(MatterStatus.ConstraintError, twice.Status);

        // Raw fields: nonces of the wrong length are "malformed", INVALID_COMMAND for AttestationRequest and
        // CSRRequest (Core 1.1 11.17.6.1 and 11.17.6.5), never the CONSTRAINT_ERROR of a generic length check.
        foreach (var (command, length) in new[] { (0x00u, 31), (0x00u, 33), (0x00u, 0), (0x04u, 31), (0x04u, 33), (0x04u, 0) })
        {
            Assert.Equal(MatterStatus.InvalidCommand, await RawInvokeAsync(rig, commissioner, 0x003E, command, (ref TlvWriter w) => w.WriteOctetString(TlvTag.Context(0), new byte[length])));
        }

        // Certificate type 3 is outside the enum.
        Assert.Contains(await RawInvokeAsync(rig, commissioner, 0x003E, 0x02, (ref TlvWriter w) => w.WriteUnsignedInteger(TlvTag.Context(0), 3)), new[] { MatterStatus.InvalidCommand, MatterStatus.ConstraintError });
        var updateOverPase = await Assert.ThrowsAsync<MatterStatusException>(() => commissioner.RequestCsrAsync(forUpdate: true));
        Assert.Equal(MatterStatus.InvalidCommand, updateOverPase.Status);
    }

    [Fact]
    public async Task Without_an_armed_fail_safe_the_staging_commands_need_one_and_commissioning_complete_has_none()
    {
        await using var rig = NetworkRig.InMemory();
        rig.Host.CloseCommissioningWindow();
        var (_, admin) = await rig.ConnectAdministratorAsync();
        var credentials = new Oc.Client(admin, 0);
        var general = new Gc.Client(admin, 0);

        var root = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Run(credentials.AddTrustedRootCertificateAsync(new Oc.AddTrustedRootCertificateRequest { RootCACertificate = rig.Root.ToTlv() }).AsTask()));
        Assert.Equal(MatterStatus.FailsafeRequired, root.Status);
        var csr = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Run(credentials.CSRRequestAsync(new Oc.CSRRequest { CSRNonce = new byte[32] }).AsTask()));
        Assert.Equal(MatterStatus.FailsafeRequired, csr.Status);
        var update = await Assert.ThrowsAsync<MatterStatusException>(() => rig.Run(credentials.UpdateNOCAsync(new Oc.UpdateNOCRequest { NOCValue = new byte[] { 0x15, 0x18 } }).AsTask()));
        Assert.Equal(MatterStatus.FailsafeRequired, update.Status);
        Assert.Equal(CommissioningError.NoFailSafe, (await rig.Run(general.CommissioningCompleteAsync(new Gc.CommissioningCompleteRequest()).AsTask())).ErrorCode);
        Assert.Equal(CertStatus.InvalidFabricIndex, (await rig.Run(credentials.RemoveFabricAsync(new Oc.RemoveFabricRequest { FabricIndex = 9 }).AsTask())).StatusCode);
    }

    [Fact]
    public async Task The_fail_safe_is_one_administrators_at_a_time_and_complete_needs_case_of_the_new_fabric()
    {
        await using var rig = NetworkRig.InMemory();
        var (_, admin) = await rig.ConnectAdministratorAsync();
        var adminGeneral = new Gc.Client(admin, 0);

        // A window is open: a CASE administrator may not arm.
        var commissioner = new TestCommissioner(rig, controllerNodeId: 0x2222, fabricId: 0x77);
        Assert.Equal(CommissioningError.BusyWithOtherAdmin, (await rig.Run(adminGeneral.ArmFailSafeAsync(new Gc.ArmFailSafeRequest { ExpiryLengthSeconds = 60, Breadcrumb = 1 }).AsTask())).ErrorCode);
        await commissioner.OpenPaseAsync();

        // Armed by the PASE commissioner (fabric 0): another fabric is busy out.
        Assert.Equal(CommissioningError.BusyWithOtherAdmin, (await rig.Run(adminGeneral.ArmFailSafeAsync(new Gc.ArmFailSafeRequest { ExpiryLengthSeconds = 60, Breadcrumb = 1 }).AsTask())).ErrorCode);
        await commissioner.AddTrustedRootAsync();
        var key = await commissioner.RequestCsrAsync();
        Assert.Equal(CertStatus.OK, (await commissioner.AddNocAsync(key)).StatusCode);

        Assert.Equal(CommissioningError.InvalidAuthentication, (await rig.Run(commissioner.General.CommissioningCompleteAsync(new Gc.CommissioningCompleteRequest()).AsTask())).ErrorCode);
        Assert.Equal(CommissioningError.InvalidAuthentication, (await rig.Run(adminGeneral.CommissioningCompleteAsync(new Gc.CommissioningCompleteRequest()).AsTask())).ErrorCode);
        Assert.True(rig.Charger.Node.Commissioning.FailSafe.IsArmed);
        Assert.False(rig.DeviceFabrics.Find(commissioner.FabricIndex)!.IsCommitted);
    }

    [Fact]
    public async Task Re_arming_extends_only_up_to_the_cumulative_maximum()
    {
        await using var rig = NetworkRig.InMemory();
        var commissioner = new TestCommissioner(rig);
        await commissioner.OpenPaseAsync();
        var start = rig.Time.GetUtcNow();

        Assert.Equal(CommissioningError.OK, await commissioner.ArmAsync(ushort.MaxValue));

        var deadline = rig.Charger.Node.Commissioning.FailSafe.Deadline!.Value;
        Assert.InRange(deadline - start, TimeSpan.FromSeconds(899), TimeSpan.FromSeconds(900));
        rig.FakeTime!.Advance(deadline - rig.Time.GetUtcNow() + TimeSpan.FromSeconds(1));
        Assert.False(rig.Charger.Node.Commissioning.FailSafe.IsArmed);
    }

    [Fact]
    public async Task SetRegulatoryConfig_keeps_to_the_location_capability_and_a_two_letter_country()
    {
        await using var rig = NetworkRig.InMemory(nodeOptions: options => options with
        {
            GeneralCommissioning = new GeneralCommissioningOptions { LocationCapability = Gc.RegulatoryLocationTypeEnum.Indoor },
        });
        var commissioner = new TestCommissioner(rig);
        await commissioner.OpenPaseAsync();

        var outdoor = await rig.Run(commissioner.General.SetRegulatoryConfigAsync(new Gc.SetRegulatoryConfigRequest { NewRegulatoryConfig = Gc.RegulatoryLocationTypeEnum.Outdoor, CountryCode = "DE", Breadcrumb = 2 }).AsTask());
        Assert.Equal(CommissioningError.ValueOutsideRange, outdoor.ErrorCode);
        var country = await RawInvokeAsync(rig, commissioner, 0x0030, 0x02, (ref TlvWriter w) =>
        {
            w.WriteUnsignedInteger(TlvTag.Context(0), 0);
            w.WriteString(TlvTag.Context(1), "DEU");
            w.WriteUnsignedInteger(TlvTag.Context(2), 2);
        });
        Assert.Equal(MatterStatus.ConstraintError, country);
        var indoor = await rig.Run(commissioner.General.SetRegulatoryConfigAsync(new Gc.SetRegulatoryConfigRequest { NewRegulatoryConfig = Gc.RegulatoryLocationTypeEnum.Indoor, CountryCode = "DE", Breadcrumb = 3 }).AsTask());

        Assert.Equal(CommissioningError.OK, indoor.ErrorCode);
        Assert.Equal(3UL, await rig.Run(commissioner.General.ReadBreadcrumbAsync().AsTask()));
        Assert.Equal(Gc.RegulatoryLocationTypeEnum.Indoor, await rig.Run(commissioner.General.ReadRegulatoryConfigAsync().AsTask()));
    }

    // Invokes a command with hand-made fields (inside an anonymous structure) and returns the status of the answer.
    private static async Task<MatterStatus> RawInvokeAsync(NetworkRig rig, TestCommissioner commissioner, uint cluster, uint command, TestNodes.TlvWriteAction fields)
    {
        var payload = TestNodes.Tlv((ref TlvWriter w) =>
        {
            w.StartStructure(TlvTag.Anonymous);
            fields(ref w);
            w.EndContainer();
        });
        var result = await rig.Run(commissioner.PaseClient.InvokeAsync(0, cluster, command, payload, timed: false).AsTask());
        return result.Status;
    }
}
