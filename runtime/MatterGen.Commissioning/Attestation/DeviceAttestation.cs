using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MatterGen.Tlv;

namespace MatterGen.Commissioning.Attestation;

/// <summary>
/// The device side of Operational Credentials' attestation commands (Matter Core 11.18.6): the certificate chain,
/// AttestationResponse (attestation elements signed by the DAC key over elements || attestation challenge) and
/// CSRResponse (NOCSR elements with a fresh operational key's PKCS#10 CSR, signed the same way). The attestation
/// challenge comes from the PASE session (the secure transport derives it); signatures are raw r || s (64 bytes).
/// </summary>
public sealed class DeviceAttestation
{
    /// <summary>The nonce length of AttestationRequest and CSRRequest.</summary>
    public const int NonceLength = 32;

    /// <summary>The attestation challenge length.</summary>
    public const int ChallengeLength = 16;

    /// <summary>The most bytes of attestation or NOCSR elements (RESP_MAX).</summary>
    public const int MaximumElementsLength = 900;

    private readonly AttestationCredentials credentials;
    private readonly TimeProvider time;

    /// <summary>Serves attestation from <paramref name="credentials"/>; time stamps come from <paramref name="time"/>.</summary>
    public DeviceAttestation(AttestationCredentials credentials, TimeProvider time)
    {
        this.credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>CertificateChainRequest: 1 is the DAC, 2 the PAI; anything else is an <see cref="ArgumentOutOfRangeException"/> (INVALID_COMMAND).</summary>
    public byte[] CertificateChain(byte certificateType) => certificateType switch
    {
        1 => credentials.Dac,
        2 => credentials.Pai,
        _ => throw new ArgumentOutOfRangeException(nameof(certificateType), certificateType, "CertificateType is 1 (DAC) or 2 (PAI)."),
    };

    /// <summary>
    /// AttestationResponse for <paramref name="nonce"/>: the attestation elements (certification declaration, nonce,
    /// timestamp) and their signature. A nonce that is not 32 bytes is an <see cref="ArgumentException"/> (INVALID_COMMAND).
    /// </summary>
    public SignedElements Attest(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> attestationChallenge)
    {
        CheckLengths(nonce, attestationChallenge);
        var output = new ArrayBufferWriter<byte>(512);
        var writer = new TlvWriter(output);
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteOctetString(TlvTag.Context(1), credentials.CertificationDeclaration);
        writer.WriteOctetString(TlvTag.Context(2), nonce);
        writer.WriteUnsignedInteger(TlvTag.Context(3), MatterEpochSeconds());
        writer.EndContainer();
        writer.Flush();
        return Sign(output.WrittenSpan.ToArray(), attestationChallenge);
    }

    /// <summary>
    /// CSRResponse for <paramref name="csrNonce"/>: a new P-256 operational key pair (returned, for the node to keep until
    /// AddNOC or the fail-safe ends) and the NOCSR elements (PKCS#10 CSR, nonce) with their signature.
    /// </summary>
    public CsrResponse CreateCsr(ReadOnlySpan<byte> csrNonce, ReadOnlySpan<byte> attestationChallenge)
    {
        CheckLengths(csrNonce, attestationChallenge);
        var operationalKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            var csr = new CertificateRequest(new X500DistinguishedName("O=CSR"), operationalKey, HashAlgorithmName.SHA256).CreateSigningRequest();
            var output = new ArrayBufferWriter<byte>(512);
            var writer = new TlvWriter(output);
            writer.StartStructure(TlvTag.Anonymous);
            writer.WriteOctetString(TlvTag.Context(1), csr);
            writer.WriteOctetString(TlvTag.Context(2), csrNonce);
            writer.EndContainer();
            writer.Flush();
            return new CsrResponse(Sign(output.WrittenSpan.ToArray(), attestationChallenge), operationalKey);
        }
        catch
        {
            operationalKey.Dispose();
            throw;
        }
    }

    private SignedElements Sign(byte[] elements, ReadOnlySpan<byte> attestationChallenge)
    {
        if (elements.Length > MaximumElementsLength)
        {
            throw new InvalidOperationException($"The elements take {elements.Length} bytes, over RESP_MAX ({MaximumElementsLength}).");
        }

        var signed = new byte[elements.Length + attestationChallenge.Length];
        elements.CopyTo(signed, 0);
        attestationChallenge.CopyTo(signed.AsSpan(elements.Length));
        return new SignedElements(elements, credentials.DacKey.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    // Seconds since the Matter epoch (2000-01-01 UTC); 0 when the clock is before it (no time known).
    private uint MatterEpochSeconds()
    {
        var seconds = (time.GetUtcNow() - new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds;
        return seconds <= 0 ? 0 : (uint)Math.Min(seconds, uint.MaxValue);
    }

    private static void CheckLengths(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> attestationChallenge)
    {
        if (nonce.Length != NonceLength)
        {
            throw new ArgumentException($"The nonce has {nonce.Length} bytes; it must have {NonceLength}.", nameof(nonce));
        }

        if (attestationChallenge.Length != ChallengeLength)
        {
            throw new ArgumentException($"The attestation challenge has {attestationChallenge.Length} bytes; it must have {ChallengeLength}.", nameof(attestationChallenge));
        }
    }
}

/// <summary>TLV elements and the DAC's signature over elements || attestation challenge.</summary>
/// <param name="Elements">The TLV elements (AttestationElements or NOCSRElements field).</param>
/// <param name="Signature">The ECDSA P-256 signature, raw r || s (AttestationSignature field).</param>
public sealed record SignedElements(byte[] Elements, byte[] Signature);

/// <summary>A CSRResponse and the operational key pair it certifies.</summary>
/// <param name="Response">NOCSRElements and AttestationSignature.</param>
/// <param name="OperationalKey">The new key pair; the node keeps it until AddNOC (or drops it when the fail-safe ends).</param>
public sealed record CsrResponse(SignedElements Response, ECDsa OperationalKey);
