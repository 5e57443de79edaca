using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Tlv;

namespace MatterGen.Commissioning.Attestation;

/// <summary>
/// The content of a certification declaration (Matter Core 6.3.1): the TLV structure that the CSA (or, for
/// development, the test CD key) signs inside a CMS SignedData (<see cref="CertificationDeclarationEnvelope"/>).
/// </summary>
public sealed record CertificationDeclaration
{
    /// <summary>format_version (1).</summary>
    public byte FormatVersion { get; init; } = 1;

    /// <summary>vendor_id.</summary>
    public required ushort VendorId { get; init; }

    /// <summary>product_id_array: 1 to 100 product ids.</summary>
    public required IReadOnlyList<ushort> ProductIds { get; init; }

    /// <summary>device_type_id (Energy EVSE is 0x050C).</summary>
    public required uint DeviceTypeId { get; init; }

    /// <summary>certificate_id: 19 characters, for example <c>ZIG20141ZB330001-24</c>.</summary>
    public required string CertificateId { get; init; }

    /// <summary>security_level (0).</summary>
    public byte SecurityLevel { get; init; }

    /// <summary>security_information (0).</summary>
    public ushort SecurityInformation { get; init; }

    /// <summary>version_number.</summary>
    public ushort VersionNumber { get; init; }

    /// <summary>certification_type.</summary>
    public CertificationType CertificationType { get; init; }

    /// <summary>dac_origin_vendor_id: set (with <see cref="DacOriginProductId"/>) when the DAC comes from another vendor.</summary>
    public ushort? DacOriginVendorId { get; init; }

    /// <summary>dac_origin_product_id.</summary>
    public ushort? DacOriginProductId { get; init; }

    /// <summary>authorized_paa_list: subject key ids (20 bytes each) of the PAAs allowed to issue this product's DACs.</summary>
    public IReadOnlyList<byte[]>? AuthorizedPaaList { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> for a field outside the specification's constraints.</summary>
    public void Validate()
    {
        if (ProductIds.Count is 0 or > 100)
        {
            throw new ArgumentException("product_id_array holds 1 to 100 ids.", nameof(ProductIds));
        }

        if (CertificateId.Length != 19)
        {
            throw new ArgumentException("certificate_id has 19 characters.", nameof(CertificateId));
        }

        if (DacOriginVendorId.HasValue != DacOriginProductId.HasValue)
        {
            throw new ArgumentException("dac_origin_vendor_id and dac_origin_product_id come together.", nameof(DacOriginVendorId));
        }

        if (AuthorizedPaaList is { } list && (list.Count is 0 or > 10 || list.Any(id => id.Length != 20)))
        {
            throw new ArgumentException("authorized_paa_list holds 1 to 10 key ids of 20 bytes.", nameof(AuthorizedPaaList));
        }
    }

    /// <summary>The TLV encoding (an anonymous structure, fields in tag order).</summary>
    public byte[] Encode()
    {
        Validate();
        var output = new ArrayBufferWriter<byte>(128);
        var writer = new TlvWriter(output);
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteUnsignedInteger(TlvTag.Context(0), FormatVersion);
        writer.WriteUnsignedInteger(TlvTag.Context(1), VendorId);
        writer.StartArray(TlvTag.Context(2));
        foreach (var product in ProductIds)
        {
            writer.WriteUnsignedInteger(TlvTag.Anonymous, product);
        }

        writer.EndContainer();
        writer.WriteUnsignedInteger(TlvTag.Context(3), DeviceTypeId);
        writer.WriteString(TlvTag.Context(4), CertificateId);
        writer.WriteUnsignedInteger(TlvTag.Context(5), SecurityLevel);
        writer.WriteUnsignedInteger(TlvTag.Context(6), SecurityInformation);
        writer.WriteUnsignedInteger(TlvTag.Context(7), VersionNumber);
        writer.WriteUnsignedInteger(TlvTag.Context(8), (byte)CertificationType);
        if (DacOriginVendorId is { } originVendor && DacOriginProductId is { } originProduct)
        {
            writer.WriteUnsignedInteger(TlvTag.Context(9), originVendor);
            writer.WriteUnsignedInteger(TlvTag.Context(10), originProduct);
        }

        if (AuthorizedPaaList is { } paas)
        {
            writer.StartArray(TlvTag.Context(11));
            foreach (var id in paas)
            {
                writer.WriteOctetString(TlvTag.Anonymous, id);
            }

            writer.EndContainer();
        }

        writer.EndContainer();
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads the TLV content; throws <see cref="TlvException"/> or <see cref="FormatException"/> when it is malformed or a required field is missing.</summary>
    public static CertificationDeclaration Decode(ReadOnlySpan<byte> tlv)
    {
        var reader = new TlvReader(tlv);
        reader.Read();
        reader.ExpectType(TlvElementType.Structure, "certification declaration");
        byte? format = null, securityLevel = null, certificationType = null;
        ushort? vendor = null, securityInformation = null, version = null, originVendor = null, originProduct = null;
        uint? deviceType = null;
        string? certificateId = null;
        List<ushort>? products = null;
        List<byte[]>? paas = null;
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            switch (reader.Tag.Kind == TlvTagKind.Context ? (int)reader.Tag.Number : -1)
            {
                case 0: format = reader.GetByte(); break;
                case 1: vendor = reader.GetUInt16(); break;
                case 2: products = ReadList(ref reader, (ref TlvReader r) => r.GetUInt16(), 100, "product_id_array"); break;
                case 3: deviceType = reader.GetUInt32(); break;
                case 4: certificateId = reader.GetString(); break;
                case 5: securityLevel = reader.GetByte(); break;
                case 6: securityInformation = reader.GetUInt16(); break;
                case 7: version = reader.GetUInt16(); break;
                case 8: certificationType = reader.GetByte(); break;
                case 9: originVendor = reader.GetUInt16(); break;
                case 10: originProduct = reader.GetUInt16(); break;
                case 11: paas = ReadList(ref reader, (ref TlvReader r) => r.GetOctetStringArray(), 10, "authorized_paa_list"); break;
                default: reader.Skip(); break;
            }
        }

        var declaration = new CertificationDeclaration
        {
            FormatVersion = format ?? throw Missing("format_version"),
            VendorId = vendor ?? throw Missing("vendor_id"),
            ProductIds = products ?? throw Missing("product_id_array"),
            DeviceTypeId = deviceType ?? throw Missing("device_type_id"),
            CertificateId = certificateId ?? throw Missing("certificate_id"),
            SecurityLevel = securityLevel ?? throw Missing("security_level"),
            SecurityInformation = securityInformation ?? throw Missing("security_information"),
            VersionNumber = version ?? throw Missing("version_number"),
            CertificationType = (CertificationType)(certificationType ?? throw Missing("certification_type")),
            DacOriginVendorId = originVendor,
            DacOriginProductId = originProduct,
            AuthorizedPaaList = paas,
        };
        try
        {
            declaration.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new FormatException("The certification declaration breaks a constraint: " + exception.Message, exception);
        }

        return declaration;
    }

    private delegate T ElementReader<T>(ref TlvReader reader);

    private static List<T> ReadList<T>(ref TlvReader reader, ElementReader<T> read, int maximum, string name)
    {
        reader.ExpectType(TlvElementType.Array, name);
        var values = new List<T>();
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            if (values.Count == maximum)
            {
                throw new FormatException($"{name} holds more than {maximum} entries.");
            }

            values.Add(read(ref reader));
        }

        return values;
    }

    private static FormatException Missing(string field) => new($"The certification declaration has no {field}.");
}
