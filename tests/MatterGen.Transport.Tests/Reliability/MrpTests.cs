using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Messaging;
using MatterGen.Transport.Reliability;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Tests.SecureChannel;
using MatterGen.Transport.Tests.Support;
using Xunit;

namespace MatterGen.Transport.Tests.Reliability;

public class MrpTests
{
    [Fact]
    public void Backoff_follows_the_spec_formula()
    {
        var interval = TimeSpan.FromMilliseconds(300);
        Assert.Equal(330, MrpTiming.Backoff(interval, 0, 0).TotalMilliseconds, 3);
        Assert.Equal(330, MrpTiming.Backoff(interval, 1, 0).TotalMilliseconds, 3);
        Assert.Equal(528, MrpTiming.Backoff(interval, 2, 0).TotalMilliseconds, 3);
        Assert.Equal(844.8, MrpTiming.Backoff(interval, 3, 0).TotalMilliseconds, 3);
        Assert.Equal(330 * 1.25, MrpTiming.Backoff(interval, 0, 1).TotalMilliseconds, 3);
    }

    [Fact]
    public async Task A_message_nobody_acknowledges_is_sent_five_times_then_the_send_fails()
    {
        using var nodes = new TestNodes();
        _ = new SecureChannelHandler(nodes.Device, nodes.Pase);
        var session = await nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, TestNodes.Passcode));
        var sent = 0;
        nodes.Network.Tamper = (from, to, bytes) =>
        {
            sent++;
            return null; // the network goes dark
        };

        await using var exchange = session.CreateExchange();
        await Assert.ThrowsAsync<TimeoutException>(() => nodes.Run(exchange.SendAsync(new ProtocolMessage(TestNodes.EchoProtocol, 1, new byte[] { 1 })).AsTask()));
        Assert.Equal(MrpTiming.MaxTransmissions, sent);
    }

    [Fact]
    public async Task A_flood_of_new_exchanges_is_bounded()
    {
        using var nodes = new TestNodes(deviceOptions: new SecureTransportOptions { MaxExchanges = 3 });
        _ = new SecureChannelHandler(nodes.Device, nodes.Pase);
        nodes.Device.AddHandler(new SilentHandler());
        var session = await nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, TestNodes.Passcode));

        var sends = Enumerable.Range(0, 10).Select(async _ =>
        {
            var exchange = session.CreateExchange();
            await exchange.SendAsync(new ProtocolMessage(SilentHandler.Id, 1, new byte[] { 1 }));
        }).ToArray();
        await nodes.Run(Task.WhenAll(sends));

        Assert.True(nodes.Device.Statistics.Refused >= 7, $"refused {nodes.Device.Statistics.Refused}");
    }

    [Fact]
    public async Task The_session_table_evicts_the_least_recently_used_session()
    {
        using var nodes = new TestNodes(deviceOptions: new SecureTransportOptions { MaxSecureSessions = 2 });
        _ = new SecureChannelHandler(nodes.Device, nodes.Pase);
        var first = await nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, TestNodes.Passcode));
        nodes.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, TestNodes.Passcode));
        nodes.Time.Advance(TimeSpan.FromSeconds(1));
        await nodes.Run(PaseHandshakeTests.Echo(first, [1]));
        var third = await nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, TestNodes.Passcode));

        var open = nodes.Device.Sessions.Snapshot().Select(session => session.LocalSessionId).ToHashSet();
        Assert.Equal(2, open.Count);
        Assert.Contains(first.PeerSessionId, open);
        Assert.Contains(third.PeerSessionId, open);
        Assert.DoesNotContain(second.PeerSessionId, open);
    }

    [Fact]
    public async Task Idle_sessions_close_after_the_configured_timeout()
    {
        using var nodes = new TestNodes(deviceOptions: new SecureTransportOptions { SessionIdleTimeout = TimeSpan.FromMinutes(10) });
        _ = new SecureChannelHandler(nodes.Device, nodes.Pase);
        var session = await nodes.Run(PaseInitiator.EstablishAsync(nodes.Controller, nodes.Device.LocalEndPoint, TestNodes.Passcode));
        var deviceSession = Assert.Single(nodes.Device.Sessions.Snapshot());

        nodes.Time.Advance(TimeSpan.FromMinutes(6));
        await nodes.Run(PaseHandshakeTests.Echo(session, [1]));
        nodes.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.False(deviceSession.IsClosed);

        nodes.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(deviceSession.IsClosed);
        Assert.Equal(0, nodes.Device.Sessions.Count);
    }

    /// <summary>Takes exchanges and never answers (holds them open).</summary>
    private sealed class SilentHandler : IProtocolHandler
    {
        public static ProtocolId Id => new(0xFFF1, 0x0002);

        public ProtocolId Protocol => Id;

        public async ValueTask HandleExchangeAsync(IMessageExchange exchange, ProtocolMessage first, System.Threading.CancellationToken cancellationToken)
        {
            await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
        }
    }
}
