using System;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Commissioning.Discovery;
using MatterGen.Evse.Charger;
using MatterGen.InteractionModel.Client;
using MatterGen.Node.Network;
using MatterGen.Transport;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Sessions;
using MatterGen.Transport.Udp;
using Microsoft.Extensions.Time.Testing;

namespace MatterGen.Node.Tests.Network;

/// <summary>
/// The charger node hosted by a <see cref="MatterDeviceHost"/> and a C# controller (its own secure transport), on an
/// in-memory network driven by a fake clock, or on real UDP loopback with the system clock. The controller issues
/// the fabric's certificates itself, as a commissioner's CA would.
/// </summary>
internal sealed class NetworkRig : IAsyncDisposable
{
    public const uint Passcode = 20202021;
    public const ushort Discriminator = 3840;
    public const ulong FabricId = 0xFAB000000000001D;
    public const ulong DeviceNodeId = 0x0000_0000_0000_1111;
    public const ulong ControllerNodeId = 0x0000_0000_0001_B669;
    public const uint NotBefore = 757382400; // 2024-01-01
    public static readonly byte[] Salt = "SPAKE2P Key Salt"u8.ToArray();
    private static readonly byte[] EpochKey = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");

    private readonly ECDsa rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly MatterCertificate root;

    private NetworkRig(TimeProvider time, FakeTimeProvider? fake, InMemoryNetwork? network, Func<MatterNode, MatterDeviceHostOptions, MatterDeviceHost> createHost, IDatagramTransport controllerDatagrams, Func<MatterNodeOptions, MatterNodeOptions>? nodeOptions, IMatterAdvertiser? advertiser = null)
    {
        Time = time;
        FakeTime = fake;
        Network = network;
        var options = TestNodes.Options(fake) with { Time = time, Fabrics = new FabricTable(new InMemoryFabricStore(), time) };
        Charger = ChargerNode.Create(nodeOptions is null ? options : nodeOptions(options));
        Host = createHost(Charger.Node, new MatterDeviceHostOptions { Time = time, Port = 0, Advertiser = advertiser });
        Host.Start();
        Host.OpenCommissioningWindow(CommissioningSecret.FromPasscode(Passcode, Discriminator, Salt, 1000));
        Controller = new SecureTransport(controllerDatagrams, time);
        Controller.Start();
        root = CertificateIssuer.CreateRoot(rootKey, 0xCACACACA00000001, NotBefore, 0);
    }

    public TimeProvider Time { get; }

    public FakeTimeProvider? FakeTime { get; }

    public InMemoryNetwork? Network { get; }

    public ChargerNode Charger { get; }

    public FabricTable DeviceFabrics => Charger.Node.Fabrics;

    /// <summary>The controller's root CA (what its commissioner issues NOCs with).</summary>
    public MatterCertificate Root => root;

    /// <summary>The root's key.</summary>
    public ECDsa RootKey => rootKey;

    /// <summary>The IPK epoch key the controller gives the device.</summary>
    public static ReadOnlySpan<byte> IpkEpochKey => EpochKey;

    public MatterDeviceHost Host { get; }

    public SecureTransport Controller { get; }

    /// <summary>Where the controller reaches the device: the host's address, loopback for UDP.</summary>
    public EndPoint DeviceAddress { get; private set; } = null!;

    /// <summary>The rig on an in-memory network and a fake clock; with <paramref name="advertiser"/>, the host advertises through it.</summary>
    public static NetworkRig InMemory(LossyNetworkOptions? lossy = null, Func<MatterNodeOptions, MatterNodeOptions>? nodeOptions = null, IMatterAdvertiser? advertiser = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var network = new InMemoryNetwork(time, lossy);
        var rig = new NetworkRig(time, time, network, (node, options) => new MatterDeviceHost(node, network.CreateEndpoint(), options), network.CreateEndpoint(), nodeOptions, advertiser);
        rig.DeviceAddress = rig.Host.LocalEndPoint;
        return rig;
    }

    public static NetworkRig Udp(IPAddress loopback)
    {
        var forceIPv4 = loopback.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
        var rig = new NetworkRig(TimeProvider.System, null, null, (node, options) => MatterDeviceHost.CreateUdp(node, options with { ForceIPv4 = forceIPv4 }), new UdpDatagramTransport(0, forceIPv4), null);
        rig.DeviceAddress = new IPEndPoint(loopback, ((IPEndPoint)rig.Host.LocalEndPoint).Port);
        return rig;
    }

    /// <summary>
    /// Installs the fabric on the device directly, bypassing commissioning (NOC issued by the controller's root,
    /// added to the fabric table, an Administer ACL entry for <paramref name="admin"/>), for tests about something
    /// else than commissioning; <see cref="TestCommissioner"/> does it through the commissioning clusters. Returns
    /// the controller's side of it for <paramref name="controllerNodeId"/>.
    /// </summary>
    public Fabric InstallFabric(ulong controllerNodeId = ControllerNodeId, ulong? admin = ControllerNodeId)
    {
        var device = Join(DeviceFabrics, DeviceNodeId);
        if (admin is { } subject)
        {
            var status = Charger.Node.AccessControlServer.AddAdministrator(device.Index, subject);
            if (status != Interaction.MatterStatus.Success)
            {
                throw new InvalidOperationException($"AddAdministrator: {status}");
            }
        }

        return ControllerFabric(controllerNodeId);
    }

    /// <summary>An administrator of an installed fabric (<see cref="InstallFabric"/>) connected over CASE.</summary>
    public async Task<(Fabric Fabric, InteractionClient Client)> ConnectAdministratorAsync(ulong nodeId = ControllerNodeId)
    {
        var fabric = InstallFabric(nodeId, nodeId);
        var session = await Run(CaseInitiator.EstablishAsync(Controller, DeviceAddress, fabric, DeviceNodeId));
        return (fabric, Client(session));
    }

    /// <summary>The controller's credentials on the fabric for <paramref name="nodeId"/>.</summary>
    public Fabric ControllerFabric(ulong nodeId, ulong fabricId = FabricId) => Join(new FabricTable(new InMemoryFabricStore(), Time), nodeId, fabricId);

    /// <summary>An Interaction Model client on a session; subscription reports reach it through the controller.</summary>
    public InteractionClient Client(SecureSession session)
    {
        var client = new InteractionClient(session);
        Controller.AddHandler(client.ReportHandler);
        return client;
    }

    /// <summary>Runs a task to its end: on the fake clock, advanced in small steps while nothing is in flight.</summary>
    public async Task<T> Run<T>(Task<T> task)
    {
        await Drive(task);
        return await task;
    }

    public async Task Run(Task task)
    {
        await Drive(task);
        await task;
    }

    /// <summary>Waits (in real time, up to 5 s) until <paramref name="condition"/> holds; the result tells whether it did.</summary>
    public static async Task<bool> WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        return condition();
    }

    public async ValueTask DisposeAsync()
    {
        Controller.Dispose();
        await Host.DisposeAsync();
        Charger.Dispose();
        rootKey.Dispose();
    }

    /// <summary>A NOC for <paramref name="publicKey"/> on the rig's fabric.</summary>
    public MatterCertificate IssueNoc(byte[] publicKey, ulong nodeId, ulong fabricId = FabricId) =>
        CertificateIssuer.CreateNoc(root, rootKey, publicKey, nodeId, fabricId, NotBefore, 0);

    private Fabric Join(FabricTable table, ulong nodeId, ulong fabricId = FabricId)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var noc = IssueNoc(CertificateCrypto.PublicKeyOf(key), nodeId, fabricId);
        return table.Add(root, noc, null, key, EpochKey, 0xFFF1);
    }

    private async Task Drive(Task task)
    {
        var realDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        if (FakeTime is null || Network is null)
        {
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(60)));
            return;
        }

        var end = FakeTime.GetUtcNow() + TimeSpan.FromMinutes(5);
        while (!task.IsCompleted && FakeTime.GetUtcNow() < end && DateTime.UtcNow < realDeadline)
        {
            // The clock moves only when no datagram is in flight and no work item waits for a thread, so a loaded
            // machine's slow handshake arithmetic does not turn into MRP timeouts.
            await Task.WhenAny(task, Task.Delay(3));
            if (!task.IsCompleted && Network.InFlight == 0 && ThreadPool.PendingWorkItemCount == 0)
            {
                FakeTime.Advance(TimeSpan.FromMilliseconds(10));
            }
        }
    }
}
