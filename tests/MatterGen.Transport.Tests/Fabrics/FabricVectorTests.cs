using System;
using System.Globalization;
using MatterGen.Tests;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.Tests.Support;
using Xunit;

namespace MatterGen.Transport.Tests.Fabrics;

/// <summary>The spec's worked example and matter.js's fabric: compressed fabric id, IPK, destination id.</summary>
public class FabricVectorTests
{
    public static TheoryIndexes Fabrics => ChannelVectors.Indexes("fabrics");

    [SharedTheory]
    [MemberData(nameof(Fabrics))]
    public void Compressed_fabric_id_ipk_and_destination_id(int index)
    {
        var vector = ChannelVectors.Section("fabrics")[index];
        var root = vector.Hex("rootPublicKey");
        var fabricId = vector.UInt64("fabricId");
        var compressed = FabricKeys.CompressedFabricId(root, fabricId);
        Assert.Equal(vector.Hex("compressedFabricId"), compressed);

        var ipk = FabricKeys.OperationalGroupKey(vector.Hex("epochKey"), compressed);
        Assert.Equal(vector.Hex("operationalIpk"), ipk);

        var destination = vector.GetProperty("destinationId");
        Assert.Equal(
            destination.Hex("value"),
            FabricKeys.DestinationId(ipk, destination.Hex("initiatorRandom"), root, fabricId, destination.UInt64("nodeId")));

        foreach (var instance in vector.GetProperty("instanceNames").EnumerateArray())
        {
            var name = Convert.ToHexString(compressed) + "-" + instance.UInt64("nodeId").ToString("X16", CultureInfo.InvariantCulture) + "._matter._tcp.local";
            Assert.Equal(instance.Text("name"), name);
        }
    }
}
