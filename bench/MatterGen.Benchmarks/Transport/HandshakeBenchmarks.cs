using System;
using System.Security.Cryptography;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using MatterGen.Transport;
using MatterGen.Transport.Certificates;
using MatterGen.Transport.Crypto;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Udp;

namespace MatterGen.Benchmarks.Transport;

/// <summary>
/// PASE and CASE: the responder's share of PASE (every step a device computes for one handshake, from a stored
/// verifier), and whole PASE and CASE handshakes between two nodes on a loss-free in-memory network (both sides,
/// thread hops included).
/// </summary>
[MemoryDiagnoser]
public class HandshakeBenchmarks
{
    private const uint Passcode = 20202021;
    private static readonly byte[] Salt = "SPAKE2P Key Salt"u8.ToArray();
    private PaseVerifier verifier = null!;
    private byte[] request = [];
    private byte[] pake1 = [];
    private byte[] w0 = [];
    private byte[] w1 = [];
    private byte[] x = [];
    private SecureTransport device = null!;
    private SecureTransport controller = null!;
    private Fabric controllerFabric = null!;

    [GlobalSetup]
    public void Setup()
    {
        verifier = PaseVerifier.FromPasscode(Passcode, Salt, 1000);
        (w0, w1) = Spake2Plus.ComputeW0W1(Passcode, Salt, 1000);
        x = P256.ScalarBytes(P256.RandomScalar());
        request = new PbkdfParamRequest(RandomNumberGenerator.GetBytes(32), 1, 0, false, SessionParameters.Local).Encode();
        pake1 = new Pake1(Spake2Plus.ComputeX(w0, x)).Encode();

        var network = new InMemoryNetwork(TimeProvider.System);
        device = new SecureTransport(network.CreateEndpoint());
        controller = new SecureTransport(network.CreateEndpoint(), options: new SecureTransportOptions { MaxSecureSessions = 4 });
        var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var root = CertificateIssuer.CreateRoot(rootKey, 1, 757382400, 0);
        var deviceFabrics = new FabricTable(new InMemoryFabricStore());
        var controllerFabrics = new FabricTable(new InMemoryFabricStore());
        Join(deviceFabrics, root, rootKey, 0x1111);
        controllerFabric = Join(controllerFabrics, root, rootKey, 0x2222);
        var pase = new PaseResponder(device) { Window = new CommissioningWindow(verifier, Salt, 1000) };
        _ = new SecureChannelHandler(device, pase, new CaseResponder(device, deviceFabrics));
        device.Start();
        controller.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        device.Dispose();
        controller.Dispose();
    }

    /// <summary>What the device computes for one PASE: decode, PBKDFParamResponse, Y, Z, V, keys, Pake2, cA check, session keys.</summary>
    [Benchmark]
    public byte[] PaseResponderComputation()
    {
        var parsed = PbkdfParamRequest.Decode(request);
        var response = new PbkdfParamResponse(parsed.InitiatorRandom, RandomNumberGenerator.GetBytes(32), 2, new PbkdfParameters(1000, Salt), SessionParameters.Local).Encode();
        var share = Pake1.Decode(pake1).PA;
        var y = P256.ScalarBytes(P256.RandomScalar());
        var shareY = Spake2Plus.ComputeY(verifier.W0, y);
        var (z, v) = Spake2Plus.VerifierFinish(verifier.W0, verifier.L, y, share)!.Value;
        var keys = Spake2Plus.MatterKeys(Spake2Plus.Transcript(PaseContext.Compute(request, response), [], [], share, shareY, z, v, verifier.W0), share, shareY);
        var pake2 = new Pake2(shareY, keys.VerifierConfirmation).Encode();
        if (!CryptographicOperations.FixedTimeEquals(keys.ProverConfirmation, keys.ProverConfirmation))
        {
            throw new InvalidOperationException();
        }

        SessionKeys.Derive(keys.SharedKey, [], "SessionKeys"u8);
        return pake2;
    }

    /// <summary>A whole PASE handshake, both sides (the initiator's PBKDF2 of 1000 iterations included).</summary>
    [Benchmark]
    public async Task<ushort> PaseHandshake()
    {
        using var session = await PaseInitiator.EstablishAsync(controller, device.LocalEndPoint, Passcode);
        return session.LocalSessionId;
    }

    /// <summary>A whole CASE handshake, both sides.</summary>
    [Benchmark]
    public async Task<ushort> CaseHandshake()
    {
        using var session = await CaseInitiator.EstablishAsync(controller, device.LocalEndPoint, controllerFabric, 0x1111);
        return session.LocalSessionId;
    }

    private static Fabric Join(FabricTable table, MatterCertificate root, ECDsa rootKey, ulong nodeId)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var noc = CertificateIssuer.CreateNoc(root, rootKey, CertificateCrypto.PublicKeyOf(key), nodeId, 0xFAB, 757382400, 0);
        return table.Add(root, noc, null, key, new byte[16], 0xFFF1);
    }
}
