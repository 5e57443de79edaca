using System;
using System.Net;
using System.Threading.Tasks;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Tests.SecureChannel;
using MatterGen.Transport.Tests.Support;
using MatterGen.Transport.Udp;
using Xunit;

namespace MatterGen.Transport.Tests.Reliability;

public class UdpTransportTests
{
    [Fact]
    public async Task Pase_and_a_secure_message_over_real_udp_on_loopback()
    {
        using var deviceUdp = new UdpDatagramTransport(port: 0);
        using var device = new SecureTransport(deviceUdp);
        using var controller = new SecureTransport(new UdpDatagramTransport(port: 0));
        var pase = new PaseResponder(device) { Window = new CommissioningWindow(Transport.Crypto.PaseVerifier.FromPasscode(TestNodes.Passcode, TestNodes.Salt, 1000), TestNodes.Salt, 1000) };
        _ = new SecureChannelHandler(device, pase);
        device.AddHandler(new TestNodes.EchoHandler());
        device.Start();
        controller.Start();
        var port = ((IPEndPoint)deviceUdp.LocalEndPoint).Port;
        var target = deviceUdp.IsDualStack ? new IPEndPoint(IPAddress.IPv6Loopback, port) : new IPEndPoint(IPAddress.Loopback, port);

        var session = await PaseInitiator.EstablishAsync(controller, target, TestNodes.Passcode).WaitAsync(TimeSpan.FromSeconds(30));
        var reply = await PaseHandshakeTests.Echo(session, [42]).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new byte[] { 42 }, reply.Payload.ToArray());
    }

    [Fact]
    public void The_ipv4_fallback_binds()
    {
        using var udp = new UdpDatagramTransport(port: 0, forceIPv4: true);
        Assert.False(udp.IsDualStack);
        Assert.Equal(UdpDatagramTransport.DefaultMaxDatagramSize, udp.MaxDatagramSize);
    }
}
