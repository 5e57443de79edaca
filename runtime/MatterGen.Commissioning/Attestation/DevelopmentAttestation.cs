using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MatterGen.Commissioning.Attestation;

/// <summary>
/// Development attestation: a PAI and a DAC derived at start under the published Matter Test PAA (whose private key
/// is public, so this is for development and interop testing only), and a certification declaration signed with the
/// published test CD key, certification type "development and test". A controller that trusts the Matter test
/// roots (chip-tool, matter.js with test certificates) accepts it; a production controller does not, by design.
/// </summary>
public static class DevelopmentAttestation
{
    private const string ResourcePrefix = "MatterGen.Commissioning.Development.";

    /// <summary>The Matter Test PAA certificate (no vendor id), as published.</summary>
    public static X509Certificate2 TestPaa() => X509Certificate2.CreateFromPem(Resource("Matter-Test-PAA-NoVID-Cert.pem"));

    /// <summary>The test certification declaration signing certificate, as published.</summary>
    public static X509Certificate2 TestCdSigner() => X509Certificate2.CreateFromPem(Resource("Matter-Test-CD-Signing-Cert.pem"));

    /// <summary>
    /// New credentials for <paramref name="vendorId"/>/<paramref name="productId"/> (a test vendor, 0xFFF1 to 0xFFF4, for
    /// a controller to accept them) and <paramref name="deviceTypeId"/>, valid from a day before <paramref name="time"/>'s now.
    /// </summary>
    public static AttestationCredentials Create(ushort vendorId, ushort productId, uint deviceTypeId, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var notBefore = time.GetUtcNow().AddDays(-1);

        // The specification's "no well-defined expiration": 9999-12-31 23:59:59 UTC.
        var notAfter = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);
        using var paa = TestPaa();
        using var paaKey = ECDsa.Create();
        paaKey.ImportFromPem(Resource("Matter-Test-PAA-NoVID-Key.pem"));

        using var paiKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var paiRequest = new CertificateRequest(Subject("MatterGen Dev PAI", vendorId, null), paiKey, HashAlgorithmName.SHA256);
        paiRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        paiRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        paiRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(paiRequest.PublicKey, false));
        paiRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(paa, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var pai = paiRequest.Create(paa.SubjectName, X509SignatureGenerator.CreateForECDsa(paaKey), notBefore, notAfter, SerialNumber());

        var dacKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            var dacRequest = new CertificateRequest(Subject("MatterGen Dev DAC", vendorId, productId), dacKey, HashAlgorithmName.SHA256);
            dacRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            dacRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            dacRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(dacRequest.PublicKey, false));
            dacRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(pai, includeKeyIdentifier: true, includeIssuerAndSerial: false));
            using var dac = dacRequest.Create(pai.SubjectName, X509SignatureGenerator.CreateForECDsa(paiKey), notBefore, notAfter, SerialNumber());
            var declaration = new CertificationDeclaration
            {
                VendorId = vendorId,
                ProductIds = [productId],
                DeviceTypeId = deviceTypeId,
                CertificateId = "ZIG20142ZB330003-24",
                SecurityLevel = 0,
                SecurityInformation = 0,
                VersionNumber = 1,
                CertificationType = CertificationType.DevelopmentAndTest,
            };
            return new AttestationCredentials(dac.RawData, pai.RawData, dacKey, SignDeclaration(declaration));
        }
        catch
        {
            dacKey.Dispose();
            throw;
        }
    }

    /// <summary>Signs a declaration with the published test CD key (for development declarations of other products).</summary>
    public static byte[] SignDeclaration(CertificationDeclaration declaration)
    {
        using var signer = TestCdSigner();
        using var key = ECDsa.Create();
        key.ImportFromPem(Resource("Matter-Test-CD-Signing-Key.pem"));
        var keyId = signer.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifierBytes.Span;
        return CertificationDeclarationEnvelope.Sign(declaration, key, keyId);
    }

    private static X500DistinguishedName Subject(string commonName, ushort vendorId, ushort? productId)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        builder.Add(MatterCertificateOids.VendorId, $"{vendorId:X4}", System.Formats.Asn1.UniversalTagNumber.UTF8String);
        if (productId is { } product)
        {
            builder.Add(MatterCertificateOids.ProductId, $"{product:X4}", System.Formats.Asn1.UniversalTagNumber.UTF8String);
        }

        return builder.Build();
    }

    // A positive serial number of 8 random bytes (at most 20 octets allowed).
    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return serial;
    }

    private static string Resource(string name)
    {
        using var stream = typeof(DevelopmentAttestation).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The development credential {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
