using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using MatterGen.Transport.Messages;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Sessions;
using MatterGen.Transport.Tests.Support;
using MatterGen.Transport.Udp;
using Xunit;

namespace MatterGen.Transport.Tests.SecureChannel;

/// <summary>What an attacker on the path can do to secure messages, and the device's reaction.</summary>
public class MessageSecurityTests
{
    [Fact]
    public async Task Replayed_messages_are_dropped_as_duplicates_and_not_processed_again()
    {
        using var setup = await Established();
        var echoes = setup.Nodes.Device.Statistics.Received;
        var datagram = setup.LastSecureToDevice();

        setup.Nodes.Network.Inject(setup.Nodes.Controller.LocalEndPoint, setup.Nodes.Device.LocalEndPoint, datagram);
        await setup.Settle();

        Assert.Equal(1, setup.Nodes.Device.Statistics.Duplicates);
        Assert.Equal(echoes, setup.Nodes.Device.Statistics.Received);
    }

    [Fact]
    public async Task Bit_flips_anywhere_fail_the_mic_and_nothing_is_decrypted()
    {
        using var setup = await Established();
        var datagram = setup.LastSecureToDevice();
        var before = setup.Nodes.Device.Statistics.Received;
        for (var bit = 0; bit < datagram.Length * 8; bit += 13)
        {
            var flipped = (byte[])datagram.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            setup.Nodes.Network.Inject(setup.Nodes.Controller.LocalEndPoint, setup.Nodes.Device.LocalEndPoint, flipped);
        }

        await setup.Settle();
        var statistics = setup.Nodes.Device.Statistics;
        Assert.Equal(before, statistics.Received);
        Assert.True(statistics.AuthenticationFailures > 0);
        // A flip in the session id misses the session; one in the flags may make the header malformed; every other
        // flip is an authentication failure. None is processed.
        Assert.Equal((datagram.Length * 8 + 12) / 13, statistics.AuthenticationFailures + statistics.UnknownSession + statistics.Malformed);
    }

    [Fact]
    public async Task Truncated_messages_are_dropped()
    {
        using var setup = await Established();
        var datagram = setup.LastSecureToDevice();
        var before = setup.Nodes.Device.Statistics.Received;
        for (var length = 0; length < datagram.Length; length++)
        {
            setup.Nodes.Network.Inject(setup.Nodes.Controller.LocalEndPoint, setup.Nodes.Device.LocalEndPoint, datagram[..length]);
        }

        await setup.Settle();
        var statistics = setup.Nodes.Device.Statistics;
        Assert.Equal(before, statistics.Received);
        Assert.Equal(datagram.Length, statistics.Malformed + statistics.AuthenticationFailures);
    }

    [Fact]
    public async Task An_unknown_session_id_is_dropped_and_counted()
    {
        using var setup = await Established();
        var datagram = setup.LastSecureToDevice();
        var header = MessageHeader.Decode(datagram, out _);
        var other = (byte[])datagram.Clone();
        BitConverter.TryWriteBytes(other.AsSpan(1, 2), (ushort)(header.SessionId ^ 0x5A5A));

        setup.Nodes.Network.Inject(setup.Nodes.Controller.LocalEndPoint, setup.Nodes.Device.LocalEndPoint, other);
        await setup.Settle();

        Assert.Equal(1, setup.Nodes.Device.Statistics.UnknownSession);
    }

    [Fact]
    public async Task Reordered_and_duplicated_messages_still_deliver_every_exchange_once()
    {
        using var nodes = new TestNodes(new LossyNetworkOptions { Seed = 5, DuplicateProbability = 0.3, MaxDelay = TimeSpan.FromMilliseconds(200) });
        _ = new SecureChannelHandler(nodes.Device, nodes.Pase);
        var session = await nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, TestNodes.Passcode));

        var replies = await nodes.Run(Task.WhenAll(Enumerable.Range(0, 6).Select(i => PaseHandshakeTests.Echo(session, [(byte)i]))));

        Assert.Equal(Enumerable.Range(0, 6).Select(i => (byte)i), replies.Select(reply => reply.Payload.Span[0]));
        Assert.True(nodes.Device.Statistics.Duplicates > 0);
    }

    [Fact]
    public async Task A_close_session_report_closes_the_session_on_both_sides()
    {
        using var setup = await Established();
        var session = setup.Session;

        await setup.Nodes.Run(setup.Nodes.Controller.CloseSessionAsync(session).AsTask());
        await setup.Settle();

        Assert.True(session.Closed.IsCancellationRequested);
        Assert.Equal(0, setup.Nodes.Device.Sessions.Count);
    }

    private static async Task<Setup> Established()
    {
        var nodes = new TestNodes();
        var captured = new ConcurrentQueue<(EndPoint To, byte[] Bytes)>();
        nodes.Network.Tamper = (from, to, bytes) =>
        {
            captured.Enqueue((to, bytes));
            return bytes;
        };
        _ = new SecureChannelHandler(nodes.Device, nodes.Pase);
        var session = await nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, TestNodes.Passcode));
        await nodes.Run(PaseHandshakeTests.Echo(session, [7, 7, 7]));
        var setup = new Setup(nodes, session, captured);
        await setup.Settle();
        return setup;
    }

    private sealed record Setup(TestNodes Nodes, SecureSession Session, ConcurrentQueue<(EndPoint To, byte[] Bytes)> Captured) : IDisposable
    {
        /// <summary>The last encrypted message the controller sent the device that was not a bare ack (the echo request).</summary>
        public byte[] LastSecureToDevice() => Captured
            .Where(entry => entry.To.Equals(Nodes.Device.LocalEndPoint) && MessageHeader.Decode(entry.Bytes, out _).SessionId != 0 && entry.Bytes.Length > 34)
            .Select(entry => entry.Bytes)
            .Last();

        public Task Settle() => Nodes.Run(Task.Delay(50));

        public void Dispose() => Nodes.Dispose();
    }
}
