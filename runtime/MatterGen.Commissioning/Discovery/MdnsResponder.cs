using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Commissioning.Discovery.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MatterGen.Commissioning.Discovery;

/// <summary>
/// A small mDNS responder (RFC 6762) for DNS-SD service instances: answers queries on every served interface with
/// that interface's addresses, announces an instance twice one second apart when it is added and sends a goodbye
/// (TTL 0) when it is removed. Untrusted input is bounded: datagrams over 9000 bytes are cut, malformed ones dropped,
/// a record is multicast at most once per second per interface and responses in all are capped per second.
/// Not done: probing for name conflicts (instance names are random or unique per fabric) and the 20–120 ms delay
/// for shared answers.
/// </summary>
public sealed class MdnsResponder : IAsyncDisposable
{
    /// <summary>The IPv4 mDNS group.</summary>
    public static readonly IPAddress IPv4Group = IPAddress.Parse("224.0.0.251");

    /// <summary>The IPv6 mDNS group.</summary>
    public static readonly IPAddress IPv6Group = IPAddress.Parse("ff02::fb");

    private const int MaximumDatagram = 9000;
    private const int MaximumPacket = 1400;
    private static readonly TimeSpan MulticastInterval = TimeSpan.FromSeconds(1);

    private readonly MdnsResponderOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Dictionary<string, MdnsServiceInstance> instances = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DateTimeOffset> lastMulticast = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> loops = [];
    private IReadOnlyList<MdnsInterface> interfaces = [];
    private Socket? ipv4;
    private Socket? ipv6;
    private long responseSecond;
    private int responsesThisSecond;

    /// <summary>Creates a responder; <see cref="Start"/> opens its sockets.</summary>
    public MdnsResponder(MdnsResponderOptions options, TimeProvider time, ILogger<MdnsResponder>? logger = null)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        HostName = (options.HostName ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))) + ".local";
    }

    /// <summary>The host name the SRV records point to, with <c>.local</c>.</summary>
    public string HostName { get; }

    /// <summary>Datagrams dropped because they were malformed (for diagnostics and tests).</summary>
    public int MalformedCount => malformed;

    private int malformed;

    /// <summary>Opens the sockets on the served interfaces and starts answering. Throws <see cref="InvalidOperationException"/> when no interface can serve mDNS.</summary>
    public void Start()
    {
        interfaces = MdnsInterface.Find(options.InterfaceNames);
        if (interfaces.Count == 0)
        {
            throw new InvalidOperationException("No network interface is up with multicast; mDNS cannot be served.");
        }

        ipv4 = Open(AddressFamily.InterNetwork, IPv4Group);
        if (options.UseIPv6 && Socket.OSSupportsIPv6)
        {
            try
            {
                ipv6 = Open(AddressFamily.InterNetworkV6, IPv6Group);
            }
            catch (SocketException exception)
            {
                logger.LogWarning(exception, "mDNS over IPv6 is not available; serving IPv4 only");
            }
        }

        foreach (var socket in new[] { ipv4, ipv6 }.OfType<Socket>())
        {
            loops.Add(Task.Run(() => ReceiveLoopAsync(socket, stopping.Token)));
        }
    }

    /// <summary>Adds or replaces an instance and announces it (twice, one second apart).</summary>
    public async Task AddAsync(MdnsServiceInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        lock (instances)
        {
            instances[instance.FullName] = instance;
        }

        await SendUnsolicitedAsync(instance.Records, includeHost: true, cancellationToken).ConfigureAwait(false);
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(MulticastInterval, time, stopping.Token).ConfigureAwait(false);
                if (Contains(instance))
                {
                    await SendUnsolicitedAsync(instance.Records, includeHost: true, stopping.Token).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped meanwhile, or the network refused the repeat: the first announcement went out already.
                logger.LogDebug(exception, "Second announcement of {Instance} not sent", instance.FullName);
            }
        });
    }

    /// <summary>Removes an instance and sends its goodbye; does nothing for an unknown name.</summary>
    public async Task RemoveAsync(string fullName, CancellationToken cancellationToken = default)
    {
        MdnsServiceInstance? removed;
        lock (instances)
        {
            instances.Remove(fullName, out removed);
        }

        if (removed is not null)
        {
            // The service enumeration PTR stays while another instance of the same type is advertised.
            var shared = Snapshot().SelectMany(i => i.Records).ToList();
            var goodbye = removed.Records.Where(r => !shared.Contains(r)).Select(r => r.Goodbye()).ToList();
            await SendUnsolicitedAsync(goodbye, includeHost: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The instances advertised now.</summary>
    public IReadOnlyList<MdnsServiceInstance> Snapshot()
    {
        lock (instances)
        {
            return instances.Values.ToList();
        }
    }

    /// <summary>Sends goodbyes for every instance, then closes the sockets.</summary>
    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        foreach (var instance in Snapshot())
        {
            try
            {
                await RemoveAsync(instance.FullName).ConfigureAwait(false);
            }
            catch (SocketException exception)
            {
                logger.LogDebug(exception, "mDNS goodbye for {Instance} not sent", instance.FullName);
            }
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        ipv4?.Dispose();
        ipv6?.Dispose();
        await Task.WhenAll(loops).ConfigureAwait(false);
        stopping.Dispose();
        sendLock.Dispose();
    }

    private bool Contains(MdnsServiceInstance instance)
    {
        lock (instances)
        {
            return instances.TryGetValue(instance.FullName, out var current) && ReferenceEquals(current, instance);
        }
    }

    private Socket Open(AddressFamily family, IPAddress group)
    {
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            var level = family == AddressFamily.InterNetwork ? SocketOptionLevel.IP : SocketOptionLevel.IPv6;
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            if (family == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            socket.Bind(new IPEndPoint(family == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, options.Port));
            socket.SetSocketOption(level, SocketOptionName.PacketInformation, true);
            socket.SetSocketOption(level, SocketOptionName.MulticastTimeToLive, 255);
            // Another process on this host (a controller) must hear us too.
            socket.SetSocketOption(level, SocketOptionName.MulticastLoopback, true);
            foreach (var nic in interfaces)
            {
                object membership = family == AddressFamily.InterNetwork
                    ? new MulticastOption(group, nic.Index)
                    : new IPv6MulticastOption(group, nic.Index);
                socket.SetSocketOption(level, SocketOptionName.AddMembership, membership);
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task ReceiveLoopAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaximumDatagram];
        EndPoint any = socket.AddressFamily == AddressFamily.InterNetwork ? new IPEndPoint(IPAddress.Any, 0) : new IPEndPoint(IPAddress.IPv6Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveMessageFromResult received;
            try
            {
                received = await socket.ReceiveMessageFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A truncated datagram (MessageSize) or a transient error: drop it and keep serving.
                logger.LogDebug(exception, "mDNS receive failed");
                continue;
            }
            catch (SocketException)
            {
                return;
            }

            try
            {
                await HandleAsync(socket, buffer.AsMemory(0, received.ReceivedBytes), (IPEndPoint)received.RemoteEndPoint, received.PacketInformation.Interface, cancellationToken).ConfigureAwait(false);
            }
            catch (DnsFormatException exception)
            {
                Interlocked.Increment(ref malformed);
                logger.LogDebug("Malformed mDNS message from {Source} dropped: {Reason}", received.RemoteEndPoint, exception.Message);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                logger.LogDebug(exception, "mDNS answer not sent");
            }
        }
    }

    private async Task HandleAsync(Socket socket, ReadOnlyMemory<byte> message, IPEndPoint source, int interfaceIndex, CancellationToken cancellationToken)
    {
        if (DnsQuery.Read(message.Span) is not { } query || interfaces.FirstOrDefault(i => i.Index == interfaceIndex) is not { } nic)
        {
            return;
        }

        var answer = MdnsAnswerer.Answer(query, Snapshot(), MdnsAnswerer.HostRecords(HostName, nic.Addresses));
        if (answer is null || !TakeResponseBudget())
        {
            return;
        }

        if (source.Port != options.Port)
        {
            // A legacy resolver (RFC 6762 section 6.7): unicast, its id and questions echoed, TTLs at most 10 s.
            var cap = TimeSpan.FromSeconds(10);
            DnsRecord Capped(DnsRecord r) => r.TimeToLive > cap ? r with { TimeToLive = cap } : r;
            var bytes = DnsResponse.Write(answer.Answers.Select(Capped).ToList(), answer.Additional.Select(Capped).ToList(), query.Id, query.Questions.ToList());
            await socket.SendToAsync(bytes, SocketFlags.None, source, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (answer.Unicast)
        {
            await SendPacketsAsync(socket, answer.Answers, answer.Additional, source, cancellationToken).ConfigureAwait(false);
            return;
        }

        var now = time.GetUtcNow();
        var fresh = answer.Answers.Where(record => MayMulticast(record, nic.Index, now)).ToList();
        if (fresh.Count > 0)
        {
            await SendMulticastAsync(socket, nic, fresh, answer.Additional, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool TakeResponseBudget()
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        lock (lastMulticast)
        {
            if (second != responseSecond)
            {
                responseSecond = second;
                responsesThisSecond = 0;
            }

            return ++responsesThisSecond <= options.MaximumResponsesPerSecond;
        }
    }

    private bool MayMulticast(DnsRecord record, int interfaceIndex, DateTimeOffset now)
    {
        var key = $"{interfaceIndex}|{record.Name}|{record.Type}|{Convert.ToHexString(record.Data)}";
        lock (lastMulticast)
        {
            if (lastMulticast.TryGetValue(key, out var last) && now - last < MulticastInterval)
            {
                return false;
            }

            // Keep the table bounded: forget entries older than the interval when it grows.
            if (lastMulticast.Count > 1024)
            {
                foreach (var old in lastMulticast.Where(e => now - e.Value >= MulticastInterval).Select(e => e.Key).ToList())
                {
                    lastMulticast.Remove(old);
                }
            }

            lastMulticast[key] = now;
            return true;
        }
    }

    private async Task SendUnsolicitedAsync(IReadOnlyList<DnsRecord> records, bool includeHost, CancellationToken cancellationToken)
    {
        foreach (var nic in interfaces)
        {
            var host = includeHost ? MdnsAnswerer.HostRecords(HostName, nic.Addresses) : [];
            foreach (var socket in new[] { ipv4, ipv6 }.OfType<Socket>())
            {
                await SendMulticastAsync(socket, nic, records, host, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task SendMulticastAsync(Socket socket, MdnsInterface nic, IReadOnlyList<DnsRecord> answers, IReadOnlyList<DnsRecord> additional, CancellationToken cancellationToken)
    {
        var ipv4Socket = socket.AddressFamily == AddressFamily.InterNetwork;
        if (ipv4Socket && nic.IPv4.Count == 0)
        {
            return;
        }

        await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The outgoing interface is a socket option, so sends are serialized while it is set.
            if (ipv4Socket)
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, BitConverter.ToInt32(nic.IPv4[0].GetAddressBytes()));
            }
            else
            {
                socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastInterface, nic.Index);
            }

            var group = new IPEndPoint(ipv4Socket ? IPv4Group : new IPAddress(IPv6Group.GetAddressBytes(), nic.Index), options.Port);
            await SendPacketsAsync(socket, answers, additional, group, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sendLock.Release();
        }
    }

    private static async Task SendPacketsAsync(Socket socket, IReadOnlyList<DnsRecord> answers, IReadOnlyList<DnsRecord> additional, IPEndPoint destination, CancellationToken cancellationToken)
    {
        foreach (var packet in Pack(answers, additional))
        {
            await socket.SendToAsync(packet, SocketFlags.None, destination, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Splits answers over packets of at most 1400 bytes; additional records go with the first packet while they fit.</summary>
    internal static IEnumerable<byte[]> Pack(IReadOnlyList<DnsRecord> answers, IReadOnlyList<DnsRecord> additional)
    {
        var batch = new List<DnsRecord>();
        foreach (var record in answers)
        {
            batch.Add(record);
            if (batch.Count > 1 && DnsResponse.Write(batch, []).Length > MaximumPacket)
            {
                batch.RemoveAt(batch.Count - 1);
                yield return DnsResponse.Write(batch, []);
                batch = [record];
            }
        }

        var extra = new List<DnsRecord>();
        foreach (var record in additional)
        {
            extra.Add(record);
            if (DnsResponse.Write(batch, extra).Length > MaximumPacket)
            {
                extra.RemoveAt(extra.Count - 1);
                break;
            }
        }

        yield return DnsResponse.Write(batch, extra);
    }
}
