using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Commissioning.Attestation;
using MatterGen.Interaction;
using MatterGen.Node.Access;
using MatterGen.Node.GeneralCommissioning;
using MatterGen.Tlv;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.Sessions;
using CertStatus = MatterGen.Node.Clusters.OperationalCredentials.NodeOperationalCertStatusEnum;
using Oc = MatterGen.Node.Clusters.OperationalCredentials;

namespace MatterGen.Node.OperationalCredentials;

/// <summary>
/// The node's Operational Credentials (Core Specification 11.18): device attestation for a commissioner (the
/// DAC/PAI chain, attestation and NOCSR elements signed with the DAC key over the session's attestation challenge),
/// the operational key made by CSRRequest and kept by the fail-safe until AddNOC, and the fabric commands. AddNOC
/// adds a pending fabric to the <see cref="FabricTable"/> with the administrator ACL entry for CaseAdminSubject
/// (CommissioningComplete commits both, the fail-safe's end rolls them back); RemoveFabric takes a fabric and all
/// its fabric-scoped data away at once. Every refusal is the status or NOCResponse code the specification gives.
/// </summary>
public sealed class OperationalCredentialsDevice : IOperationalCredentialsServerDriver
{
    private const int MaxCertificateBytes = 400;

    private readonly FabricTable fabrics;
    private readonly FailSafeContext failSafe;
    private readonly AccessControlServer accessControl;
    private readonly Func<DeviceAttestation> attestation;
    private readonly Action<byte> announceLeave;

    internal OperationalCredentialsDevice(FabricTable fabrics, FailSafeContext failSafe, AccessControlServer accessControl, Func<DeviceAttestation> attestation, Action<byte> announceLeave, ClusterServerOptions serverOptions)
    {
        this.fabrics = fabrics;
        this.failSafe = failSafe;
        this.accessControl = accessControl;
        this.attestation = attestation;
        this.announceLeave = announceLeave;
        // The spec asks a node to support at least 5 fabrics; a smaller table is refused here (ArgumentOutOfRangeException).
        Server = new OperationalCredentialsServer(this, serverOptions) { SupportedFabrics = (byte)fabrics.Capacity };
        Refresh();
    }

    /// <summary>The cluster server on the root endpoint.</summary>
    public OperationalCredentialsServer Server { get; }

    /// <summary>
    /// The root's Group Key Management, when the node serves it: AddNOC writes the new fabric's IPKValue there as
    /// group key set 0 (Core Specification 11.2.5.4: set 0 is the IPK's), so KeySetRead and KeySetReadAllIndices
    /// show it from commissioning on. A rolled-back AddNOC takes it away with the fabric.
    /// </summary>
    public GroupKeys.GroupKeyManagementDevice? GroupKeys { get; set; }

    /// <summary>AttestationRequest: the attestation elements (CD, nonce, time) signed by the DAC key over elements ‖ attestation challenge.</summary>
    public ValueTask<Oc.AttestationResponse> AttestationRequestAsync(Oc.AttestationRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckNonce(request.AttestationNonce);
        var signed = attestation().Attest(request.AttestationNonce.Span, ChallengeOf(context).Span);
        return ValueTask.FromResult(new Oc.AttestationResponse { AttestationElements = signed.Elements, AttestationSignature = signed.Signature });
    }

    /// <summary>CertificateChainRequest: the DAC (1) or the PAI (2), X.509 DER; INVALID_COMMAND for another type.</summary>
    public ValueTask<Oc.CertificateChainResponse> CertificateChainRequestAsync(Oc.CertificateChainRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CertificateType is not (Oc.CertificateChainTypeEnum.DACCertificate or Oc.CertificateChainTypeEnum.PAICertificate))
        {
            throw new MatterStatusException(MatterStatus.InvalidCommand, "CertificateType is 1 (DAC) or 2 (PAI).");
        }

        return ValueTask.FromResult(new Oc.CertificateChainResponse { Certificate = attestation().CertificateChain((byte)request.CertificateType) });
    }

    /// <summary>
    /// CSRRequest: a new P-256 operational key, kept by the fail-safe until AddNOC/UpdateNOC, and the NOCSR elements
    /// (PKCS#10 CSR, nonce) signed by the DAC key. FAILSAFE_REQUIRED without an armed fail-safe, CONSTRAINT_ERROR after
    /// AddNOC/UpdateNOC in the same fail-safe, INVALID_COMMAND for a bad nonce or an update request over PASE.
    /// </summary>
    public ValueTask<Oc.CSRResponse> CSRRequestAsync(Oc.CSRRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        CheckNonce(request.CSRNonce);
        RequireFailSafe();
        var forUpdate = request.IsForUpdateNOC == true;
        if (forUpdate && context.FabricIndex == 0)
        {
            throw new MatterStatusException(MatterStatus.InvalidCommand, "A CSR for UpdateNOC needs an accessing fabric.");
        }

        if (failSafe.NocCommandInvoked)
        {
            throw new MatterStatusException(MatterStatus.ConstraintError, "AddNOC or UpdateNOC already ran under this fail-safe.");
        }

        var csr = attestation().CreateCsr(request.CSRNonce.Span, ChallengeOf(context).Span);
        if (!failSafe.StageCsrKey(csr.OperationalKey, forUpdate))
        {
            csr.OperationalKey.Dispose();
            throw new MatterStatusException(MatterStatus.FailsafeRequired, "The fail-safe ended.");
        }

        return ValueTask.FromResult(new Oc.CSRResponse { NOCSRElements = csr.Response.Elements, AttestationSignature = csr.Response.Signature });
    }

    /// <summary>
    /// AddTrustedRootCertificate: stages the root AddNOC chains to. FAILSAFE_REQUIRED without an armed fail-safe,
    /// CONSTRAINT_ERROR when a root is staged already or AddNOC/UpdateNOC ran, INVALID_COMMAND for a certificate that
    /// is not a valid Matter root.
    /// </summary>
    public ValueTask AddTrustedRootCertificateAsync(Oc.AddTrustedRootCertificateRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireFailSafe();
        if (failSafe.PendingRoot is not null || failSafe.NocCommandInvoked)
        {
            throw new MatterStatusException(MatterStatus.ConstraintError, "A trusted root was added already under this fail-safe.");
        }

        var root = DecodeCertificate(request.RootCACertificate)
            ?? throw new MatterStatusException(MatterStatus.InvalidCommand, "RootCACertificate is not a Matter certificate.");
        try
        {
            CertificateValidator.ValidateRoot(root, Server.Time.GetUtcNow());
        }
        catch (CertificateException error)
        {
            throw new MatterStatusException(MatterStatus.InvalidCommand, error.Message);
        }

        if (!failSafe.StageRoot(root))
        {
            throw new MatterStatusException(MatterStatus.FailsafeRequired, "The fail-safe ended.");
        }

        Refresh();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// AddNOC: joins a new fabric (pending until CommissioningComplete) with the administrator entry for
    /// CaseAdminSubject and the IPK, and binds a PASE commissioner's session to it. NOCResponse codes: InvalidNOC,
    /// MissingCsr, TableFull, InvalidPublicKey, InvalidNodeOpId, FabricConflict, InvalidAdminSubject.
    /// </summary>
    public ValueTask<Oc.NOCResponse> AddNOCAsync(Oc.AddNOCRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireFailSafe();
        if (failSafe.NocCommandInvoked)
        {
            throw new MatterStatusException(MatterStatus.ConstraintError, "AddNOC or UpdateNOC already ran under this fail-safe.");
        }

        if (failSafe.PendingRoot is not { } root)
        {
            return Respond(CertStatus.InvalidNOC, "AddTrustedRootCertificate comes first.");
        }

        if (failSafe.CsrKey is not { } key || failSafe.CsrForUpdate)
        {
            return Respond(CertStatus.MissingCsr, "CSRRequest comes first.");
        }

        if (fabrics.Fabrics.Count >= fabrics.Capacity)
        {
            return Respond(CertStatus.TableFull, "The node is on as many fabrics as it supports.");
        }

        if (CheckChain(request.NOCValue, request.ICACValue, root, key, out var noc, out var icac) is { } refused)
        {
            return refused;
        }

        if (fabrics.Contains(root.PublicKey, noc.FabricId!.Value))
        {
            return Respond(CertStatus.FabricConflict, "The node is on this fabric already.");
        }

        var admin = request.CaseAdminSubject;
        if (!NodeIds.IsOperational(admin) && !(NodeIds.IsCatSubject(admin) && (admin & 0xFFFF) != 0))
        {
            return Respond(CertStatus.InvalidAdminSubject, "CaseAdminSubject is an operational node id or a CAT.");
        }

        Fabric fabric;
        try
        {
            fabric = fabrics.AddPending(root, noc, icac, key, request.IPKValue.Span, request.AdminVendorId);
        }
        catch (Exception error) when (error is CertificateException or InvalidOperationException or ArgumentException)
        {
            return Respond(CertStatus.InvalidNOC, error.Message);
        }

        if (accessControl.AddAdministrator(fabric.Index, admin, context?.Subject) != MatterStatus.Success)
        {
            fabrics.Revert(fabric.Index);
            return Respond(CertStatus.InvalidAdminSubject, "The administrator entry was refused.");
        }

        GroupKeys?.SetIpk(fabric.Index, request.IPKValue.Span);
        failSafe.RecordNoc(fabric.Index, added: true);
        return Respond(CertStatus.OK, null, fabric.Index);
    }

    /// <summary>
    /// UpdateNOC: new credentials for the accessing fabric under its own fail-safe, with a key from CSRRequest for
    /// UpdateNOC; pending until CommissioningComplete. Same NOCResponse codes as AddNOC.
    /// </summary>
    public ValueTask<Oc.NOCResponse> UpdateNOCAsync(Oc.UpdateNOCRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!failSafe.IsArmed || failSafe.FabricIndex != context.FabricIndex)
        {
            throw new MatterStatusException(MatterStatus.FailsafeRequired, "UpdateNOC needs a fail-safe armed by the accessing fabric.");
        }

        if (failSafe.NocCommandInvoked)
        {
            throw new MatterStatusException(MatterStatus.ConstraintError, "AddNOC or UpdateNOC already ran under this fail-safe.");
        }

        if (failSafe.CsrKey is not { } key || !failSafe.CsrForUpdate)
        {
            return Respond(CertStatus.MissingCsr, "CSRRequest with IsForUpdateNOC comes first.");
        }

        if (fabrics.Find(context.FabricIndex) is not { } current)
        {
            return Respond(CertStatus.InvalidFabricIndex, "The accessing fabric is gone.");
        }

        if (CheckChain(request.NOCValue, request.ICACValue, current.Root, key, out var noc, out var icac) is { } refused)
        {
            return refused;
        }

        try
        {
            fabrics.UpdatePending(current.Index, noc, icac, key);
        }
        catch (Exception error) when (error is CertificateException or InvalidOperationException)
        {
            return Respond(CertStatus.InvalidNOC, error.Message);
        }

        failSafe.RecordNoc(current.Index, added: false);
        return Respond(CertStatus.OK, null, current.Index);
    }

    /// <summary>UpdateFabricLabel: LabelConflict when another fabric has the label already.</summary>
    public ValueTask<Oc.NOCResponse> UpdateFabricLabelAsync(Oc.UpdateFabricLabelRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Label.Length > 32)
        {
            throw new MatterStatusException(MatterStatus.ConstraintError, "A fabric label has at most 32 characters.");
        }

        foreach (var other in fabrics.Fabrics)
        {
            if (other.Index != context.FabricIndex && other.Label.Length > 0 && other.Label == request.Label)
            {
                return Respond(CertStatus.LabelConflict, "Another fabric has this label.");
            }
        }

        if (fabrics.Find(context.FabricIndex) is null)
        {
            return Respond(CertStatus.InvalidFabricIndex, "The accessing fabric is gone.");
        }

        fabrics.UpdateLabel(context.FabricIndex, request.Label);
        return Respond(CertStatus.OK, null, context.FabricIndex);
    }

    /// <summary>
    /// RemoveFabric: records Leave for the fabric, then removes it from the table, whose FabricRemoved takes its ACL
    /// entries and other fabric-scoped data (the node) and its sessions (the host; the accessing one once this answer
    /// is out). InvalidFabricIndex for an unknown index.
    /// </summary>
    public ValueTask<Oc.NOCResponse> RemoveFabricAsync(Oc.RemoveFabricRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (fabrics.Find(request.FabricIndex) is null)
        {
            return Respond(CertStatus.InvalidFabricIndex, "The node is on no fabric with that index.");
        }

        announceLeave(request.FabricIndex);
        failSafe.ForgetFabric(request.FabricIndex);
        fabrics.Remove(request.FabricIndex);
        return Respond(CertStatus.OK, null, request.FabricIndex);
    }

    /// <summary>Brings the server's lists up to date with the fabric table and the staged root.</summary>
    internal void Refresh() => Server.Refresh(fabrics, failSafe.PendingRoot);

    private static ValueTask<Oc.NOCResponse> Respond(CertStatus status, string? debugText, byte? fabricIndex = null) =>
        ValueTask.FromResult(new Oc.NOCResponse { StatusCode = status, FabricIndex = fabricIndex, DebugText = debugText });

    // The NOC (and ICAC) decoded, for the staged key, with an operational node id, validated to the root.
    private ValueTask<Oc.NOCResponse>? CheckChain(ReadOnlyMemory<byte> nocValue, ReadOnlyMemory<byte>? icacValue, MatterCertificate root, System.Security.Cryptography.ECDsa key, out MatterCertificate noc, out MatterCertificate? icac)
    {
        icac = null;
        noc = DecodeCertificate(nocValue)!;
        if (noc is null)
        {
            return Respond(CertStatus.InvalidNOC, "NOCValue is not a Matter certificate.");
        }

        // An empty ICACValue means no ICAC: controllers send it rather than leave the field out.
        if (icacValue is { Length: > 0 } icacBytes && (icac = DecodeCertificate(icacBytes)) is null)
        {
            return Respond(CertStatus.InvalidNOC, "ICACValue is not a Matter certificate.");
        }

        if (!noc.PublicKey.AsSpan().SequenceEqual(CertificateCrypto.PublicKeyOf(key)))
        {
            return Respond(CertStatus.InvalidPublicKey, "The NOC is not for the key of the last CSR.");
        }

        if (noc.NodeId is not { } nodeId || !NodeIds.IsOperational(nodeId))
        {
            return Respond(CertStatus.InvalidNodeOpId, "The NOC's node id is not an operational node id.");
        }

        try
        {
            CertificateValidator.ValidateChain(noc, icac, root, Server.Time.GetUtcNow());
        }
        catch (CertificateException error)
        {
            return Respond(CertStatus.InvalidNOC, error.Message);
        }

        return null;
    }

    private static MatterCertificate? DecodeCertificate(ReadOnlyMemory<byte> tlv)
    {
        if (tlv.Length is 0 or > MaxCertificateBytes)
        {
            return null;
        }

        try
        {
            return MatterCertificate.FromTlv(tlv.Span);
        }
        catch (Exception error) when (error is CertificateException or TlvException or ArgumentException)
        {
            return null;
        }
    }

    private static void CheckNonce(ReadOnlyMemory<byte> nonce)
    {
        if (nonce.Length != DeviceAttestation.NonceLength)
        {
            throw new MatterStatusException(MatterStatus.InvalidCommand, $"The nonce has {DeviceAttestation.NonceLength} bytes.");
        }
    }

    // The attestation challenge of the session the request came in on (a PASE or CASE session of the secure transport).
    private static ReadOnlyMemory<byte> ChallengeOf(RequestContext context) =>
        context.Session is SecureSession { AttestationChallenge.Length: DeviceAttestation.ChallengeLength } session
            ? session.AttestationChallenge
            : throw new MatterStatusException(MatterStatus.Failure, "Attestation needs a secure session's attestation challenge.");

    private void RequireFailSafe()
    {
        if (!failSafe.IsArmed)
        {
            throw new MatterStatusException(MatterStatus.FailsafeRequired, "Arm the fail-safe first.");
        }
    }
}
