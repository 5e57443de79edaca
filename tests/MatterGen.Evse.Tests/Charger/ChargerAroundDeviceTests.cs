using System;
using System.Linq;
using MatterGen.Evse.Charger;
using MatterGen.Evse.Device;
using MatterGen.Evse.Tests.Certification.Energy;
using MatterGen.Interaction;
using MatterGen.Node;
using MatterGen.Node.Composition;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Evse.Tests.Charger;

/// <summary>The charger node built around an Energy EVSE device made elsewhere (a hardware station's).</summary>
public sealed class ChargerAroundDeviceTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 13, 18, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_node_serves_the_given_device_with_energy_management_and_the_sensor_on_one_event_log(bool bidirectional)
    {
        var serverOptions = new ClusterServerOptions { Time = time, Endpoint = ChargerNode.EvseEndpoint };
        using var device = bidirectional ? EnergyEvseDevice.CreateBidirectional(serverOptions: serverOptions) : EnergyEvseDevice.CreateStandard(serverOptions: serverOptions);
        using (var charger = ChargerNode.Create(new MatterNodeOptions { Information = ChargerTestBed.Information, Time = TimeProvider.System }, device))
        {
            var endpoint = charger.Node.EndpointList.Single(e => e.Number == ChargerNode.EvseEndpoint);
            Assert.Same(device.Server, endpoint.FindServer(Clusters.EnergyEVSE.ClusterId));
            Assert.Same(charger.EnergyManagement.Server, endpoint.FindServer(Clusters.DeviceEnergyManagement.ClusterId));
            Assert.True(endpoint.HasDeviceType(DeviceTypes.Evse.Id));
            Assert.True(endpoint.HasDeviceType(DeviceTypes.DeviceEnergyManagement.Id));
            Assert.True(endpoint.HasDeviceType(DeviceTypes.ElectricalSensor.Id));

            // The device's clock and event log are the node's: event numbers are node-wide.
            Assert.Same(device.Server.EventLog, charger.Node.EventLog);
            Assert.Same(device.Server.EventLog, charger.EnergyManagement.Server.EventLog);
            Assert.Same(time, charger.EnergyManagement.Server.Time);
            Assert.Equal(bidirectional, charger.EnergyManagement.Server.ESACanGenerate);
        }

        // The device is its maker's: still usable after the node is gone.
        device.Controller.SetHardwareState(HardwareState.PluggedInNoDemand);
        Assert.Equal(Clusters.EnergyEVSE.StateEnum.PluggedInNoDemand, ((IEnergyEvseCore)device.Server).State);
    }

    [Fact]
    public void A_device_on_another_endpoint_is_refused()
    {
        using var device = EnergyEvseDevice.CreateStandard(serverOptions: new ClusterServerOptions { Time = time, Endpoint = 2 });
        var refused = Assert.Throws<ArgumentException>(() => ChargerNode.Create(new MatterNodeOptions { Information = ChargerTestBed.Information }, device));
        Assert.Contains("endpoint 2", refused.Message, StringComparison.Ordinal);
    }
}
