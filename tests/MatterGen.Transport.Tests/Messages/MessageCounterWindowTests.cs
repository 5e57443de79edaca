using MatterGen.Transport.Messages;
using Xunit;

namespace MatterGen.Transport.Tests.Messages;

public class MessageCounterWindowTests
{
    [Fact]
    public void Secure_window_accepts_each_counter_once_and_refuses_older_than_the_window()
    {
        var window = new MessageCounterWindow(allowsRollover: false);
        Assert.True(window.Accept(100));
        Assert.False(window.Accept(100));
        Assert.True(window.Accept(105));
        Assert.True(window.Accept(101));
        Assert.False(window.Accept(101));
        Assert.True(window.Accept(104));
        Assert.True(window.Accept(137)); // 100 is now 37 behind: outside the window
        Assert.False(window.Accept(100));
        Assert.True(window.Accept(106)); // 31 behind, never seen
        Assert.False(window.Accept(105)); // 32 behind, seen (bit kept across the shift)
        Assert.True(window.Accept(uint.MaxValue - 5));
        Assert.False(window.Accept(3)); // no rollover on a secure session: a wrap is never ahead
    }

    [Fact]
    public void Unsecured_window_follows_a_restarted_peer_and_wraps()
    {
        var window = new MessageCounterWindow(allowsRollover: true);
        Assert.True(window.Accept(uint.MaxValue - 1));
        Assert.True(window.Accept(2)); // wrapped ahead
        Assert.False(window.Accept(uint.MaxValue - 1));
        Assert.True(window.Accept(1_000_000)); // far ahead
        Assert.True(window.Accept(5)); // far behind: the peer restarted
        Assert.False(window.Accept(5));
    }

    [Fact]
    public void Shift_by_exactly_the_window_size_keeps_the_old_maximum()
    {
        var window = new MessageCounterWindow(false);
        Assert.True(window.Accept(10));
        Assert.True(window.Accept(42));
        Assert.False(window.Accept(10));
        Assert.True(window.Accept(11));
    }
}
