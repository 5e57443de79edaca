using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using MatterGen.DataModel;

namespace MatterGen.Transport.Certificates;

/// <summary>
/// The exact conversion between a Matter certificate and X.509 DER (Core Specification 6.5.x): DN attributes as
/// UTF8String (PrintableString for the tags with 0x80, IA5String for domain-component), Matter ids as upper-case
/// hex text, UTCTime before 2050 and GeneralizedTime from 2050, notAfter 0 as 99991231235959Z, extensions in the
/// certificate's order with basic-constraints, key-usage and extended-key-usage critical, and r || s as a DER
/// ECDSA-Sig-Value. A DER certificate that would not convert back to the same bytes is refused.
/// </summary>
internal static class CertificateDer
{
    private static readonly Asn1Tag Explicit0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Explicit3 = new(TagClass.ContextSpecific, 3, isConstructed: true);
    private static readonly Asn1Tag Implicit0 = new(TagClass.ContextSpecific, 0);
    private static readonly DateTimeOffset NoExpiry = new(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);

    public static byte[] Encode(MatterCertificate certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            WriteTbs(writer, certificate);
            WriteAlgorithm(writer);
            var signature = new AsnWriter(AsnEncodingRules.DER);
            using (signature.PushSequence())
            {
                signature.WriteIntegerUnsigned(Minimal(certificate.Signature.AsSpan(0, 32)));
                signature.WriteIntegerUnsigned(Minimal(certificate.Signature.AsSpan(32, 32)));
            }

            writer.WriteBitString(signature.Encode());
        }

        return writer.Encode();
    }

    public static byte[] EncodeTbs(MatterCertificate certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        WriteTbs(writer, certificate);
        return writer.Encode();
    }

    public static MatterCertificate Decode(ReadOnlySpan<byte> der)
    {
        MatterCertificate certificate;
        try
        {
            certificate = DecodeChecked(der.ToArray());
        }
        catch (Exception error) when (error is AsnContentException or CryptographicException or FormatException or ArgumentException or OverflowException or KeyNotFoundException or InvalidOperationException)
        {
            throw new CertificateException("The DER certificate is not one Matter can represent: " + error.Message, error);
        }

        if (!der.SequenceEqual(Encode(certificate)))
        {
            throw new CertificateException("The DER certificate does not convert to the Matter form exactly (non-canonical encoding or fields).");
        }

        return certificate;
    }

    private static void WriteTbs(AsnWriter writer, MatterCertificate certificate)
    {
        using (writer.PushSequence())
        {
            using (writer.PushSequence(Explicit0))
            {
                writer.WriteInteger(2);
            }

            try
            {
                writer.WriteInteger(certificate.SerialNumber);
            }
            catch (ArgumentException error)
            {
                throw new CertificateException("The serial number is not a minimal DER INTEGER.", error);
            }

            WriteAlgorithm(writer);
            WriteName(writer, certificate.Issuer);
            using (writer.PushSequence())
            {
                WriteTime(writer, certificate.NotBefore);
                WriteTime(writer, certificate.NotAfter);
            }

            WriteName(writer, certificate.Subject);
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(CertificateOids.EcPublicKey);
                    writer.WriteObjectIdentifier(CertificateOids.Prime256v1);
                }

                writer.WriteBitString(certificate.PublicKey);
            }

            using (writer.PushSequence(Explicit3))
            using (writer.PushSequence())
            {
                foreach (var extension in certificate.Extensions)
                {
                    WriteExtension(writer, extension);
                }
            }
        }
    }

    private static void WriteAlgorithm(AsnWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(CertificateOids.EcdsaWithSha256);
        }
    }

    private static void WriteName(AsnWriter writer, ImmutableArray<DnAttribute> name)
    {
        using (writer.PushSequence())
        {
            foreach (var attribute in name)
            {
                var baseTag = attribute.IsMatterId ? attribute.Tag : (byte)(attribute.Tag & 0x7F);
                using (writer.PushSetOf())
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(CertificateOids.Attributes[baseTag]);
                    var kind = baseTag == 16 ? UniversalTagNumber.IA5String
                        : (attribute.Tag & 0x80) != 0 ? UniversalTagNumber.PrintableString
                        : UniversalTagNumber.UTF8String;
                    writer.WriteCharacterString(kind, attribute.DerText);
                }
            }
        }
    }

    private static void WriteTime(AsnWriter writer, uint matterSeconds)
    {
        if (matterSeconds == 0)
        {
            writer.WriteGeneralizedTime(NoExpiry, omitFractionalSeconds: true);
            return;
        }

        var time = MatterEpoch.Zero.AddSeconds(matterSeconds);
        if (time.Year < 2050)
        {
            writer.WriteUtcTime(time, 2049);
        }
        else
        {
            writer.WriteGeneralizedTime(time, omitFractionalSeconds: true);
        }
    }

    private static void WriteExtension(AsnWriter writer, CertificateExtension extension)
    {
        if (extension.Kind == CertificateExtensionKind.FutureExtension)
        {
            writer.WriteEncodedValue(extension.Bytes ?? []);
            return;
        }

        var value = new AsnWriter(AsnEncodingRules.DER);
        string oid;
        var critical = true;
        switch (extension.Kind)
        {
            case CertificateExtensionKind.BasicConstraints:
                oid = CertificateOids.BasicConstraints;
                using (value.PushSequence())
                {
                    if (extension.IsCa)
                    {
                        value.WriteBoolean(true);
                    }

                    if (extension.PathLength is { } pathLength)
                    {
                        value.WriteInteger(pathLength);
                    }
                }

                break;
            case CertificateExtensionKind.KeyUsage:
                oid = CertificateOids.KeyUsage;
                WriteKeyUsage(value, extension.Usage);
                break;
            case CertificateExtensionKind.ExtendedKeyUsage:
                oid = CertificateOids.ExtendedKeyUsage;
                using (value.PushSequence())
                {
                    foreach (var purpose in extension.KeyPurposes ?? [])
                    {
                        value.WriteObjectIdentifier(CertificateOids.KeyPurposes[purpose]);
                    }
                }

                break;
            case CertificateExtensionKind.SubjectKeyIdentifier:
                oid = CertificateOids.SubjectKeyIdentifier;
                critical = false;
                value.WriteOctetString(extension.Bytes ?? []);
                break;
            default:
                oid = CertificateOids.AuthorityKeyIdentifier;
                critical = false;
                using (value.PushSequence())
                {
                    value.WriteOctetString(extension.Bytes ?? [], Implicit0);
                }

                break;
        }

        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            if (critical)
            {
                writer.WriteBoolean(true);
            }

            writer.WriteOctetString(value.Encode());
        }
    }

    /// <summary>Key usage as a DER named bit list: bit 0 (digitalSignature) is the first byte's top bit, trailing zero bits dropped.</summary>
    private static void WriteKeyUsage(AsnWriter writer, KeyUsage usage)
    {
        var bits = (ushort)usage;
        Span<byte> bytes = stackalloc byte[2];
        for (var bit = 0; bit < 9; bit++)
        {
            if ((bits & (1 << bit)) != 0)
            {
                bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
            }
        }

        var length = bytes[1] != 0 ? 2 : bytes[0] != 0 ? 1 : 0;
        var unused = length == 0 ? 0 : BitOperations.TrailingZeroCount(bytes[length - 1]);
        writer.WriteBitString(bytes[..length], unused);
    }

    private static MatterCertificate DecodeChecked(byte[] der)
    {
        var certificateReader = new AsnReader(der, AsnEncodingRules.DER);
        var certificate = certificateReader.ReadSequence();
        certificateReader.ThrowIfNotEmpty();
        var tbs = certificate.ReadSequence();
        ReadAlgorithm(certificate);
        var signatureValue = new AsnReader(certificate.ReadBitString(out _), AsnEncodingRules.DER).ReadSequence();
        var signature = new byte[64];
        WriteFixed(signatureValue.ReadIntegerBytes().Span, signature.AsSpan(0, 32));
        WriteFixed(signatureValue.ReadIntegerBytes().Span, signature.AsSpan(32, 32));
        certificate.ThrowIfNotEmpty();

        var version = tbs.ReadSequence(Explicit0);
        if (version.ReadInteger() != 2)
        {
            throw new FormatException("Only X.509 v3 certificates are Matter certificates.");
        }

        var serial = tbs.ReadIntegerBytes().ToArray();
        ReadAlgorithm(tbs);
        var issuer = ReadName(tbs);
        var validity = tbs.ReadSequence();
        var notBefore = ReadTime(validity);
        var notAfter = ReadTime(validity);
        var subject = ReadName(tbs);
        var keyInfo = tbs.ReadSequence();
        var algorithm = keyInfo.ReadSequence();
        if (algorithm.ReadObjectIdentifier() != CertificateOids.EcPublicKey || algorithm.ReadObjectIdentifier() != CertificateOids.Prime256v1)
        {
            throw new FormatException("Only EC P-256 keys are allowed.");
        }

        var publicKey = keyInfo.ReadBitString(out _);
        var extensions = ReadExtensions(tbs.ReadSequence(Explicit3).ReadSequence());
        tbs.ThrowIfNotEmpty();
        return new MatterCertificate
        {
            SerialNumber = serial,
            Issuer = issuer,
            NotBefore = notBefore,
            NotAfter = notAfter,
            Subject = subject,
            PublicKey = publicKey,
            Extensions = extensions,
            Signature = signature,
        };
    }

    /// <summary>r or s without leading zero bytes (DER integers are minimal; one in 256 signatures has one).</summary>
    private static ReadOnlySpan<byte> Minimal(ReadOnlySpan<byte> value)
    {
        var trimmed = value.TrimStart((byte)0);
        return trimmed.IsEmpty ? value[^1..] : trimmed;
    }

    private static void WriteFixed(ReadOnlySpan<byte> integer, Span<byte> destination)
    {
        var trimmed = integer.TrimStart((byte)0);
        if (trimmed.Length > destination.Length)
        {
            throw new FormatException("A signature component is longer than 32 bytes.");
        }

        trimmed.CopyTo(destination[(destination.Length - trimmed.Length)..]);
    }

    private static void ReadAlgorithm(AsnReader reader)
    {
        var algorithm = reader.ReadSequence();
        if (algorithm.ReadObjectIdentifier() != CertificateOids.EcdsaWithSha256)
        {
            throw new FormatException("Only ecdsa-with-SHA256 signatures are allowed.");
        }

        algorithm.ThrowIfNotEmpty();
    }

    private static ImmutableArray<DnAttribute> ReadName(AsnReader reader)
    {
        var name = reader.ReadSequence();
        var attributes = ImmutableArray.CreateBuilder<DnAttribute>();
        while (name.HasData)
        {
            var attribute = name.ReadSetOf().ReadSequence();
            var oid = attribute.ReadObjectIdentifier();
            if (!CertificateOids.AttributeTags.TryGetValue(oid, out var tag))
            {
                throw new FormatException($"Unknown name attribute {oid}.");
            }

            var stringTag = attribute.PeekTag();
            if (DnAttribute.IsMatterTag(tag))
            {
                attributes.Add(DnAttribute.Id(tag, DnAttribute.ParseId(tag, attribute.ReadCharacterString(UniversalTagNumber.UTF8String))));
            }
            else if (stringTag.HasSameClassAndValue(new Asn1Tag(UniversalTagNumber.PrintableString)))
            {
                attributes.Add(new DnAttribute((byte)(tag | 0x80), 0, attribute.ReadCharacterString(UniversalTagNumber.PrintableString)));
            }
            else
            {
                attributes.Add(new DnAttribute(tag, 0, attribute.ReadCharacterString(tag == 16 ? UniversalTagNumber.IA5String : UniversalTagNumber.UTF8String)));
            }
        }

        return attributes.ToImmutable();
    }

    private static uint ReadTime(AsnReader reader)
    {
        var time = reader.PeekTag().HasSameClassAndValue(new Asn1Tag(UniversalTagNumber.UtcTime))
            ? reader.ReadUtcTime(2049)
            : reader.ReadGeneralizedTime();
        if (time == NoExpiry)
        {
            return 0;
        }

        var seconds = (time - MatterEpoch.Zero).TotalSeconds;
        if (seconds < 1 || seconds > uint.MaxValue)
        {
            throw new FormatException("A validity time outside the Matter epoch range.");
        }

        return (uint)seconds;
    }

    private static ImmutableArray<CertificateExtension> ReadExtensions(AsnReader reader)
    {
        var extensions = ImmutableArray.CreateBuilder<CertificateExtension>();
        while (reader.HasData)
        {
            var whole = reader.ReadEncodedValue();
            var extension = new AsnReader(whole, AsnEncodingRules.DER).ReadSequence();
            var oid = extension.ReadObjectIdentifier();
            if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
            {
                extension.ReadBoolean();
            }

            var value = new AsnReader(extension.ReadOctetString(), AsnEncodingRules.DER);
            extensions.Add(oid switch
            {
                CertificateOids.BasicConstraints => ReadBasicConstraints(value.ReadSequence()),
                CertificateOids.KeyUsage => new CertificateExtension(CertificateExtensionKind.KeyUsage, Usage: ReadKeyUsage(value)),
                CertificateOids.ExtendedKeyUsage => ReadKeyPurposes(value.ReadSequence()),
                CertificateOids.SubjectKeyIdentifier => new CertificateExtension(CertificateExtensionKind.SubjectKeyIdentifier, Bytes: value.ReadOctetString()),
                CertificateOids.AuthorityKeyIdentifier => new CertificateExtension(CertificateExtensionKind.AuthorityKeyIdentifier, Bytes: value.ReadSequence().ReadOctetString(Implicit0)),
                _ => new CertificateExtension(CertificateExtensionKind.FutureExtension, Bytes: whole.ToArray()),
            });
        }

        return extensions.ToImmutable();
    }

    private static CertificateExtension ReadBasicConstraints(AsnReader sequence)
    {
        var isCa = sequence.HasData && sequence.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && sequence.ReadBoolean();
        byte? pathLength = null;
        if (sequence.HasData)
        {
            pathLength = sequence.TryReadUInt32(out var value) && value <= byte.MaxValue ? (byte)value : throw new FormatException("pathLenConstraint out of range.");
        }

        return new CertificateExtension(CertificateExtensionKind.BasicConstraints, IsCa: isCa, PathLength: pathLength);
    }

    private static KeyUsage ReadKeyUsage(AsnReader value)
    {
        var bytes = value.ReadBitString(out _);
        if (bytes.Length > 2)
        {
            throw new FormatException("Key usage has more than 9 bits.");
        }

        ushort bits = 0;
        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0)
            {
                bits |= (ushort)(1 << bit);
            }
        }

        return (KeyUsage)bits;
    }

    private static CertificateExtension ReadKeyPurposes(AsnReader sequence)
    {
        var purposes = new List<byte>();
        while (sequence.HasData)
        {
            var oid = sequence.ReadObjectIdentifier();
            purposes.Add(CertificateOids.KeyPurposeIds.TryGetValue(oid, out var id) ? id : throw new FormatException($"Unknown key purpose {oid}."));
        }

        return new CertificateExtension(CertificateExtensionKind.ExtendedKeyUsage, KeyPurposes: purposes.ToArray());
    }
}
