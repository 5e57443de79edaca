using System.Collections.Generic;
using System.Security.Cryptography;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Fabrics;

namespace MatterGen.Node.Tests;

/// <summary>Fabrics for node tests that are not about commissioning: a store that survives a "restart", and a fabric to put in it.</summary>
internal static class TestFabrics
{
    /// <summary>Adds a committed fabric (its own root) with this node's <paramref name="nodeId"/>.</summary>
    public static Fabric Join(FabricTable table, ulong nodeId = 0x1111, ulong fabricId = 0xFAB1)
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var root = CertificateIssuer.CreateRoot(rootKey, 1, 757382400, 0);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var noc = CertificateIssuer.CreateNoc(root, rootKey, CertificateCrypto.PublicKeyOf(key), nodeId, fabricId, 757382400, 0);
        return table.Add(root, noc, null, key, new byte[16], 0xFFF1);
    }

    /// <summary>Keeps the last saved fabrics in memory, so a second table over it sees them as a restarted node would.</summary>
    public sealed class KeptStore : IFabricStore
    {
        private IReadOnlyList<Fabric> saved = [];

        public IReadOnlyList<Fabric> Load() => saved;

        public void Save(IReadOnlyList<Fabric> fabrics) => saved = fabrics;
    }
}
