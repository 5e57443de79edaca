using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Samples.EvseSimulator.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>
/// Plays a scenario on a fake clock: each simulated step moves the clock, runs the station's control loop and
/// the script; the energy manager polls the charger node over an Interaction Model session at its own interval.
/// Every step's offer and measured power go into a trace for the reaction-time check. Optionally paced so that
/// simulated time runs a fixed factor faster than wall time.
/// </summary>
internal sealed class SessionRunner
{
    /// <summary>Simulated time per control-loop step.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    /// <summary>How often the energy manager talks to the charger (simulated).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    /// <summary>How often a point of the curves is taken (simulated).</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromMinutes(1);

    private readonly Scenario scenario;
    private readonly bool bidirectional;
    private readonly double? speed;
    private readonly Func<Scenario, bool, FakeTimeProvider, IChargingStation> createStation;

    /// <summary>Creates a runner.</summary>
    /// <param name="scenario">What to play.</param>
    /// <param name="bidirectional">The full feature set (SoC, V2X) or the standard one.</param>
    /// <param name="speed">Simulated seconds per wall second; null to run as fast as possible.</param>
    /// <param name="createStation">Builds the charger on the given clock.</param>
    public SessionRunner(Scenario scenario, bool bidirectional, double? speed, Func<Scenario, bool, FakeTimeProvider, IChargingStation> createStation)
    {
        this.scenario = scenario;
        this.bidirectional = bidirectional;
        this.speed = speed;
        this.createStation = createStation;
    }

    /// <summary>Plays the whole session.</summary>
    public async Task<SessionOutcome> RunAsync(ISessionObserver observer, CancellationToken cancellationToken = default)
    {
        var time = new FakeTimeProvider(scenario.Start);
        using var station = createStation(scenario, bidirectional, time);
        await using var link = new ManagerLink(station.Charger, time);
        var manager = new EnergyManager(link.Client, station.Device.Server.Endpoint, scenario.Plan, scenario.House, time, PollInterval, bidirectional);
        var house = scenario.House ?? HouseLoad.None;

        var events = new List<SessionEvent>();
        var samples = new List<SessionSample>();
        var trace = new List<PowerTracePoint>((int)(scenario.Duration / Step) + 1);
        var views = new List<ClusterView>();
        var script = new Queue<ScriptedAction>(scenario.Script.OrderBy(a => a.At));
        var end = scenario.Start + scenario.Duration;
        var nextPoll = scenario.Start;
        var nextSample = scenario.Start;
        var wall = Stopwatch.StartNew();

        void Log(SessionEvent entry)
        {
            events.Add(entry);
            observer.Log(entry);
        }

        var polls = 0;
        Task<IReadOnlyList<SessionEvent>> PollAsync()
        {
            polls++;
            return manager.PollAsync(cancellationToken);
        }

        while (time.GetUtcNow() < end)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = time.GetUtcNow().ToLocalTime();
            while (script.Count > 0 && scenario.Start + script.Peek().At <= now)
            {
                var action = script.Dequeue();
                action.Act(station);
                Log(new SessionEvent(now, EventSource.Script, "Hardware", action.Description));
            }

            time.Advance(Step);
            await station.TickAsync();
            now = time.GetUtcNow().ToLocalTime();

            if (now >= nextPoll)
            {
                nextPoll = now + PollInterval;
                foreach (var entry in await PollAsync())
                {
                    Log(entry);
                }

                if (views.Count == 0 || views[^1] != manager.View)
                {
                    views.Add(manager.View);
                }
            }

            var hardware = station.Read();
            trace.Add(new PowerTracePoint(now, hardware.OfferedMilliamps, hardware.MeasuredMilliwatts));
            if (now >= nextSample)
            {
                nextSample = now + SampleInterval;
                samples.Add(new SessionSample(
                    now,
                    hardware.OfferedMilliamps / 1000.0,
                    hardware.MeasuredMilliamps / 1000.0,
                    hardware.StateOfCharge * 100,
                    Units.KilowattHours(manager.View.SessionEnergyCharged ?? 0),
                    hardware.MeasuredMilliwatts / 1e6,
                    house == HouseLoad.None ? null : house.WattsAt(now) / 1000,
                    manager.Guard.RequestedLimitMilliwatts / 1e6));
            }

            observer.Update(new LiveFrame(now, (now - scenario.Start) / scenario.Duration, hardware, manager.View));
            await PaceAsync(wall, now - scenario.Start, cancellationToken);
        }

        // A last read, so the outcome holds the events and attributes of the final step.
        foreach (var entry in await PollAsync())
        {
            Log(entry);
        }

        views.Add(manager.View);
        return new SessionOutcome(scenario, bidirectional, events, samples, views, manager.View, station.Read(), manager.Guard.Adjustments, trace, polls, link.ReadRequests);
    }

    /// <summary>Evaluates the expected event order and the scenario's checks.</summary>
    public static IReadOnlyList<CheckResult> Check(SessionOutcome outcome)
    {
        var results = new List<CheckResult>();
        var inOrder = outcome.ExpectedEventsInOrder(out var missing);
        results.Add(new CheckResult(
            inOrder ? $"Events in order: {string.Join(" → ", outcome.Scenario.ExpectedEvents)}" : $"Events in order: {missing} missing or out of order",
            inOrder));
        foreach (var check in outcome.Scenario.Checks)
        {
            results.Add(new CheckResult(check.Description, check.Passes(outcome)));
        }

        if (outcome.Scenario.House is not null)
        {
            var verdicts = outcome.AdjustmentVerdicts;
            var honoured = verdicts.Count(v => v.Honoured);
            results.Add(new CheckResult(
                $"Power adjustments honoured (pilot lowered within one {Step.TotalSeconds:0} s control step, EV within {AdjustmentCompliance.EvResponseTime.TotalSeconds:0} s per IEC 61851-1, held to the end): {honoured} of {verdicts.Count}",
                verdicts.Count > 0 && honoured == verdicts.Count));
        }

        return results;
    }

    private async Task PaceAsync(Stopwatch wall, TimeSpan simulated, CancellationToken cancellationToken)
    {
        if (speed is not { } factor)
        {
            return;
        }

        var ahead = simulated / factor - wall.Elapsed;
        if (ahead > TimeSpan.FromMilliseconds(15))
        {
            await Task.Delay(ahead, cancellationToken);
        }
    }
}
