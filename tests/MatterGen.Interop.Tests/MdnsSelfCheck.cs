using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Commissioning.Discovery;
using MatterGen.Commissioning.Discovery.Wire;

namespace MatterGen.Interop.Tests;

/// <summary>
/// Run inside the namespace (mode <c>mdns-selfcheck</c>): our responder on real multicast, asked by plain sockets the
/// way other resolvers ask: a legacy unicast query from an ephemeral port, a multicast query from port 5353 that
/// must be answered on the group, a flood of garbage that must not stop it, and the goodbye on withdrawal.
/// Prints one RESULT line.
/// </summary>
internal static class MdnsSelfCheck
{
    private const ulong Fabric = 0x87E1B004E235A130, Node = 0x8FC7772401CD0696;

    public static async Task<int> RunAsync()
    {
        var result = new Dictionary<string, object?>();
        await using var responder = new MdnsResponder(new MdnsResponderOptions(), TimeProvider.System);
        responder.Start();
        var advertiser = new MdnsMatterAdvertiser(responder);

        // A listener on the group, as another host's responder/cache would be.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(IPAddress.Any, 5353));
        listener.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(MdnsResponder.IPv4Group, IPAddress.Loopback));
        listener.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, BitConverter.ToInt32(IPAddress.Loopback.GetAddressBytes()));
        var heard = new List<DnsReceivedRecord>();
        using var stop = new CancellationTokenSource();
        var listening = ListenAsync(listener, heard, stop.Token);

        await advertiser.AdvertiseOperationalAsync(new OperationalAdvertisement(Fabric, Node, 5540));
        var instance = $"{Fabric:X16}-{Node:X16}._matter._tcp.local";
        await Task.Delay(300);
        result["announced"] = Snapshot(heard).Any(r => r.Type == DnsRecordType.Ptr && r.Target == instance && r.TimeToLive > TimeSpan.Zero);

        // Legacy unicast: id echoed, answer sent back to the ephemeral port.
        var legacy = await LegacyQueryAsync($"_I{Fabric:X16}._sub._matter._tcp.local", 0x1234);
        result["legacyAnswered"] = legacy is { Id: 0x1234 } && legacy.Value.Records.Any(r => r.Type == DnsRecordType.Ptr && r.Target == instance)
            && legacy.Value.Records.Any(r => r.Type == DnsRecordType.Srv) && legacy.Value.Records.Any(r => r.Type == DnsRecordType.A);
        result["legacyTtlCapped"] = legacy?.Records.All(r => r.TimeToLive <= TimeSpan.FromSeconds(10));

        // Multicast query from port 5353: the answer goes to the group (after the 1 s per-record limit of the announcement).
        await Task.Delay(1100);
        lock (heard)
        {
            heard.Clear();
        }

        await listener.SendToAsync(Query(instance, DnsRecordType.Srv, 0), new IPEndPoint(MdnsResponder.IPv4Group, 5353));
        await Task.Delay(300);
        result["multicastAnswered"] = Snapshot(heard).Any(r => r.Type == DnsRecordType.Srv && r.Name == instance && r.CacheFlush);

        // A flood of garbage and of queries: it keeps answering afterwards.
        using (var flood = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            var random = new Random(1);
            var garbage = new byte[300];
            for (var i = 0; i < 5000; i++)
            {
                random.NextBytes(garbage);
                garbage[2] = 0; // a query, so it is parsed
                await flood.SendToAsync(garbage.AsMemory(0, random.Next(1, garbage.Length)), new IPEndPoint(MdnsResponder.IPv4Group, 5353));
            }
        }

        await Task.Delay(500);
        result["malformedDropped"] = responder.MalformedCount;
        result["answersAfterFlood"] = (await LegacyQueryAsync(instance, 7, DnsRecordType.Srv))?.Records.Any(r => r.Type == DnsRecordType.Srv) == true;

        // Goodbye.
        lock (heard)
        {
            heard.Clear();
        }

        await advertiser.WithdrawOperationalAsync(Fabric, Node);
        await Task.Delay(300);
        result["goodbye"] = Snapshot(heard).Any(r => r.Type == DnsRecordType.Ptr && r.Target == instance && r.TimeToLive == TimeSpan.Zero);
        result["noAnswerAfterWithdraw"] = await LegacyQueryAsync(instance, 8, DnsRecordType.Srv) is null;

        await stop.CancelAsync();
        listener.Close();
        await listening;
        result["ok"] = result.Values.All(v => v is not false);
        Console.WriteLine(NamespaceRun.ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }

    private static List<DnsReceivedRecord> Snapshot(List<DnsReceivedRecord> heard)
    {
        lock (heard)
        {
            return [.. heard];
        }
    }

    private static async Task ListenAsync(Socket socket, List<DnsReceivedRecord> heard, CancellationToken cancellationToken)
    {
        var buffer = new byte[9000];
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var received = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), cancellationToken);
                if ((buffer[2] & 0x80) == 0)
                {
                    continue; // a query
                }

                var records = DnsReceivedRecord.ReadResponse(buffer.AsSpan(0, received.ReceivedBytes), out _);
                lock (heard)
                {
                    heard.AddRange(records);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }

    private static async Task<(ushort Id, IReadOnlyList<DnsReceivedRecord> Records)?> LegacyQueryAsync(string name, ushort id, DnsRecordType type = DnsRecordType.Ptr)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, BitConverter.ToInt32(IPAddress.Loopback.GetAddressBytes()));
        await socket.SendToAsync(Query(name, type, id), new IPEndPoint(MdnsResponder.IPv4Group, 5353));
        var buffer = new byte[9000];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            var received = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
            var records = DnsReceivedRecord.ReadResponse(buffer.AsSpan(0, received.ReceivedBytes), out var answerId);
            return (answerId, records);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static byte[] Query(string name, DnsRecordType type, ushort id)
    {
        var output = new List<byte> { (byte)(id >> 8), (byte)id, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 };
        DnsName.Write(output, name);
        output.AddRange([(byte)((int)type >> 8), (byte)type, 0, 1]);
        return output.ToArray();
    }
}
