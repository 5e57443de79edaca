using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;

namespace MatterGen.Transport.Udp;

/// <summary>How an <see cref="InMemoryNetwork"/> mistreats datagrams, decided by a seeded random generator.</summary>
public sealed record LossyNetworkOptions
{
    /// <summary>The seed of every decision, so a run can be repeated.</summary>
    public int Seed { get; init; }

    /// <summary>The probability that a datagram is dropped.</summary>
    public double DropProbability { get; init; }

    /// <summary>The probability that a delivered datagram is delivered twice.</summary>
    public double DuplicateProbability { get; init; }

    /// <summary>The largest extra delay of a datagram; different delays reorder datagrams.</summary>
    public TimeSpan MaxDelay { get; init; }
}

/// <summary>
/// A network of in-memory endpoints for tests: each datagram is dropped, duplicated or delayed (which reorders
/// them) as the seeded <see cref="LossyNetworkOptions"/> decide, with delays on the injected
/// <see cref="TimeProvider"/>. Delivery is always asynchronous (a sender never re-enters its receiver).
/// </summary>
public sealed class InMemoryNetwork
{
    private readonly object gate = new();
    private readonly Dictionary<EndPoint, Endpoint> endpoints = new();
    private readonly Dictionary<EndPoint, Random> randomBySource = new();
    private int inFlight;
    private readonly TimeProvider time;
    private int nextPort = 5540;

    /// <summary>Creates a network.</summary>
    public InMemoryNetwork(TimeProvider time, LossyNetworkOptions? options = null)
    {
        this.time = time;
        Options = options ?? new LossyNetworkOptions();
    }

    /// <summary>How datagrams are mistreated.</summary>
    public LossyNetworkOptions Options { get; }

    /// <summary>Datagrams sent so far.</summary>
    public int Sent { get; private set; }

    /// <summary>Datagrams dropped so far.</summary>
    public int Dropped { get; private set; }

    /// <summary>Datagrams whose delay is over and that are not yet handed to their receiver (0 when the network is quiet).</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>When set, every datagram passes through it first and may be replaced, or dropped by returning null (tests that tamper).</summary>
    public Func<EndPoint, EndPoint, byte[], byte[]?>? Tamper { get; set; }

    /// <summary>Creates an endpoint with a fresh address.</summary>
    public IDatagramTransport CreateEndpoint()
    {
        lock (gate)
        {
            var address = new IPEndPoint(IPAddress.IPv6Loopback, nextPort++);
            var endpoint = new Endpoint(this, address);
            endpoints[address] = endpoint;
            return endpoint;
        }
    }

    /// <summary>Delivers a copy of a datagram to an endpoint directly, bypassing loss (tests that replay).</summary>
    public void Inject(EndPoint source, EndPoint destination, byte[] datagram) => Schedule(source, destination, datagram, TimeSpan.Zero);

    private void Send(EndPoint source, EndPoint destination, ReadOnlySpan<byte> datagram)
    {
        var bytes = datagram.ToArray();
        TimeSpan delay;
        bool duplicate;
        lock (gate)
        {
            Sent++;

            // One random stream per sender: a sender's own sends come in protocol order, so the fate of each of
            // its datagrams depends on the seed, not on how the two sides' threads interleave.
            if (!randomBySource.TryGetValue(source, out var random))
            {
                random = new Random(unchecked((Options.Seed * 31) + ((IPEndPoint)source).Port));
                randomBySource[source] = random;
            }

            if (random.NextDouble() < Options.DropProbability)
            {
                Dropped++;
                return;
            }

            duplicate = random.NextDouble() < Options.DuplicateProbability;
            delay = TimeSpan.FromTicks((long)(random.NextDouble() * Options.MaxDelay.Ticks));
        }

        bytes = Tamper is { } tamper ? tamper(source, destination, bytes) : bytes;
        if (bytes is null)
        {
            return;
        }

        Schedule(source, destination, bytes, delay);
        if (duplicate)
        {
            Schedule(source, destination, bytes, delay + TimeSpan.FromMilliseconds(1));
        }
    }

    private void Schedule(EndPoint source, EndPoint destination, byte[] bytes, TimeSpan delay)
    {
        Endpoint? target;
        lock (gate)
        {
            endpoints.TryGetValue(destination, out target);
        }

        if (target is null)
        {
            return;
        }

        if (delay <= TimeSpan.Zero)
        {
            Interlocked.Increment(ref inFlight);
            ThreadPool.QueueUserWorkItem(_ => Deliver(target, source, bytes));
            return;
        }

        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                timer?.Dispose();
                Interlocked.Increment(ref inFlight);
                ThreadPool.QueueUserWorkItem(_ => Deliver(target, source, bytes));
            },
            null,
            delay,
            Timeout.InfiniteTimeSpan);
    }

    private void Deliver(Endpoint target, EndPoint source, byte[] bytes)
    {
        try
        {
            target.Deliver(source, bytes);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private sealed class Endpoint(InMemoryNetwork network, EndPoint address) : IDatagramTransport
    {
        private DatagramReceived? handler;
        private volatile bool disposed;

        public int MaxDatagramSize => UdpDatagramTransport.DefaultMaxDatagramSize;

        public EndPoint LocalEndPoint => address;

        public void Start(DatagramReceived received) => handler = received;

        public void Send(EndPoint destination, ReadOnlySpan<byte> datagram)
        {
            if (!disposed && datagram.Length <= MaxDatagramSize)
            {
                network.Send(address, destination, datagram);
            }
        }

        public void Deliver(EndPoint source, byte[] bytes)
        {
            if (!disposed)
            {
                handler?.Invoke(source, bytes);
            }
        }

        public void Dispose()
        {
            disposed = true;
            lock (network.gate)
            {
                network.endpoints.Remove(address);
            }
        }
    }
}
