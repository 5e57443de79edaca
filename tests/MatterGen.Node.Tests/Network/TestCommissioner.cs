using System;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using MatterGen.Commissioning.Attestation;
using MatterGen.InteractionModel.Client;
using MatterGen.Node.Clusters;
using MatterGen.Tlv;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Sessions;
using Xunit;
using Gc = MatterGen.Node.Clusters.GeneralCommissioning;
using Oc = MatterGen.Node.Clusters.OperationalCredentials;

namespace MatterGen.Node.Tests.Network;

/// <summary>
/// A C# commissioner that sends what matter.js 0.17.9 sends while commissioning (shared note matter-network.md,
/// steps 7 to 23): PASE, the initial reads, ArmFailSafe, the DAC and PAI, attestation checked against the Matter
/// test PAA, CSRRequest with its signature checked against the DAC, AddTrustedRootCertificate, AddNOC with an empty
/// ICACValue, the re-arm, CASE, CommissioningComplete and UpdateFabricLabel. Each step is its own method, so a test
/// can stop anywhere or send something else instead.
/// </summary>
internal sealed class TestCommissioner
{
    private readonly NetworkRig rig;
    private byte[]? dac;

    public TestCommissioner(NetworkRig rig, ulong controllerNodeId = NetworkRig.ControllerNodeId, ulong deviceNodeId = NetworkRig.DeviceNodeId, ulong fabricId = NetworkRig.FabricId)
    {
        this.rig = rig;
        FabricId = fabricId;
        ControllerNodeId = controllerNodeId;
        DeviceNodeId = deviceNodeId;
    }

    public ulong ControllerNodeId { get; }

    public ulong DeviceNodeId { get; }

    /// <summary>The fabric id the commissioner's NOCs carry (under the rig's root).</summary>
    public ulong FabricId { get; }

    public SecureSession Pase { get; private set; } = null!;

    public InteractionClient PaseClient { get; private set; } = null!;

    public Gc.Client General { get; private set; } = null!;

    public Oc.Client Credentials { get; private set; } = null!;

    /// <summary>The fabric index AddNOC answered.</summary>
    public byte FabricIndex { get; private set; }

    /// <summary>Commissions the device all the way and returns the operational CASE session.</summary>
    public static async Task<(TestCommissioner Commissioner, SecureSession Case)> CommissionAsync(NetworkRig rig, string label = "csharp-commissioner", ulong controllerNodeId = NetworkRig.ControllerNodeId, ulong deviceNodeId = NetworkRig.DeviceNodeId, ulong fabricId = NetworkRig.FabricId)
    {
        var commissioner = new TestCommissioner(rig, controllerNodeId, deviceNodeId, fabricId);
        await commissioner.OpenPaseAsync();
        await commissioner.ReadInitialDataAsync();
        Assert.Equal(Gc.CommissioningErrorEnum.OK, await commissioner.ArmAsync(60));
        await commissioner.VerifyAttestationAsync();
        var key = await commissioner.RequestCsrAsync();
        await commissioner.AddTrustedRootAsync();
        var added = await commissioner.AddNocAsync(key);
        Assert.Equal(Oc.NodeOperationalCertStatusEnum.OK, added.StatusCode);
        Assert.Equal(Gc.CommissioningErrorEnum.OK, await commissioner.ArmAsync(310));
        var operational = await commissioner.ConnectCaseAsync();
        var client = rig.Client(operational);
        var complete = await rig.Run(new Gc.Client(client, 0).CommissioningCompleteAsync(new Gc.CommissioningCompleteRequest()).AsTask());
        Assert.Equal(Gc.CommissioningErrorEnum.OK, complete.ErrorCode);
        var labelled = await rig.Run(new Oc.Client(client, 0).UpdateFabricLabelAsync(new Oc.UpdateFabricLabelRequest { Label = label }).AsTask());
        Assert.Equal(Oc.NodeOperationalCertStatusEnum.OK, labelled.StatusCode);
        return (commissioner, operational);
    }

    public async Task OpenPaseAsync()
    {
        Pase = await rig.Run(PaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, NetworkRig.Passcode));
        PaseClient = rig.Client(Pase);
        General = new Gc.Client(PaseClient, 0);
        Credentials = new Oc.Client(PaseClient, 0);
    }

    /// <summary>Steps 7 and 9: the reads before arming; aborts like matter.js when the node has no room for a fabric.</summary>
    public async Task<Gc.BasicCommissioningInfo> ReadInitialDataAsync()
    {
        var supported = await rig.Run(Credentials.ReadSupportedFabricsAsync().AsTask());
        var commissioned = await rig.Run(Credentials.ReadCommissionedFabricsAsync().AsTask());
        Assert.True(commissioned < supported, $"{commissioned} of {supported} fabrics are taken.");
        Assert.NotEmpty(await rig.Run(new Descriptor.Client(PaseClient, 0).ReadServerListAsync().AsTask()));
        Assert.Equal((ushort)0xFFF1, await rig.Run(new BasicInformation.Client(PaseClient, 0).ReadVendorIDAsync().AsTask()));
        Assert.True(await rig.Run(General.ReadSupportsConcurrentConnectionAsync().AsTask()));
        var info = await rig.Run(General.ReadBasicCommissioningInfoAsync().AsTask());
        Assert.Equal((ushort)60, info.FailSafeExpiryLengthSeconds);
        Assert.Equal((ushort)900, info.MaxCumulativeFailsafeSeconds);
        return info;
    }

    public async Task<Gc.CommissioningErrorEnum> ArmAsync(ushort seconds, ulong breadcrumb = 1, Gc.Client? over = null) =>
        (await rig.Run((over ?? General).ArmFailSafeAsync(new Gc.ArmFailSafeRequest { ExpiryLengthSeconds = seconds, Breadcrumb = breadcrumb }).AsTask())).ErrorCode;

    /// <summary>Steps 11 to 13: DAC and PAI, the chain to the Matter test PAA, and the attestation signature over the session's challenge.</summary>
    public async Task VerifyAttestationAsync()
    {
        dac = (await rig.Run(Credentials.CertificateChainRequestAsync(new Oc.CertificateChainRequest { CertificateType = Oc.CertificateChainTypeEnum.DACCertificate }).AsTask())).Certificate.ToArray();
        var pai = (await rig.Run(Credentials.CertificateChainRequestAsync(new Oc.CertificateChainRequest { CertificateType = Oc.CertificateChainTypeEnum.PAICertificate }).AsTask())).Certificate.ToArray();
        using (var dacCertificate = X509CertificateLoader.LoadCertificate(dac))
        using (var paiCertificate = X509CertificateLoader.LoadCertificate(pai))
        using (var paa = DevelopmentAttestation.TestPaa())
        using (var chain = new X509Chain())
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(paa);
            chain.ChainPolicy.ExtraStore.Add(paiCertificate);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = rig.Time.GetUtcNow().UtcDateTime;
            Assert.True(chain.Build(dacCertificate) && chain.ChainElements.Count == 3, string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        }

        var nonce = RandomNumberGenerator.GetBytes(32);
        var response = await rig.Run(Credentials.AttestationRequestAsync(new Oc.AttestationRequest { AttestationNonce = nonce }).AsTask());
        Assert.True(VerifiedByDac(response.AttestationElements.ToArray(), response.AttestationSignature.ToArray()), "The attestation signature does not verify with the DAC over elements and challenge.");
        Assert.Equal(nonce, Field(response.AttestationElements.ToArray(), 2));
    }

    /// <summary>Step 14: a CSR whose signature verifies against the DAC; returns the public key it certifies.</summary>
    public async Task<byte[]> RequestCsrAsync(bool forUpdate = false, Oc.Client? over = null, SecureSession? overSession = null)
    {
        var nonce = RandomNumberGenerator.GetBytes(32);
        var response = await rig.Run((over ?? Credentials).CSRRequestAsync(new Oc.CSRRequest { CSRNonce = nonce, IsForUpdateNOC = forUpdate ? true : null }).AsTask());
        var elements = response.NOCSRElements.ToArray();
        if (dac is not null)
        {
            Assert.True(VerifiedByDac(elements, response.AttestationSignature.ToArray(), overSession), "The CSR signature does not verify with the DAC.");
        }

        Assert.Equal(nonce, Field(elements, 2));
        return OperationalCsr.PublicKeyOfCsr(Field(elements, 1));
    }

    public async Task AddTrustedRootAsync(MatterCertificate? root = null) =>
        await rig.Run(Credentials.AddTrustedRootCertificateAsync(new Oc.AddTrustedRootCertificateRequest { RootCACertificate = (root ?? rig.Root).ToTlv() }).AsTask());

    /// <summary>Step 16: AddNOC as matter.js sends it, ICACValue an empty octet string.</summary>
    public async Task<Oc.NOCResponse> AddNocAsync(byte[] publicKey, MatterCertificate? noc = null, ulong? admin = null)
    {
        var response = await rig.Run(Credentials.AddNOCAsync(new Oc.AddNOCRequest
        {
            NOCValue = (noc ?? rig.IssueNoc(publicKey, DeviceNodeId, FabricId)).ToTlv(),
            ICACValue = ReadOnlyMemory<byte>.Empty,
            IPKValue = NetworkRig.IpkEpochKey.ToArray(),
            CaseAdminSubject = admin ?? ControllerNodeId,
            AdminVendorId = 0xFFF1,
        }).AsTask());
        if (response.StatusCode == Oc.NodeOperationalCertStatusEnum.OK)
        {
            FabricIndex = response.FabricIndex!.Value;
        }

        return response;
    }

    /// <summary>Steps 18 to 21: CASE to the device's new operational identity.</summary>
    public Task<SecureSession> ConnectCaseAsync() =>
        rig.Run(CaseInitiator.EstablishAsync(rig.Controller, rig.DeviceAddress, rig.ControllerFabric(ControllerNodeId, FabricId), DeviceNodeId));

    private bool VerifiedByDac(byte[] elements, byte[] signature, SecureSession? session = null)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(dac!);
        using var key = certificate.GetECDsaPublicKey()!;
        var challenge = (session ?? Pase).AttestationChallenge.ToArray();
        return key.VerifyData((byte[])[.. elements, .. challenge], signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    // The octet string with a context tag in a TLV structure.
    private static byte[] Field(byte[] structure, byte tag)
    {
        var reader = new TlvReader(structure);
        reader.Read();
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            if (reader.Tag.IsContext(tag))
            {
                return reader.GetOctetStringArray();
            }

            reader.Skip();
        }

        throw new InvalidOperationException($"No field {tag}.");
    }
}
