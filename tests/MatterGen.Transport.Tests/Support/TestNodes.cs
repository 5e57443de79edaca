using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Messaging;
using MatterGen.Transport.Crypto;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Udp;
using Microsoft.Extensions.Time.Testing;

namespace MatterGen.Transport.Tests.Support;

/// <summary>A device and a controller on one in-memory network with a fake clock.</summary>
public sealed class TestNodes : IDisposable
{
    public const uint Passcode = 20202021;
    public static readonly byte[] Salt = "SPAKE2P Key Salt"u8.ToArray();
    public const uint Iterations = 1000;
    private static readonly PaseVerifier DefaultVerifier = PaseVerifier.FromPasscode(Passcode, Salt, (int)Iterations);

    public TestNodes(LossyNetworkOptions? network = null, SecureTransportOptions? deviceOptions = null)
    {
        Network = new InMemoryNetwork(Time, network);
        Device = new SecureTransport(Network.CreateEndpoint(), Time, deviceOptions);
        Controller = new SecureTransport(Network.CreateEndpoint(), Time);
        Pase = new PaseResponder(Device) { Window = new CommissioningWindow(DefaultVerifier, Salt, Iterations) };
        Device.AddHandler(new EchoHandler());
        Device.Start();
        Controller.Start();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    public InMemoryNetwork Network { get; }

    public SecureTransport Device { get; }

    public SecureTransport Controller { get; }

    public PaseResponder Pase { get; }

    public static ProtocolId EchoProtocol => new(0xFFF1, 0x0001);

    /// <summary>The lossy network of the handshake tests: 20 % drop, 5 % duplicates, up to 30 ms of reordering delay.</summary>
    public static LossyNetworkOptions Lossy(int seed) => new()
    {
        Seed = seed,
        DropProbability = 0.2,
        DuplicateProbability = 0.05,
        MaxDelay = TimeSpan.FromMilliseconds(30),
    };

    /// <summary>Advances the fake clock in small steps until the task ends (real waits let the thread pool work).</summary>
    public async Task<T> Run<T>(Task<T> task, TimeSpan? limit = null)
    {
        await Drive(task, limit ?? TimeSpan.FromMinutes(5));
        return await task;
    }

    public async Task Run(Task task, TimeSpan? limit = null)
    {
        await Drive(task, limit ?? TimeSpan.FromMinutes(5));
        await task;
    }

    public void Dispose()
    {
        Device.Dispose();
        Controller.Dispose();
    }

    private async Task Drive(Task task, TimeSpan limit)
    {
        var end = Time.GetUtcNow() + limit;
        var realDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!task.IsCompleted && Time.GetUtcNow() < end && DateTime.UtcNow < realDeadline)
        {
            // Let the thread pool finish what the last step started before the clock moves on: the clock only moves
            // when no datagram is in flight and no work item waits for a thread (a loaded machine must not turn slow
            // handshake arithmetic into MRP timeouts).
            await Task.WhenAny(task, Task.Delay(3));
            if (!task.IsCompleted && Network.InFlight == 0 && ThreadPool.PendingWorkItemCount == 0)
            {
                Time.Advance(TimeSpan.FromMilliseconds(10));
            }
        }
    }

    /// <summary>Answers each message of the echo protocol with the same payload.</summary>
    internal sealed class EchoHandler : IProtocolHandler
    {
        public ProtocolId Protocol => EchoProtocol;

        public async ValueTask HandleExchangeAsync(IMessageExchange exchange, ProtocolMessage first, CancellationToken cancellationToken)
        {
            await exchange.SendAsync(first with { Opcode = (byte)(first.Opcode + 1) }, false, cancellationToken);
        }
    }
}
