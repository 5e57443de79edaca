using System;
using System.Threading.Tasks;
using MatterGen.Evse.Charger;
using MatterGen.InteractionModel.Server;
using MatterGen.Node.Network;
using MatterGen.Transport.Crypto;
using MatterGen.Transport.Udp;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Node.Tests.Network;

/// <summary>What the host and its commissioning secret refuse, and its lifecycle.</summary>
public sealed class DeviceHostOptionsTests
{
    private static readonly byte[] Salt = NetworkRig.Salt;

    [Theory]
    [InlineData(0u)]
    [InlineData(11111111u)]
    [InlineData(33333333u)]
    [InlineData(12345678u)]
    [InlineData(87654321u)]
    [InlineData(99999999u)]
    [InlineData(100000000u)]
    public void Invalid_passcodes_are_refused(uint passcode)
    {
        Assert.False(CommissioningSecret.IsValidPasscode(passcode));
        Assert.Throws<ArgumentException>(() => CommissioningSecret.FromPasscode(passcode, 3840, Salt));
    }

    [Fact]
    public void A_secret_from_a_verifier_matches_the_one_from_its_passcode()
    {
        var fromPasscode = CommissioningSecret.FromPasscode(20202021, 3840, Salt, 1000);
        var fromVerifier = new CommissioningSecret(PaseVerifier.Deserialize(fromPasscode.Verifier.Serialize()), Salt, 1000, 3840);

        Assert.Equal(fromPasscode.Verifier.Serialize(), fromVerifier.Verifier.Serialize());
        Assert.Equal(32, CommissioningSecret.FromPasscode(20202021, 3840).Salt.Length);
    }

    [Fact]
    public void Salt_iterations_and_discriminator_out_of_range_are_refused()
    {
        var verifier = CommissioningSecret.FromPasscode(20202021, 3840, Salt).Verifier;

        Assert.Throws<ArgumentException>(() => new CommissioningSecret(verifier, new byte[15], 1000, 3840));
        Assert.Throws<ArgumentException>(() => new CommissioningSecret(verifier, new byte[33], 1000, 3840));
        Assert.Throws<ArgumentException>(() => new CommissioningSecret(verifier, Salt, 999, 3840));
        Assert.Throws<ArgumentException>(() => new CommissioningSecret(verifier, Salt, 100_001, 3840));
        Assert.Throws<ArgumentException>(() => new CommissioningSecret(verifier, Salt, 1000, 0x1000));
    }

    [Fact]
    public async Task A_window_shorter_than_three_or_longer_than_fifteen_minutes_or_another_clock_is_refused()
    {
        var time = new FakeTimeProvider();
        using var charger = ChargerNode.Create(TestNodes.Options(time));
        var network = new InMemoryNetwork(time);

        Assert.Throws<ArgumentOutOfRangeException>(() => new MatterDeviceHost(charger.Node, network.CreateEndpoint(), new MatterDeviceHostOptions { Time = time, CommissioningTimeout = TimeSpan.FromMinutes(16) }));
        Assert.Throws<ArgumentException>(() => new MatterDeviceHost(charger.Node, network.CreateEndpoint(), new MatterDeviceHostOptions { Time = time, Interaction = new InteractionServerOptions() }));
        await using var host = new MatterDeviceHost(charger.Node, network.CreateEndpoint(), new MatterDeviceHostOptions { Time = time });
        Assert.Throws<ArgumentOutOfRangeException>(() => host.OpenCommissioningWindow(CommissioningSecret.FromPasscode(20202021, 3840, Salt), TimeSpan.FromMinutes(2)));
        Assert.False(host.IsCommissioningWindowOpen);
    }

    [Fact]
    public async Task The_host_starts_once_closes_its_window_on_request_and_refuses_work_after_disposal()
    {
        var time = new FakeTimeProvider();
        using var charger = ChargerNode.Create(TestNodes.Options(time));
        var host = new MatterDeviceHost(charger.Node, new InMemoryNetwork(time).CreateEndpoint(), new MatterDeviceHostOptions { Time = time });
        host.Start();
        host.Start();
        host.OpenCommissioningWindow(CommissioningSecret.FromPasscode(20202021, 3840, Salt));
        Assert.True(host.IsCommissioningWindowOpen);
        host.CloseCommissioningWindow();
        Assert.False(host.IsCommissioningWindowOpen);

        await host.DisposeAsync();
        await host.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(host.Start);
        Assert.Throws<ObjectDisposedException>(() => host.OpenCommissioningWindow(CommissioningSecret.FromPasscode(20202021, 3840, Salt)));
    }
}
