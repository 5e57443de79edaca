using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using MatterGen.Persistence;
using MatterGen.Tlv;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Internal;

namespace MatterGen.Transport.Fabrics;

/// <summary>
/// The fabric table in one file, replaced atomically on every save (<see cref="AtomicFile"/>, owner-only on Unix
/// since it holds the operational keys). TLV: {0: format version, 1: [ {1: index, 2: RCAC, 3: NOC, 4: ICAC,
/// 5: IPK epoch key, 6: vendor id, 7: label, 8: operational private key (PKCS#8), 9: [later IPK epoch keys], only when
/// a KeySetWrite of group key set 0 gave more than one} ]}. A corrupt file throws on load:
/// silently forgetting fabrics would strand the node.
/// </summary>
public sealed class FileFabricStore : IFabricStore
{
    private const uint FormatVersion = 1;

    /// <summary>Uses the file at <paramref name="path"/>.</summary>
    public FileFabricStore(string path)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Called after the temporary file is written, before it replaces the store (a seam for tests).</summary>
    public Action? BeforeReplace { get; set; }

    /// <inheritdoc/>
    public IReadOnlyList<Fabric> Load()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var contents = File.ReadAllBytes(Path);
        try
        {
            return Parse(contents);
        }
        catch (Exception error) when (error is TlvException or CertificateException or CryptographicException or ArgumentException)
        {
            throw new InvalidDataException($"The fabric store {Path} is corrupt: {error.Message}", error);
        }
    }

    /// <inheritdoc/>
    public void Save(IReadOnlyList<Fabric> fabrics)
    {
        var output = new ArrayBufferWriter<byte>(1024);
        var writer = new TlvWriter(output);
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteUnsignedInteger(TlvTag.Context(0), FormatVersion);
        writer.StartArray(TlvTag.Context(1));
        foreach (var fabric in fabrics)
        {
            writer.StartStructure(TlvTag.Anonymous);
            writer.WriteUnsignedInteger(TlvTag.Context(1), fabric.Index);
            writer.WriteOctetString(TlvTag.Context(2), fabric.Root.ToTlv());
            writer.WriteOctetString(TlvTag.Context(3), fabric.Noc.ToTlv());
            if (fabric.Icac is not null)
            {
                writer.WriteOctetString(TlvTag.Context(4), fabric.Icac.ToTlv());
            }

            var ipk = fabric.Ipk.EpochKeys;
            writer.WriteOctetString(TlvTag.Context(5), ipk[0]);
            writer.WriteUnsignedInteger(TlvTag.Context(6), fabric.VendorId);
            writer.WriteString(TlvTag.Context(7), fabric.Label);
            var key = fabric.OperationalKey.ExportPkcs8PrivateKey();
            writer.WriteOctetString(TlvTag.Context(8), key);
            CryptographicOperations.ZeroMemory(key);
            if (ipk.Count > 1)
            {
                // Apart so that a file with one IPK epoch key reads as before (and an older build still loads the first).
                writer.StartArray(TlvTag.Context(9));
                for (var i = 1; i < ipk.Count; i++)
                {
                    writer.WriteOctetString(TlvTag.Anonymous, ipk[i]);
                }

                writer.EndContainer();
            }

            writer.EndContainer();
        }

        writer.EndContainer();
        writer.EndContainer();
        writer.Flush();
        AtomicFile.Write(Path, Path + ".tmp", output.WrittenSpan, BeforeReplace, ownerOnly: true);
    }

    private static List<Fabric> Parse(byte[] contents)
    {
        var reader = TlvCoding.OpenStructure(contents, "fabric store");
        var fabrics = new List<Fabric>();
        uint? version = null;
        while (TlvCoding.NextMember(ref reader))
        {
            switch (TlvCoding.ContextTag(reader))
            {
                case 0: version = reader.GetUInt32(); break;
                case 1 when version == FormatVersion:
                    reader.ExpectType(TlvElementType.Array, "fabrics");
                    while (TlvCoding.NextMember(ref reader))
                    {
                        fabrics.Add(ParseFabric(ref reader));
                    }

                    break;
                default: reader.Skip(); break;
            }
        }

        reader.ExpectEnd();
        if (version != FormatVersion)
        {
            throw TlvException.ConstraintViolation("version", $"unknown fabric store format {version}", 0);
        }

        return fabrics;
    }

    private static Fabric ParseFabric(ref TlvReader reader)
    {
        reader.ExpectType(TlvElementType.Structure, "fabric");
        byte? index = null;
        byte[]? root = null, noc = null, icac = null, ipk = null, key = null;
        var laterIpks = new List<ReadOnlyMemory<byte>>();
        ushort vendor = 0;
        var label = string.Empty;
        while (TlvCoding.NextMember(ref reader))
        {
            switch (TlvCoding.ContextTag(reader))
            {
                case 1: index = reader.GetByte(); break;
                case 2: root = reader.GetOctetStringArray(); break;
                case 3: noc = reader.GetOctetStringArray(); break;
                case 4: icac = reader.GetOctetStringArray(); break;
                case 5: ipk = TlvCoding.FixedOctets(ref reader, 16, "ipk"); break;
                case 6: vendor = reader.GetUInt16(); break;
                case 7: label = reader.GetString(); break;
                case 8: key = reader.GetOctetStringArray(); break;
                case 9:
                    reader.ExpectType(TlvElementType.Array, "later IPK epoch keys");
                    while (TlvCoding.NextMember(ref reader))
                    {
                        if (laterIpks.Count == IpkEpochKeys.MaxKeys - 1)
                        {
                            throw TlvException.ConstraintViolation("ipk", $"at most {IpkEpochKeys.MaxKeys} IPK epoch keys", reader.ElementOffset);
                        }

                        laterIpks.Add(TlvCoding.FixedOctets(ref reader, IpkEpochKeys.KeyLength, "ipk"));
                    }

                    break;
                default: reader.Skip(); break;
            }
        }

        var operationalKey = ECDsa.Create();
        operationalKey.ImportPkcs8PrivateKey(TlvCoding.Required(key, "key", reader), out _);
        CryptographicOperations.ZeroMemory(key);
        return new Fabric(
            TlvCoding.Required(index, "index", reader),
            MatterCertificate.FromTlv(TlvCoding.Required(root, "rcac", reader)),
            MatterCertificate.FromTlv(TlvCoding.Required(noc, "noc", reader)),
            icac is null ? null : MatterCertificate.FromTlv(icac),
            operationalKey,
            [TlvCoding.Required(ipk, "ipk", reader), .. laterIpks],
            vendor,
            label);
    }
}
