using System;
using System.Collections.Generic;
using System.Formats.Asn1;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MatterGen.Commissioning.Attestation;

/// <summary>
/// The CMS SignedData that carries a certification declaration (Matter Core 6.3.1, RFC 5652) in the narrow profile
/// the specification fixes: version 3, SHA-256, the TLV content as id-data, one signer named by its subject key
/// identifier, no signed attributes, an ECDSA-with-SHA256 signature over the content and no certificates.
/// </summary>
public static class CertificationDeclarationEnvelope
{
    /// <summary>The largest envelope read (a real one is a few hundred bytes).</summary>
    public const int MaximumLength = 2048;

    private const string SignedDataOid = "1.2.840.113549.1.7.2";
    private const string DataOid = "1.2.840.113549.1.7.1";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string EcdsaWithSha256Oid = "1.2.840.10045.4.3.2";

    /// <summary>Signs <paramref name="declaration"/> with <paramref name="signingKey"/>, naming the signer by <paramref name="subjectKeyId"/>.</summary>
    public static byte[] Sign(CertificationDeclaration declaration, ECDsa signingKey, ReadOnlySpan<byte> subjectKeyId)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(signingKey);
        var content = declaration.Encode();
        var signature = signingKey.SignData(content, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(SignedDataOid);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
            using (writer.PushSequence())
            {
                writer.WriteInteger(3);
                using (writer.PushSetOf())
                {
                    WriteAlgorithm(writer, Sha256Oid);
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(DataOid);
                    using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                    {
                        writer.WriteOctetString(content);
                    }
                }

                using (writer.PushSetOf())
                using (writer.PushSequence())
                {
                    writer.WriteInteger(3);
                    writer.WriteOctetString(subjectKeyId, new Asn1Tag(TagClass.ContextSpecific, 0));
                    WriteAlgorithm(writer, Sha256Oid);
                    WriteAlgorithm(writer, EcdsaWithSha256Oid);
                    writer.WriteOctetString(signature);
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>
    /// Reads an envelope, checks its signature against the signer among <paramref name="trustedSigners"/> whose subject
    /// key identifier it names, and returns the declaration. Throws <see cref="CryptographicException"/> for an
    /// unknown signer or a bad signature and <see cref="FormatException"/> for anything outside the profile.
    /// </summary>
    public static CertificationDeclaration Verify(ReadOnlySpan<byte> envelope, IEnumerable<X509Certificate2> trustedSigners)
    {
        ArgumentNullException.ThrowIfNull(trustedSigners);
        var (content, keyId, signature) = Read(envelope);
        var signer = trustedSigners.FirstOrDefault(certificate =>
            certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifierBytes.Span.SequenceEqual(keyId) == true)
            ?? throw new CryptographicException($"No trusted signer has the key id {Convert.ToHexString(keyId)}.");
        using var key = signer.GetECDsaPublicKey() ?? throw new CryptographicException("The signer's key is not an ECDSA key.");
        if (!key.VerifyData(content, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
        {
            throw new CryptographicException("The certification declaration's signature does not verify.");
        }

        return CertificationDeclaration.Decode(content);
    }

    /// <summary>The content, signer key id and signature of an envelope, without checking the signature.</summary>
    public static (byte[] Content, byte[] SubjectKeyId, byte[] Signature) Read(ReadOnlySpan<byte> envelope)
    {
        if (envelope.Length > MaximumLength)
        {
            throw new FormatException($"A certification declaration of {envelope.Length} bytes is over {MaximumLength}.");
        }

        try
        {
            var outer = new AsnReader(envelope.ToArray(), AsnEncodingRules.DER).ReadSequence();
            Expect(outer.ReadObjectIdentifier(), SignedDataOid, "content type");
            var signedData = outer.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)).ReadSequence();
            ExpectVersion(signedData);
            var digests = signedData.ReadSetOf();
            ExpectAlgorithm(digests, Sha256Oid);
            var encapsulated = signedData.ReadSequence();
            Expect(encapsulated.ReadObjectIdentifier(), DataOid, "encapsulated content type");
            var content = encapsulated.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)).ReadOctetString();

            // Certificates [0] and CRLs [1] are not part of the profile; a CD carrying them is still read.
            while (signedData.HasData && signedData.PeekTag().TagClass == TagClass.ContextSpecific)
            {
                signedData.ReadEncodedValue();
            }

            var signers = signedData.ReadSetOf();
            var signerInfo = signers.ReadSequence();
            if (signers.HasData)
            {
                throw new FormatException("A certification declaration has exactly one signer.");
            }

            ExpectVersion(signerInfo);
            var keyId = signerInfo.ReadOctetString(new Asn1Tag(TagClass.ContextSpecific, 0));
            ExpectAlgorithm(signerInfo, Sha256Oid);
            if (signerInfo.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
            {
                throw new FormatException("A certification declaration has no signed attributes.");
            }

            ExpectAlgorithm(signerInfo, EcdsaWithSha256Oid);
            var signature = signerInfo.ReadOctetString();
            return (content, keyId, signature);
        }
        catch (AsnContentException exception)
        {
            throw new FormatException("The certification declaration is not a valid CMS SignedData: " + exception.Message, exception);
        }
        catch (InvalidOperationException exception)
        {
            throw new FormatException("The certification declaration ends early: " + exception.Message, exception);
        }
    }

    private static void WriteAlgorithm(AsnWriter writer, string oid)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
        }
    }

    private static void ExpectAlgorithm(AsnReader reader, string oid)
    {
        var algorithm = reader.ReadSequence();
        Expect(algorithm.ReadObjectIdentifier(), oid, "algorithm");

        // Parameters are absent for both algorithms; an explicit NULL is tolerated.
        if (algorithm.HasData)
        {
            algorithm.ReadNull();
        }
    }

    private static void ExpectVersion(AsnReader reader)
    {
        if (!reader.TryReadInt32(out var version) || version != 3)
        {
            throw new FormatException("The CMS version is not 3.");
        }
    }

    private static void Expect(string actual, string expected, string what)
    {
        if (actual != expected)
        {
            throw new FormatException($"The {what} is {actual}, not {expected}.");
        }
    }
}
