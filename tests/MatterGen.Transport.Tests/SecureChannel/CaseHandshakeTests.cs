using System;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Messaging;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Tests.Support;
using Xunit;

namespace MatterGen.Transport.Tests.SecureChannel;

public class CaseHandshakeTests
{
    [Fact]
    public async Task Case_establishes_an_operational_session_with_the_peers_identity()
    {
        using var nodes = new TestNodes();
        using var fabric = new TestFabric();
        var (deviceFabrics, controllerFabric) = Setup(nodes, fabric, cats: [0x00010001]);

        var session = await nodes.Run(CaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, controllerFabric, TestFabric.DeviceNodeId));

        Assert.Equal(new SubjectDescriptor(SessionAuthMode.Case, TestFabric.DeviceNodeId, controllerFabric.Index), session.Subject with { CaseAuthenticatedTags = default });
        var deviceSession = Assert.Single(nodes.Device.Sessions.Snapshot());
        Assert.Equal(SessionAuthMode.Case, deviceSession.Subject.AuthMode);
        Assert.Equal(TestFabric.ControllerNodeId, deviceSession.Subject.Subject);
        Assert.Equal(deviceFabrics.Fabrics[0].Index, deviceSession.Subject.FabricIndex);
        Assert.Equal(new uint[] { 0x00010001 }, deviceSession.Subject.Tags.ToArray());

        var reply = await nodes.Run(PaseHandshakeTests.Echo(session, [4, 5]));
        Assert.Equal(new byte[] { 4, 5 }, reply.Payload.ToArray());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public async Task Pase_then_case_complete_over_a_lossy_network_with_twenty_percent_drop(int seed)
    {
        using var nodes = new TestNodes(TestNodes.Lossy(seed));
        using var fabric = new TestFabric();
        var (_, controllerFabric) = Setup(nodes, fabric);

        var pase = await nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, TestNodes.Passcode));
        var operational = await nodes.Run(CaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, controllerFabric, TestFabric.DeviceNodeId));
        var reply = await nodes.Run(PaseHandshakeTests.Echo(operational, [1]));

        Assert.Equal(SessionAuthMode.Pase, pase.Subject.AuthMode);
        Assert.Equal(new byte[] { 1 }, reply.Payload.ToArray());
        Assert.True(nodes.Network.Dropped > 0);
    }

    [Fact]
    public async Task An_unknown_destination_gets_no_shared_trust_roots()
    {
        using var nodes = new TestNodes();
        using var fabric = new TestFabric();
        var (_, controllerFabric) = Setup(nodes, fabric);

        var error = await Assert.ThrowsAsync<SessionEstablishmentException>(
            () => nodes.Run(CaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, controllerFabric, 0x9999)));

        Assert.Equal((ushort)SecureChannelStatusCode.NoSharedTrustRoots, error.Report!.ProtocolCode);
        Assert.Equal(0, nodes.Device.Sessions.Count);
    }

    [Fact]
    public async Task A_noc_from_another_root_is_refused_and_no_session_is_left()
    {
        using var nodes = new TestNodes();
        using var fabric = new TestFabric();
        using var impostorRoot = new TestFabric();
        Setup(nodes, fabric);

        // The impostor knows the fabric id, the IPK and the root's public key (enough to aim a Sigma1 at the device)
        // but holds a NOC from another root: the fabric table will not take it, and the device refuses its Sigma3.
        var impostorKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var impostorNoc = CertificateIssuer.CreateNoc(impostorRoot.Root, impostorRoot.RootKey, CertificateCrypto.PublicKeyOf(impostorKey), TestFabric.ControllerNodeId, TestFabric.FabricId, TestFabric.NotBefore, 0);
        var table = new FabricTable(new InMemoryFabricStore(), nodes.Time);
        Assert.Throws<CertificateException>(() => table.Add(fabric.Root, impostorNoc, null, impostorKey, TestFabric.EpochKey, 0xFFF1));
        var impostorFabric = new Fabric(1, fabric.Root, impostorNoc, null, impostorKey, TestFabric.EpochKey, 0xFFF1, string.Empty);

        var error = await Assert.ThrowsAsync<SessionEstablishmentException>(
            () => nodes.Run(CaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, impostorFabric, TestFabric.DeviceNodeId)));

        Assert.Equal((ushort)SecureChannelStatusCode.InvalidParameter, error.Report!.ProtocolCode);
        Assert.True(error.ReportFromPeer);
        Assert.Equal(0, nodes.Device.Sessions.Count);
        Assert.Equal(0, nodes.Controller.Sessions.Count);
    }

    [Fact]
    public async Task An_expired_controller_noc_is_refused_with_invalid_parameter()
    {
        using var nodes = new TestNodes();
        using var fabric = new TestFabric();
        var deviceFabrics = new FabricTable(new InMemoryFabricStore(), nodes.Time);
        fabric.Join(deviceFabrics, TestFabric.DeviceNodeId);
        _ = new SecureChannelHandler(nodes.Device, nodes.Pase, new CaseResponder(nodes.Device, deviceFabrics));

        // The controller's NOC expires in 2025; the clock says December 2026. The controller's own table is
        // checked at an earlier time so that it accepts the NOC.
        var earlier = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var controllerTable = new FabricTable(new InMemoryFabricStore(), earlier);
        var notAfter = (uint)(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) - MatterEpoch.Zero).TotalSeconds;
        var controllerFabric = fabric.Join(controllerTable, TestFabric.ControllerNodeId, notAfter);

        var error = await Assert.ThrowsAsync<SessionEstablishmentException>(
            () => nodes.Run(CaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, controllerFabric, TestFabric.DeviceNodeId)));

        Assert.Equal((ushort)SecureChannelStatusCode.InvalidParameter, error.Report!.ProtocolCode);
        Assert.Equal(0, nodes.Device.Sessions.Count);
    }

    [Fact]
    public async Task A_sigma1_with_a_short_ephemeral_key_gets_invalid_parameter()
    {
        using var nodes = new TestNodes();
        using var fabric = new TestFabric();
        Setup(nodes, fabric);
        var unsecured = nodes.Controller.CreateUnsecuredSession(nodes.Device.LocalEndPoint);
        await using var exchange = nodes.Controller.CreateExchange(unsecured);
        var sigma1 = new Sigma1(new byte[32], 1, new byte[32], new byte[64], null).Encode();

        var reply = await nodes.Run(SendAndReceive(exchange, SecureChannelOpcode.Sigma1, sigma1));

        Assert.Equal(SecureChannelOpcode.StatusReport, reply.Opcode);
        Assert.Equal((ushort)SecureChannelStatusCode.InvalidParameter, StatusReport.Decode(reply.Payload.Span).ProtocolCode);
        Assert.Equal(0, nodes.Device.Sessions.Count);
    }

    internal static (FabricTable Device, Fabric Controller) Setup(TestNodes nodes, TestFabric fabric, uint[]? cats = null)
    {
        var deviceFabrics = new FabricTable(new InMemoryFabricStore(), nodes.Time);
        fabric.Join(deviceFabrics, TestFabric.DeviceNodeId);
        var controllerFabrics = new FabricTable(new InMemoryFabricStore(), nodes.Time);
        var controllerFabric = fabric.Join(controllerFabrics, TestFabric.ControllerNodeId, 0, cats ?? []);
        _ = new SecureChannelHandler(nodes.Device, nodes.Pase, new CaseResponder(nodes.Device, deviceFabrics));
        return (deviceFabrics, controllerFabric);
    }

    internal static async Task<ProtocolMessage> SendAndReceive(IMessageExchange exchange, byte opcode, byte[] payload)
    {
        await exchange.SendAsync(new ProtocolMessage(ProtocolId.SecureChannel, opcode, payload));
        return await exchange.ReceiveAsync();
    }
}
