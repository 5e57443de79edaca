using System;
using System.Net;
using System.Security.Cryptography;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using MatterGen.Evse.Charger;
using MatterGen.InteractionModel.Client;
using MatterGen.Node;
using MatterGen.Node.Clusters;
using MatterGen.Node.Information;
using MatterGen.Node.Network;
using MatterGen.Transport;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Udp;

namespace MatterGen.Benchmarks.Node;

/// <summary>
/// The charger node on real UDP loopback (127.0.0.1): what a controller waits for from nothing to its first
/// attribute, PASE then a read over it, then CASE then a read over it; and one read on an open CASE session.
/// </summary>
[MemoryDiagnoser]
public class DeviceHostBenchmarks
{
    private const ulong DeviceNodeId = 0x1111;
    private const uint Passcode = 20202021;
    private ChargerNode charger = null!;
    private MatterDeviceHost host = null!;
    private SecureTransport controller = null!;
    private CommissioningSecret secret = null!;
    private Fabric controllerFabric = null!;
    private IPEndPoint device = null!;
    private BasicInformation.Client operational = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        charger = ChargerNode.Create(new MatterNodeOptions
        {
            Information = new BasicInformationOptions
            {
                VendorName = "MatterGen", VendorId = 0xFFF1, ProductName = "Bench", ProductId = 1, UniqueId = "bench",
            },
        });
        var deviceFabrics = charger.Node.Fabrics;
        host = MatterDeviceHost.CreateUdp(charger.Node, new MatterDeviceHostOptions { Port = 0, ForceIPv4 = true });
        host.Start();
        secret = CommissioningSecret.FromPasscode(Passcode, 3840);
        controller = new SecureTransport(new UdpDatagramTransport(0, forceIPv4: true));
        controller.Start();
        device = new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)host.LocalEndPoint).Port);

        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var root = CertificateIssuer.CreateRoot(rootKey, 1, 757382400, 0);
        var deviceFabric = Join(deviceFabrics, root, rootKey, DeviceNodeId);
        controllerFabric = Join(new FabricTable(new InMemoryFabricStore()), root, rootKey, 0x2222);
        if (charger.Node.AccessControlServer.AddAdministrator(deviceFabric.Index, 0x2222) != Interaction.MatterStatus.Success)
        {
            throw new InvalidOperationException("The administrator entry was refused.");
        }

        var session = await CaseInitiator.EstablishAsync(controller, device, controllerFabric, DeviceNodeId);
        operational = new BasicInformation.Client(new InteractionClient(session), 0);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        controller.Dispose();
        await host.DisposeAsync();
        charger.Dispose();
    }

    /// <summary>PASE (PBKDF2 1000 iterations on the controller), a read over it, CASE, a read over it.</summary>
    [Benchmark]
    public async Task<string> PaseCaseAndFirstReads()
    {
        // A PASE session holds the window for its commissioner; reopening lets the next iteration in.
        host.OpenCommissioningWindow(secret);
        var pase = await PaseInitiator.EstablishAsync(controller, device, Passcode);
        var vendor = await new BasicInformation.Client(new InteractionClient(pase), 0).ReadVendorNameAsync();
        var operationalSession = await CaseInitiator.EstablishAsync(controller, device, controllerFabric, DeviceNodeId);
        return vendor + await new BasicInformation.Client(new InteractionClient(operationalSession), 0).ReadProductNameAsync();
    }

    /// <summary>One attribute read on an open CASE session.</summary>
    [Benchmark]
    public async Task<string> ReadOverCase() => await operational.ReadVendorNameAsync();

    private static Fabric Join(FabricTable table, MatterCertificate root, ECDsa rootKey, ulong nodeId)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var noc = CertificateIssuer.CreateNoc(root, rootKey, CertificateCrypto.PublicKeyOf(key), nodeId, 1, 757382400, 0);
        return table.Add(root, noc, null, key, new byte[16], 0xFFF1);
    }
}
