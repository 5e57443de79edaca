using System;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Interaction;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Runtime.Tests.Interaction;

/// <summary>A driver bug still gets the requester an answer, and requests carry the server's clock.</summary>
public sealed class DriverFailureTests
{
    [Fact]
    public async Task A_driver_exception_answers_failure_and_is_reported_to_the_device()
    {
        var server = new CounterServer();
        (uint Command, Exception Error)? failure = null;
        server.DriverFailed += (command, error) => failure = (command, error);
        var transport = new InProcessTransport(Privilege.Operate).Add(server);

        var result = await transport.InvokeAsync(server.Endpoint, CounterServer.Cluster, CounterServer.CrashCommand, new byte[] { 0x15, 0x18 }, timed: false);

        Assert.Equal(MatterStatus.Failure, result.Status);
        Assert.Equal(CounterServer.CrashCommand, failure?.Command);
        Assert.IsType<InvalidOperationException>(failure?.Error);
    }

    [Fact]
    public async Task A_request_carries_the_server_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var server = new CounterServer(new ClusterServerOptions { Time = time });
        var transport = new InProcessTransport(Privilege.Operate).Add(server);

        var result = await transport.InvokeAsync(server.Endpoint, CounterServer.Cluster, CounterServer.StampCommand, new byte[] { 0x15, 0x18 }, timed: false);

        Assert.Equal(MatterStatus.Success, result.Status);
        Assert.Same(time, server.LastContext!.Time);
        Assert.Equal(Privilege.Operate, server.LastContext.Privilege);
    }
}
