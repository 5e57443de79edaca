using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MatterGen.Commissioning.Attestation;

/// <summary>
/// What a device proves itself with (Matter Core 6.2): its DAC and the DAC's private key, the PAI that issued the
/// DAC, and the certification declaration. Production devices load them from files provisioned at manufacture
/// (<see cref="Load"/>); development devices derive them (<see cref="DevelopmentAttestation"/>).
/// </summary>
public sealed class AttestationCredentials : IDisposable
{
    /// <summary>Creates credentials; checks that the key belongs to the DAC.</summary>
    public AttestationCredentials(byte[] dac, byte[] pai, ECDsa dacKey, byte[] certificationDeclaration)
    {
        Dac = dac ?? throw new ArgumentNullException(nameof(dac));
        Pai = pai ?? throw new ArgumentNullException(nameof(pai));
        DacKey = dacKey ?? throw new ArgumentNullException(nameof(dacKey));
        CertificationDeclaration = certificationDeclaration ?? throw new ArgumentNullException(nameof(certificationDeclaration));
        using var certificate = X509CertificateLoader.LoadCertificate(dac);
        using var publicKey = certificate.GetECDsaPublicKey() ?? throw new ArgumentException("The DAC has no ECDSA key.", nameof(dac));
        if (!publicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(dacKey.ExportSubjectPublicKeyInfo()))
        {
            throw new ArgumentException("The private key does not belong to the DAC.", nameof(dacKey));
        }
    }

    /// <summary>The DAC, X.509 DER (CertificateChainResponse for type 1).</summary>
    public byte[] Dac { get; }

    /// <summary>The PAI, X.509 DER (CertificateChainResponse for type 2).</summary>
    public byte[] Pai { get; }

    /// <summary>The DAC's private key: signs attestation and NOCSR elements.</summary>
    public ECDsa DacKey { get; }

    /// <summary>The certification declaration, CMS DER.</summary>
    public byte[] CertificationDeclaration { get; }

    /// <summary>
    /// Loads production credentials from files: the DAC and PAI certificates (PEM or DER), the DAC's private key (PEM,
    /// SEC1 or PKCS#8) and the certification declaration (DER).
    /// </summary>
    public static AttestationCredentials Load(string dacPath, string dacKeyPath, string paiPath, string certificationDeclarationPath)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(dacKeyPath));
            return new AttestationCredentials(ReadCertificate(dacPath), ReadCertificate(paiPath), key, File.ReadAllBytes(certificationDeclarationPath));
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Writes the credentials to a folder in the layout <see cref="LoadDirectory"/> reads (dac.der, dac-key.pem, pai.der, cd.der).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "dac.der"), Dac);
        File.WriteAllBytes(Path.Combine(directory, "pai.der"), Pai);
        File.WriteAllBytes(Path.Combine(directory, "cd.der"), CertificationDeclaration);
        File.WriteAllText(Path.Combine(directory, "dac-key.pem"), DacKey.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>Loads a folder written by <see cref="Save"/>.</summary>
    public static AttestationCredentials LoadDirectory(string directory) => Load(
        Path.Combine(directory, "dac.der"), Path.Combine(directory, "dac-key.pem"), Path.Combine(directory, "pai.der"), Path.Combine(directory, "cd.der"));

    /// <inheritdoc />
    public void Dispose() => DacKey.Dispose();

    private static byte[] ReadCertificate(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var certificate = X509CertificateLoader.LoadCertificate(bytes.AsSpan().StartsWith("-----"u8)
            ? X509Certificate2.CreateFromPem(File.ReadAllText(path)).RawData
            : bytes);
        return certificate.RawData;
    }
}
