using System;
using System.Security.Cryptography;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Fabrics;

namespace MatterGen.Transport.Tests.Support;

/// <summary>A root CA and helpers to put a device and a controller on one fabric.</summary>
public sealed class TestFabric : IDisposable
{
    public const ulong FabricId = 0xFAB000000000001D;
    public const ulong DeviceNodeId = 0x0000_0000_0000_1111;
    public const ulong ControllerNodeId = 0x0000_0000_0001_B669;
    public const uint NotBefore = 757382400; // 2024-01-01
    public static readonly byte[] EpochKey = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");

    public TestFabric(ulong rcacId = 0xCACACACA00000001)
    {
        RootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Root = CertificateIssuer.CreateRoot(RootKey, rcacId, NotBefore, 0);
    }

    public ECDsa RootKey { get; }

    public MatterCertificate Root { get; }

    /// <summary>Adds a fabric for <paramref name="nodeId"/> to <paramref name="table"/>, with a NOC issued by this root.</summary>
    public Fabric Join(FabricTable table, ulong nodeId, uint notAfter = 0, params uint[] cats)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var noc = CertificateIssuer.CreateNoc(Root, RootKey, CertificateCrypto.PublicKeyOf(key), nodeId, FabricId, NotBefore, notAfter, cats);
        return table.Add(Root, noc, null, key, EpochKey, 0xFFF1);
    }

    public void Dispose() => RootKey.Dispose();
}
