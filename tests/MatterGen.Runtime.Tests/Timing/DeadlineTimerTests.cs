using System;
using MatterGen.Timing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Runtime.Tests.Timing;

public sealed class DeadlineTimerTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 10, 22, 10, 0, 0, TimeSpan.Zero));
    private int fired;
    private Exception? failure;

    [Fact]
    public void A_deadline_past_the_due_time_limit_fires_on_the_day_not_at_the_limit()
    {
        using var timer = NewTimer();
        timer.At(clock.GetUtcNow().AddDays(120));

        clock.Advance(TimeSpan.FromDays(119.9));
        Assert.Equal(0, fired);
        clock.Advance(TimeSpan.FromDays(0.1));

        Assert.Equal(1, fired);
        Assert.Null(timer.Deadline);
    }

    [Fact]
    public void A_deadline_already_past_fires_at_once()
    {
        using var timer = NewTimer();

        timer.At(clock.GetUtcNow().AddSeconds(-5));
        clock.Advance(TimeSpan.Zero);

        Assert.Equal(1, fired);
    }

    [Fact]
    public void A_throwing_callback_goes_to_the_failure_handler_and_not_up_the_timer_thread()
    {
        using var timer = new DeadlineTimer(clock, () => throw new InvalidOperationException("boom"), e => failure = e);
        timer.After(TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.IsType<InvalidOperationException>(failure);
    }

    [Fact]
    public void A_throwing_failure_handler_is_swallowed()
    {
        using var timer = new DeadlineTimer(clock, () => throw new InvalidOperationException("boom"), _ => throw new InvalidOperationException("worse"));
        timer.After(TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Cancelled_and_replaced_deadlines_do_not_fire()
    {
        using var timer = NewTimer();
        timer.After(TimeSpan.FromSeconds(10));
        timer.Cancel();
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, fired);

        timer.After(TimeSpan.FromSeconds(10));
        timer.After(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, fired);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void A_delay_past_the_calendar_is_accepted()
    {
        using var timer = NewTimer();

        timer.After(TimeSpan.MaxValue);
        clock.Advance(TimeSpan.FromDays(1000));

        Assert.Equal(0, fired);
        Assert.Equal(DateTimeOffset.MaxValue, timer.Deadline);
    }

    private DeadlineTimer NewTimer() => new(clock, () => fired++, e => failure = e);
}
