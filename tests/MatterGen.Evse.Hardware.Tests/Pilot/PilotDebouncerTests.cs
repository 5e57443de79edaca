using System;
using MatterGen.Evse.Hardware.Pilot;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Pilot;

public class PilotDebouncerTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void A_state_is_accepted_exactly_after_its_delay()
    {
        var debouncer = new PilotDebouncer(time);
        Assert.Equal(PilotState.A, debouncer.Update(PilotState.B));
        time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Equal(PilotState.A, debouncer.Update(PilotState.B));
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMilliseconds(1), debouncer.PendingUntil);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(PilotState.B, debouncer.Poll());
        Assert.Null(debouncer.PendingUntil);
    }

    [Fact]
    public void Charge_request_needs_500_ms_and_unplug_25_ms()
    {
        var debouncer = new PilotDebouncer(time, initial: PilotState.B);
        debouncer.Update(PilotState.C);
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(PilotState.B, debouncer.Update(PilotState.C));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(PilotState.C, debouncer.Update(PilotState.C));

        debouncer.Update(PilotState.A);
        time.Advance(TimeSpan.FromMilliseconds(25));
        Assert.Equal(PilotState.A, debouncer.Update(PilotState.A));
    }

    [Fact]
    public void A_glitch_restarts_the_delay()
    {
        var debouncer = new PilotDebouncer(time, initial: PilotState.B);
        debouncer.Update(PilotState.C);
        time.Advance(TimeSpan.FromMilliseconds(400));
        debouncer.Update(PilotState.B);
        debouncer.Update(PilotState.C);
        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(PilotState.B, debouncer.Update(PilotState.C));
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(PilotState.C, debouncer.Update(PilotState.C));
    }
}
