using System;
using MatterGen.Commissioning.Discovery;
using Xunit;

namespace MatterGen.Commissioning.Tests.Discovery;

public sealed class CompressedFabricIdTests
{
    // The example of Matter Core 4.3.2.2: root public key, fabric id 0x2906_C908_D115_D362 → 87E1B004E235A130.
    private const string RootPublicKey =
        "044A9F42B1CA4840D37292BBC7F6A7E11E22200C976FC900DBC98A7A383A641CB8254A2E56D4E295A847943B4E3897C4A773E930277B4D9FBEDE8A052686BFACFA";

    [Fact]
    public void CompressedFabricId_matches_the_specification_example() =>
        Assert.Equal(0x87E1B004E235A130UL, CompressedFabricId.Compute(Convert.FromHexString(RootPublicKey), 0x2906C908D115D362));

    [Fact]
    public void The_operational_instance_is_named_by_compressed_fabric_id_and_node_id()
    {
        var id = CompressedFabricId.Compute(Convert.FromHexString(RootPublicKey), 0x2906C908D115D362);
        Assert.Equal("87E1B004E235A130-8FC7772401CD0696", new OperationalAdvertisement(id, 0x8FC7772401CD0696, 5540).InstanceName);
    }

    [Fact]
    public void A_compressed_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => CompressedFabricId.Compute(new byte[33], 1));
}
