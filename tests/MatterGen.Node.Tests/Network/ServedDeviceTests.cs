using System.Net;
using System.Threading.Tasks;
using MatterGen.Commissioning.Onboarding;
using MatterGen.Evse.Charger;
using MatterGen.Node.Network;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Node.Tests.Network;

/// <summary>A node served on UDP in one call, as the samples do.</summary>
public sealed class ServedDeviceTests
{
    [Fact]
    public async Task A_node_on_no_fabric_is_served_on_udp_with_its_window_open_until_disposed()
    {
        var time = new FakeTimeProvider();
        using var charger = ChargerNode.Create(TestNodes.Options(time));
        var payload = new SetupPayload(0xFFF1, 0x8000, 3840, 20202021);

        var served = await ServedMatterDevice.StartAsync(charger.Node, payload, new MatterDeviceHostOptions { Time = time, Port = 0, ForceIPv4 = true });

        Assert.True(served.IsCommissionable);
        Assert.True(served.Host.IsCommissioningWindowOpen);
        Assert.NotEqual(0, ((IPEndPoint)served.Host.LocalEndPoint).Port);
        Assert.Same(charger.Node, served.Host.Node);
        await served.DisposeAsync();
        Assert.False(served.Host.IsCommissioningWindowOpen);
    }
}
