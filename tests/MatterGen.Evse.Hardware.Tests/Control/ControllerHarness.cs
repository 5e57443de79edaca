using System;
using System.Collections.Generic;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Pilot;
using Microsoft.Extensions.Time.Testing;

namespace MatterGen.Evse.Hardware.Tests.Control;

/// <summary>A controller on a fake clock, fed with ideal pilot levels for a named EV state.</summary>
internal sealed class ControllerHarness : IDisposable
{
    public static readonly TimeSpan SamplePeriod = TimeSpan.FromMilliseconds(10);

    public ControllerHarness(ChargePointOptions? options = null)
    {
        Controller = new ChargePointController(options ?? new ChargePointOptions(), Time);
        Controller.EventRaised += (_, e) => Events.Add(e);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ChargePointController Controller { get; }

    public List<ChargePointEvent> Events { get; } = [];

    public bool Closed => Controller.Outputs.ContactorClosed;

    public PilotOutput Pilot => Controller.Outputs.Pilot;

    /// <summary>Feeds one sample of <paramref name="state"/> as it would read with the current pilot output.</summary>
    public void Sample(PilotState state, bool diodeShorted = false)
    {
        var high = state switch
        {
            PilotState.A => 12.0, PilotState.B => 9.0, PilotState.C => 6.0, PilotState.D => 3.0,
            PilotState.E => 0.0, PilotState.F => -12.0, _ => -6.0,
        };
        var low = !Pilot.PwmOn ? high : diodeShorted ? high * -0.97 : state == PilotState.E ? 0.0 : -12.0;
        Controller.ObservePilot(new PilotSample(high, low));
    }

    /// <summary>Samples <paramref name="state"/> every 10 ms for <paramref name="duration"/>.</summary>
    public void Hold(PilotState state, TimeSpan duration, bool diodeShorted = false)
    {
        for (var t = TimeSpan.Zero; t < duration; t += SamplePeriod)
        {
            Sample(state, diodeShorted);
            Time.Advance(SamplePeriod);
        }

        Sample(state, diodeShorted);
    }

    /// <summary>Holds <paramref name="state"/> until the contactor is closed, returning the time it took, or null after <paramref name="limit"/>.</summary>
    public TimeSpan? HoldUntilClosed(PilotState state, TimeSpan limit)
    {
        var start = Time.GetUtcNow();
        while (Time.GetUtcNow() - start <= limit)
        {
            Sample(state);
            if (Closed)
            {
                return Time.GetUtcNow() - start;
            }

            Time.Advance(SamplePeriod);
        }

        return null;
    }

    /// <summary>Plugs in, enables the supply and brings the EV to charging (C2, contactor closed).</summary>
    public void StartCharging(int milliamps = 16_000)
    {
        Controller.EnableSupply(milliamps);
        Hold(PilotState.B, TimeSpan.FromMilliseconds(200));
        if (HoldUntilClosed(PilotState.C, TimeSpan.FromSeconds(3)) is null)
        {
            throw new InvalidOperationException("did not start charging");
        }
    }

    public void Dispose() => Controller.Dispose();
}
