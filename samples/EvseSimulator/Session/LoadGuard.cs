using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Client;
using MatterGen.Samples.EvseSimulator.Scenarios;
using Dem = MatterGen.Evse.Clusters.DeviceEnergyManagement;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>
/// The energy manager's Device Energy Management side: it keeps the house under its grid limit the way a home
/// energy manager does, through the generated <see cref="Dem.Client"/>. Each round it takes the charger's events, Forecast
/// (logging each new plan) and PowerAdjustmentCapability from the manager's one read of the round, and while the charger is charging and the house load leaves less headroom than
/// the charger's full power, it sends a PowerAdjustRequest for the headroom, within PowerAdjustmentCapability. An
/// appliance whose end it knows bounds the duration, so the adjustment expires by itself; one it learns about only from
/// its meter gets an hour, and the adjustment is cancelled once the load drops.
/// </summary>
internal sealed class LoadGuard
{
    /// <summary>How long an adjustment for a load of unknown end is asked for (renewed or cancelled long before).</summary>
    public static readonly TimeSpan OpenEndedDuration = TimeSpan.FromHours(1);

    // A new request only when the headroom moved by more than this: a manager does not chase every watt.
    private const long RequestHysteresisMilliwatts = 100_000;

    private readonly Dem.Client client;
    private readonly HouseLoad house;
    private readonly TimeProvider time;
    private readonly TimeSpan pollInterval;
    private readonly List<PowerAdjustmentRecord> adjustments = [];
    private uint? forecastId;
    private (Dem.ForecastUpdateReasonEnum Reason, long? MaxPower)? loggedForecast;
    private int? current;

    /// <summary>The Device Energy Management attributes the guard looks at each round.</summary>
    public static readonly uint[] PolledAttributes = [Dem.Attributes.Forecast.Id, Dem.Attributes.PowerAdjustmentCapability.Id];

    /// <summary>Creates the guard of one house.</summary>
    public LoadGuard(Dem.Client client, HouseLoad house, TimeProvider time, TimeSpan pollInterval)
    {
        this.client = client;
        this.house = house;
        this.time = time;
        this.pollInterval = pollInterval;
    }

    /// <summary>Every adjustment sent, in order, with how it ended.</summary>
    public IReadOnlyList<PowerAdjustmentRecord> Adjustments => adjustments;

    /// <summary>How many distinct forecasts (by ForecastID, null included) the manager read.</summary>
    public int ForecastsSeen { get; private set; }

    /// <summary>The power of the adjustment in force as far as the manager knows, mW; null when none.</summary>
    public long? RequestedLimitMilliwatts => current is { } i ? adjustments[i].PowerMilliwatts : null;

    /// <summary>
    /// One round on what the manager read (<see cref="PolledAttributes"/> and this cluster's events among it);
    /// <paramref name="charging"/> says the charger is enabled to charge a vehicle that asks for energy.
    /// </summary>
    public async Task PollAsync(List<SessionEvent> log, bool charging, MultiPathReadResult read, CancellationToken cancellationToken)
    {
        TakeEvents(log, read);
        TakeForecast(log, read.Decode(client.Endpoint, Dem.ClusterId, Dem.Attributes.Forecast.Id, Dem.AttributeCodecs.DecodeForecast));

        var now = time.GetUtcNow().ToLocalTime();
        if (read.Decode(client.Endpoint, Dem.ClusterId, Dem.Attributes.PowerAdjustmentCapability.Id, Dem.AttributeCodecs.DecodePowerAdjustmentCapability)
            is not { PowerAdjustCapability: [var band, ..] })
        {
            return; // Offline or faulted: nothing can be adjusted, and the charger has ended what was in force.
        }

        var headroom = house.HeadroomAt(now) * 1000;
        if (charging && band.MaxPower > headroom)
        {
            // 10 W steps, never more than the headroom, and within what the charger accepts.
            var power = Math.Clamp((long)Math.Floor(headroom / 10_000) * 10_000, band.MinPower, band.MaxPower);
            if (current is { } i && Math.Abs(adjustments[i].PowerMilliwatts - power) <= RequestHysteresisMilliwatts)
            {
                return;
            }

            await RequestAsync(log, now, power, band, cancellationToken);
        }
        else if (current is { } i && adjustments[i].RequestedAt + adjustments[i].Duration > now + pollInterval)
        {
            // The load dropped (or charging stopped) well before the adjustment would end: give the power back now.
            // One that ends before the next round is left to expire by itself.
            await SendAsync(log, "CancelPowerAdjustRequest", $"house load down to {house.WattsAt(now) / 1000:0.0} kW", () =>
                client.CancelPowerAdjustRequestAsync(new Dem.CancelPowerAdjustRequest(), cancellationToken: cancellationToken), () => End(i, now, "Cancelled"));
        }
    }

    private async Task RequestAsync(List<SessionEvent> log, DateTimeOffset now, long power, Dem.PowerAdjustStruct band, CancellationToken cancellationToken)
    {
        var running = house.RunningAt(now).ToList();
        var duration = running.Count > 0 && running.All(p => p.EndKnown)
            ? running.Max(p => p.EndAfter(now)) - now
            : OpenEndedDuration;
        var seconds = (uint)Math.Clamp(Math.Ceiling(duration.TotalSeconds), band.MinDuration.Value, band.MaxDuration.Value);
        var why = running.Count == 0 ? "base load" : string.Join(" + ", running.Select(p => p.What));
        var reason = $"house {house.WattsAt(now) / 1000:0.0} kW ({why}) under a {house.GridLimitWatts / 1000:0.0} kW limit";
        var request = new Dem.PowerAdjustRequest { Power = power, Duration = new ElapsedSeconds(seconds), Cause = Dem.AdjustmentCauseEnum.LocalOptimization };
        await SendAsync(log, "PowerAdjustRequest", $"{power / 1e6:0.00} kW for {Units.Duration(TimeSpan.FromSeconds(seconds))}: {reason}", () =>
            client.PowerAdjustRequestAsync(request, cancellationToken: cancellationToken), () =>
            {
                if (current is { } replaced)
                {
                    End(replaced, now, "Replaced");
                }

                adjustments.Add(new PowerAdjustmentRecord(now, power, TimeSpan.FromSeconds(seconds), reason));
                current = adjustments.Count - 1;
            });
    }

    private void TakeEvents(List<SessionEvent> log, MultiPathReadResult read)
    {
        // The read asked only for events the manager has not seen.
        foreach (var record in read.EventsOf(client.Endpoint, Dem.ClusterId))
        {
            var at = record.Timestamp.ToLocalTime();
            if (record.EventId == Dem.Events.PowerAdjustStart.Id)
            {
                log.Add(new SessionEvent(at, EventSource.Cluster, "PowerAdjustStart", "the charger caps its offer"));
            }
            else if (record.EventId == Dem.Events.PowerAdjustEnd.Id)
            {
                var end = Dem.Client.DecodePowerAdjustEnd(record);
                log.Add(new SessionEvent(at, EventSource.Cluster, "PowerAdjustEnd", $"{end.Cause} after {Units.Duration(end.Duration.ToTimeSpan())}, {Units.KilowattHours(end.EnergyUse):0.00} kWh used"));
                if (current is { } i && adjustments[i].EndedAt is null)
                {
                    End(i, at, end.Cause.ToString());
                }
            }
        }
    }

    private void TakeForecast(List<SessionEvent> log, Dem.ForecastStruct? forecast)
    {
        if (forecast?.ForecastID == forecastId)
        {
            return;
        }

        forecastId = forecast?.ForecastID;
        ForecastsSeen++;
        var now = time.GetUtcNow().ToLocalTime();
        if (forecast is not { Slots: [var slot, ..] })
        {
            if (loggedForecast is not null)
            {
                log.Add(new SessionEvent(now, EventSource.Manager, "Forecast", "none (no vehicle or no plan)"));
            }

            loggedForecast = null;
            return;
        }

        // The plan moves a little with every percent charged; the log shows a forecast when its power or reason changes.
        if (loggedForecast == (forecast.ForecastUpdateReason, slot.MaxPower))
        {
            return;
        }

        loggedForecast = (forecast.ForecastUpdateReason, slot.MaxPower);

        log.Add(new SessionEvent(now, EventSource.Manager, "Forecast",
            $"#{forecast.ForecastID} {forecast.StartTime.ToDateTimeOffset().ToLocalTime():HH\\:mm}–{forecast.EndTime.ToDateTimeOffset().ToLocalTime():HH\\:mm}, " +
            $"{(slot.NominalPower ?? 0) / 1e6:0.00} kW nominal (max {(slot.MaxPower ?? 0) / 1e6:0.00}), {Units.KilowattHours(slot.NominalEnergy ?? 0):0.0} kWh, " +
            $"{Units.Duration(slot.ElapsedSlotTime.ToTimeSpan())} into the slot, {forecast.ForecastUpdateReason}"));
    }

    private void End(int index, DateTimeOffset at, string cause)
    {
        adjustments[index] = adjustments[index] with { EndedAt = at, EndCause = cause };
        if (current == index)
        {
            current = null;
        }
    }

    private async Task SendAsync(List<SessionEvent> log, string command, string detail, Func<ValueTask> send, Action accepted)
    {
        try
        {
            await send();
            accepted();
            log.Add(new SessionEvent(time.GetUtcNow().ToLocalTime(), EventSource.Manager, command, detail));
        }
        catch (MatterStatusException refused)
        {
            log.Add(new SessionEvent(time.GetUtcNow().ToLocalTime(), EventSource.Manager, command, $"refused: {refused.Status}"));
        }
    }
}
