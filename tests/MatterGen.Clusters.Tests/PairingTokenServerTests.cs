using System.Collections.Generic;
using Xunit;

namespace MatterGen.Clusters.Tests;

/// <summary>A server of the test cluster with octet-string attributes.</summary>
[MatterServer("Pairing Token")]
public partial class PairingTokenServer;

/// <summary>Byte-string attributes change only when their bytes do, whatever buffer holds them.</summary>
public sealed class PairingTokenServerTests
{
    [Fact]
    public void A_server_that_accepts_no_command_is_made_without_a_driver()
    {
        var server = new PairingTokenServer();

        Assert.Empty(PairingTokenServer.AcceptedCommandList);
        Assert.Null(typeof(PairingTokenServer).Assembly.GetType("MatterGen.Clusters.Tests.IPairingTokenServerDriver"));
        Assert.Equal(PairingTokenServer.ClusterId, server.Description.ClusterId);
    }

    [Fact]
    public void An_attribute_set_waits_for_a_transition_that_holds_the_lock()
    {
        var server = new PairingTokenServer();
        using var done = new System.Threading.ManualResetEventSlim();
        var setter = new System.Threading.Thread(() =>
        {
            server.Token = new byte[] { 7 };
            done.Set();
        });
        lock (server.SyncRoot)
        {
            setter.Start();
            Assert.False(done.Wait(100), "the setter must not run inside another thread's transition");
            Assert.True(server.Token.IsEmpty);
        }

        Assert.True(done.Wait(5000));
        Assert.Equal([7], server.Token.ToArray());
    }

    [Fact]
    public void The_same_bytes_in_a_new_buffer_are_no_change()
    {
        var server = new PairingTokenServer();
        var changes = new List<uint>();
        server.AttributeChanged += change => changes.Add(change.AttributeId);

        server.Token = new byte[] { 1, 2, 3 };
        var version = server.DataVersion;
        server.Token = new byte[] { 1, 2, 3 };
        server.PreviousToken = null;
        server.PreviousToken = new byte[] { 9 };
        server.PreviousToken = new byte[] { 9 };

        Assert.Equal(version + 1, server.DataVersion);
        Assert.Equal([0u, 1u], changes);
        server.Token = new byte[] { 1, 2, 4 };
        Assert.Equal([0u, 1u, 0u], changes);
    }
}
