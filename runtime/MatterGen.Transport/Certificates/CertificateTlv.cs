using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using MatterGen.Tlv;
using MatterGen.Transport.Internal;

namespace MatterGen.Transport.Certificates;

/// <summary>The Matter TLV form of an operational certificate (Core Specification 6.5.2, "matter-certificate").</summary>
internal static class CertificateTlv
{
    /// <summary>The most attributes a name or extensions list may have (the spec allows 5 DN attributes and 6 extensions; some slack).</summary>
    private const int MaxListEntries = 16;

    public static byte[] Encode(MatterCertificate certificate) => TlvCoding.Encode((ref TlvWriter writer) =>
    {
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteOctetString(TlvTag.Context(1), certificate.SerialNumber);
        writer.WriteUnsignedInteger(TlvTag.Context(2), 1);
        WriteName(ref writer, 3, certificate.Issuer);
        writer.WriteUnsignedInteger(TlvTag.Context(4), certificate.NotBefore);
        writer.WriteUnsignedInteger(TlvTag.Context(5), certificate.NotAfter);
        WriteName(ref writer, 6, certificate.Subject);
        writer.WriteUnsignedInteger(TlvTag.Context(7), 1);
        writer.WriteUnsignedInteger(TlvTag.Context(8), 1);
        writer.WriteOctetString(TlvTag.Context(9), certificate.PublicKey);
        writer.StartList(TlvTag.Context(10));
        foreach (var extension in certificate.Extensions)
        {
            WriteExtension(ref writer, extension);
        }

        writer.EndContainer();
        writer.WriteOctetString(TlvTag.Context(11), certificate.Signature);
        writer.EndContainer();
    });

    public static MatterCertificate Decode(ReadOnlySpan<byte> tlv)
    {
        try
        {
            return DecodeChecked(tlv);
        }
        catch (TlvException error)
        {
            throw new CertificateException("Malformed Matter certificate: " + error.Message, error);
        }
    }

    private static MatterCertificate DecodeChecked(ReadOnlySpan<byte> tlv)
    {
        var reader = TlvCoding.OpenStructure(tlv, "matter-certificate");
        byte[]? serial = null, publicKey = null, signature = null;
        ImmutableArray<DnAttribute>? issuer = null, subject = null;
        ImmutableArray<CertificateExtension>? extensions = null;
        uint? notBefore = null, notAfter = null;
        var expected = 1;
        while (TlvCoding.NextMember(ref reader))
        {
            // The fields come in tag order, each once (the TBS order depends on it).
            var tag = TlvCoding.ContextTag(reader);
            if (tag != expected)
            {
                throw new CertificateException($"Certificate field {tag} where field {expected} belongs.");
            }

            expected++;
            switch (tag)
            {
                case 1: serial = TlvCoding.BoundedOctets(ref reader, 1, 20, "serial-num"); break;
                case 2: RequireOne(reader.GetUInt64(), "sig-algo (ecdsa-with-SHA256)"); break;
                case 3: issuer = ReadName(ref reader); break;
                case 4: notBefore = reader.GetUInt32(); break;
                case 5: notAfter = reader.GetUInt32(); break;
                case 6: subject = ReadName(ref reader); break;
                case 7: RequireOne(reader.GetUInt64(), "pub-key-algo (EC)"); break;
                case 8: RequireOne(reader.GetUInt64(), "ec-curve-id (prime256v1)"); break;
                case 9: publicKey = TlvCoding.FixedOctets(ref reader, 65, "ec-pub-key"); break;
                case 10: extensions = ReadExtensions(ref reader); break;
                case 11: signature = TlvCoding.FixedOctets(ref reader, 64, "signature"); break;
                default: throw new CertificateException($"Unknown certificate field {tag}.");
            }
        }

        reader.ExpectEnd();
        if (expected != 12)
        {
            throw new CertificateException($"The certificate ends before field {expected}.");
        }

        return new MatterCertificate
        {
            SerialNumber = serial!,
            Issuer = issuer!.Value,
            NotBefore = notBefore!.Value,
            NotAfter = notAfter!.Value,
            Subject = subject!.Value,
            PublicKey = publicKey!,
            Extensions = extensions!.Value,
            Signature = signature!,
        };
    }

    private static void RequireOne(ulong value, string field)
    {
        if (value != 1)
        {
            throw new CertificateException($"Unsupported {field}: {value}.");
        }
    }

    private static void WriteName(ref TlvWriter writer, byte tag, ImmutableArray<DnAttribute> name)
    {
        writer.StartList(TlvTag.Context(tag));
        foreach (var attribute in name)
        {
            if (attribute.IsMatterId)
            {
                writer.WriteUnsignedInteger(TlvTag.Context(attribute.Tag), attribute.Number);
            }
            else
            {
                writer.WriteString(TlvTag.Context(attribute.Tag), attribute.Text ?? string.Empty);
            }
        }

        writer.EndContainer();
    }

    private static ImmutableArray<DnAttribute> ReadName(ref TlvReader reader)
    {
        reader.ExpectType(TlvElementType.List, "dn");
        var attributes = ImmutableArray.CreateBuilder<DnAttribute>();
        while (TlvCoding.NextMember(ref reader))
        {
            var tag = TlvCoding.ContextTag(reader);
            if (tag < 1 || attributes.Count >= MaxListEntries)
            {
                throw new CertificateException("A distinguished name has an untagged or surplus attribute.");
            }

            if (DnAttribute.IsMatterTag((byte)tag))
            {
                var value = reader.GetUInt64();
                if (tag == DnAttribute.CaseAuthenticatedTag && value > uint.MaxValue)
                {
                    throw new CertificateException("A CASE Authenticated Tag has 32 bits.");
                }

                attributes.Add(DnAttribute.Id((byte)tag, value));
            }
            else if (CertificateOids.IsKnownTextTag((byte)tag))
            {
                attributes.Add(new DnAttribute((byte)tag, 0, reader.GetString()));
            }
            else
            {
                throw new CertificateException($"Unknown distinguished-name attribute {tag}.");
            }
        }

        return attributes.ToImmutable();
    }

    private static void WriteExtension(ref TlvWriter writer, CertificateExtension extension)
    {
        var tag = TlvTag.Context((byte)extension.Kind);
        switch (extension.Kind)
        {
            case CertificateExtensionKind.BasicConstraints:
                writer.StartStructure(tag);
                writer.WriteBoolean(TlvTag.Context(1), extension.IsCa);
                if (extension.PathLength is { } pathLength)
                {
                    writer.WriteUnsignedInteger(TlvTag.Context(2), pathLength);
                }

                writer.EndContainer();
                break;
            case CertificateExtensionKind.KeyUsage:
                writer.WriteUnsignedInteger(tag, (ushort)extension.Usage);
                break;
            case CertificateExtensionKind.ExtendedKeyUsage:
                writer.StartArray(tag);
                foreach (var purpose in extension.KeyPurposes ?? [])
                {
                    writer.WriteUnsignedInteger(TlvTag.Anonymous, purpose);
                }

                writer.EndContainer();
                break;
            default:
                writer.WriteOctetString(tag, extension.Bytes ?? []);
                break;
        }
    }

    private static ImmutableArray<CertificateExtension> ReadExtensions(ref TlvReader reader)
    {
        reader.ExpectType(TlvElementType.List, "extensions");
        var extensions = ImmutableArray.CreateBuilder<CertificateExtension>();
        var seen = new HashSet<int>();
        while (TlvCoding.NextMember(ref reader))
        {
            var tag = TlvCoding.ContextTag(reader);
            if (extensions.Count >= MaxListEntries || (tag != (int)CertificateExtensionKind.FutureExtension && !seen.Add(tag)))
            {
                throw new CertificateException($"Extension {tag} repeats or there are too many extensions.");
            }

            extensions.Add(tag switch
            {
                1 => ReadBasicConstraints(ref reader),
                2 => new CertificateExtension(CertificateExtensionKind.KeyUsage, Usage: (KeyUsage)reader.GetUInt16()),
                3 => ReadKeyPurposes(ref reader),
                4 => new CertificateExtension(CertificateExtensionKind.SubjectKeyIdentifier, Bytes: TlvCoding.FixedOctets(ref reader, 20, "subject-key-id")),
                5 => new CertificateExtension(CertificateExtensionKind.AuthorityKeyIdentifier, Bytes: TlvCoding.FixedOctets(ref reader, 20, "authority-key-id")),
                6 => new CertificateExtension(CertificateExtensionKind.FutureExtension, Bytes: TlvCoding.BoundedOctets(ref reader, 1, 400, "future-extension")),
                _ => throw new CertificateException($"Unknown certificate extension {tag}."),
            });
        }

        return extensions.ToImmutable();
    }

    private static CertificateExtension ReadBasicConstraints(ref TlvReader reader)
    {
        reader.ExpectType(TlvElementType.Structure, "basic-constraints");
        bool? isCa = null;
        byte? pathLength = null;
        while (TlvCoding.NextMember(ref reader))
        {
            switch (TlvCoding.ContextTag(reader))
            {
                case 1: isCa = reader.GetBoolean(); break;
                case 2: pathLength = reader.GetByte(); break;
                default: throw new CertificateException("Unknown basic-constraints field.");
            }
        }

        return new CertificateExtension(CertificateExtensionKind.BasicConstraints, IsCa: TlvCoding.Required(isCa, "is-ca", reader), PathLength: pathLength);
    }

    private static CertificateExtension ReadKeyPurposes(ref TlvReader reader)
    {
        reader.ExpectType(TlvElementType.Array, "extended-key-usage");
        var purposes = new List<byte>();
        while (TlvCoding.NextMember(ref reader))
        {
            var purpose = reader.GetByte();
            if (purpose is < 1 or > 6 || purposes.Count >= MaxListEntries)
            {
                throw new CertificateException($"Unknown key purpose {purpose}.");
            }

            purposes.Add(purpose);
        }

        return new CertificateExtension(CertificateExtensionKind.ExtendedKeyUsage, KeyPurposes: purposes.ToArray());
    }
}
