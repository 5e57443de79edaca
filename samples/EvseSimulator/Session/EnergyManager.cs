using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Client;
using MatterGen.InteractionModel.Messages;
using MatterGen.Samples.EvseSimulator.Scenarios;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>
/// The home energy manager: a Matter controller that knows the charger only through the generated
/// <see cref="EnergyEVSE.Client"/> and <see cref="DeviceEnergyManagement.Client"/> over an Interaction Model
/// session. A card tap authorises the session; it then stores the charging target, works out the latest start that
/// meets it from what the charger reports (StateOfCharge, BatteryCapacity, CircuitCapacity) and the headroom its
/// house leaves under the grid limit, enables charging at that time until the target time, and disables it once
/// the target is reached. Meanwhile its <see cref="LoadGuard"/> keeps the house under the limit with power adjustments.
/// Each round starts with one Interaction Model read of everything it looks at, both clusters' attributes and events
/// (<see cref="InteractionClient.ReadPathsAsync"/>), as a controller polling a device should, rather than one request
/// per attribute; commands go through the generated clients.
/// </summary>
internal sealed class EnergyManager
{
    private readonly EnergyEVSE.Client client;
    private readonly InteractionClient interaction;
    private readonly ushort endpoint;
    private readonly AttributePath[] polled;
    private readonly EventPath[] polledEvents;
    private readonly HouseLoad house;
    private readonly ChargingPlan plan;
    private readonly TimeProvider time;
    private readonly DateTimeOffset sessionStart;
    private readonly bool bidirectional;
    private const double NominalVolts = 230;
    private ulong nextEventNumber;
    private bool authorised;
    private bool targetReached;
    private bool dischargeDone;
    private DateTimeOffset? plannedStart;
    private DateTimeOffset? plannedTarget;
    private bool enabledThisRound;

    /// <summary>
    /// Creates the manager for one session, reaching the charger's <paramref name="endpoint"/> through
    /// <paramref name="transport"/>; <paramref name="bidirectional"/> says the charger reports SoC and has V2X.
    /// </summary>
    public EnergyManager(InteractionClient transport, ushort endpoint, ChargingPlan plan, HouseLoad? house, TimeProvider time, TimeSpan pollInterval, bool bidirectional)
    {
        client = new EnergyEVSE.Client(transport, endpoint);
        interaction = transport;
        this.endpoint = endpoint;
        uint[] evse =
        [
            EnergyEVSE.Attributes.State.Id, EnergyEVSE.Attributes.SupplyState.Id, EnergyEVSE.Attributes.FaultState.Id,
            EnergyEVSE.Attributes.CircuitCapacity.Id, EnergyEVSE.Attributes.MaximumChargeCurrent.Id,
            EnergyEVSE.Attributes.NextChargeStartTime.Id, EnergyEVSE.Attributes.NextChargeTargetTime.Id,
            EnergyEVSE.Attributes.SessionID.Id, EnergyEVSE.Attributes.SessionEnergyCharged.Id,
            .. bidirectional
                ? (uint[])[EnergyEVSE.Attributes.StateOfCharge.Id, EnergyEVSE.Attributes.BatteryCapacity.Id, EnergyEVSE.Attributes.SessionEnergyDischarged.Id]
                : [],
        ];
        polled =
        [
            .. evse.Select(id => AttributePath.Concrete(endpoint, EnergyEVSE.ClusterId, id)),
            .. LoadGuard.PolledAttributes.Select(id => AttributePath.Concrete(endpoint, DeviceEnergyManagement.ClusterId, id)),
        ];
        polledEvents = [new EventPath(Endpoint: endpoint, Cluster: EnergyEVSE.ClusterId), new EventPath(Endpoint: endpoint, Cluster: DeviceEnergyManagement.ClusterId)];
        this.house = house ?? HouseLoad.None;
        Guard = new LoadGuard(new DeviceEnergyManagement.Client(transport, endpoint), this.house, time, pollInterval);
        this.plan = plan;
        this.time = time;
        this.bidirectional = bidirectional;
        sessionStart = time.GetUtcNow().ToLocalTime();
    }

    /// <summary>The attributes as last read.</summary>
    public ClusterView View { get; private set; } = ClusterView.Unknown;

    /// <summary>The Device Energy Management side: forecast and power adjustments.</summary>
    public LoadGuard Guard { get; }

    /// <summary>
    /// One round: reads new events and the attributes (one request), then sends whatever command the plan calls for.
    /// Returns the log lines of this round (events read, commands sent, commands refused).
    /// </summary>
    public async Task<IReadOnlyList<SessionEvent>> PollAsync(CancellationToken cancellationToken = default)
    {
        var log = new List<SessionEvent>();

        // Event numbers are node-wide: one position covers the events of both clusters.
        var read = await interaction.ReadPathsAsync(polled, polledEvents, nextEventNumber, cancellationToken);
        if (read.Events is [.., var last])
        {
            nextEventNumber = last.EventNumber + 1;
        }

        foreach (var record in read.EventsOf(endpoint, EnergyEVSE.ClusterId).ToList())
        {
            var decoded = EventDecoder.Decode(record);
            log.Add(decoded);
            if (decoded.Name == "RFID" && !authorised)
            {
                authorised = true;
                await StoreTargetsAsync(log, cancellationToken);
            }
            else if (decoded.Name == "EVNotDetected")
            {
                authorised = false;
            }
        }

        View = ViewOf(read);
        enabledThisRound = false;
        if (authorised)
        {
            await SteerAsync(log, read, cancellationToken);
        }

        var charging = View.State is State.PluggedInDemand or State.PluggedInCharging
            && (View.Supply == Supply.ChargingEnabled || enabledThisRound);
        await Guard.PollAsync(log, charging, read, cancellationToken);
        return log;
    }

    private async Task StoreTargetsAsync(List<SessionEvent> log, CancellationToken cancellationToken)
    {
        if (plan.TargetTime is not { } at)
        {
            return;
        }

        // Every day the same target; SoC where the charger reports it, the energy to add where it does not.
        var target = new EnergyEVSE.ChargingTargetStruct
        {
            TargetTimeMinutesPastMidnight = (ushort)(at.Hour * 60 + at.Minute),
            TargetSoC = bidirectional ? plan.TargetSoC : null,
            AddedEnergy = bidirectional ? null : plan.AddedEnergyMilliwattHours,
        };
        var everyDay = (EnergyEVSE.TargetDayOfWeekBitmap)0x7F;
        await SendAsync(log, "SetTargets", $"{(bidirectional ? $"{plan.TargetSoC} %" : $"+{Units.KilowattHours(plan.AddedEnergyMilliwattHours):0.#} kWh")} by {at:HH\\:mm} every day", () =>
            client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
            {
                ChargingTargetSchedules = [new EnergyEVSE.ChargingTargetScheduleStruct { DayOfWeekForSequence = everyDay, ChargingTargets = [target] }],
            }, cancellationToken: cancellationToken));
    }

    private async Task SteerAsync(List<SessionEvent> log, MultiPathReadResult read, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToLocalTime();
        if (View.State is null or State.NotPluggedIn or State.Fault || View.Supply is Supply.DisabledError or Supply.DisabledDiagnostics)
        {
            return;
        }

        if (plan.Discharge is { } window && !dischargeDone)
        {
            var from = sessionStart + window.From;
            var until = sessionStart + window.Until;
            if (now >= from && now < until && View.Supply == Supply.Disabled)
            {
                await SendAsync(log, "EnableDischarging", $"until {until:HH\\:mm}, up to {Units.Amps(window.MaximumDischargeMilliamps):0.#} A", () =>
                    client.EnableDischargingAsync(new EnergyEVSE.EnableDischargingRequest
                    {
                        DischargingEnabledUntil = EpochSeconds.FromDateTimeOffset(until),
                        MaximumDischargeCurrent = window.MaximumDischargeMilliamps,
                    }, cancellationToken: cancellationToken));
                return;
            }

            if (now < until)
            {
                return;
            }

            // The charger ends the permission itself at the deadline; from here on, charge.
            dischargeDone = true;
        }

        if (!targetReached && IsTargetReached())
        {
            targetReached = true;
            if (View.Supply != Supply.Disabled)
            {
                await SendAsync(log, "Disable", "target reached", () => client.DisableAsync(new EnergyEVSE.DisableRequest(), cancellationToken: cancellationToken));
            }

            return;
        }

        if (targetReached || View.Supply is Supply.ChargingEnabled or Supply.Enabled)
        {
            return;
        }

        if (plan.TargetTime is { } targetAt && plannedStart is null)
        {
            Plan(log, now, targetAt, read);
        }

        if (plannedStart is { } start && now < start)
        {
            return;
        }

        // Past the target time the charger has ended the permission itself; what is missing stays missing.
        if (plannedTarget is { } deadline && now >= deadline)
        {
            return;
        }

        EpochSeconds? chargeUntil = plannedTarget is { } targetTime ? EpochSeconds.FromDateTimeOffset(targetTime) : null;
        enabledThisRound = await SendAsync(log, "EnableCharging", $"{(chargeUntil is { } u ? $"until {u.ToDateTimeOffset().ToLocalTime():HH\\:mm}" : "indefinitely")}, 6–{Units.Amps(plan.MaximumChargeMilliamps):0.#} A", () =>
            client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest
            {
                ChargingEnabledUntil = chargeUntil,
                MinimumChargeCurrent = 6_000,
                MaximumChargeCurrent = plan.MaximumChargeMilliamps,
            }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The latest start that meets the target with 15 minutes to spare, at the charger's present maximum or, where the
    /// house leaves less headroom under its grid limit, at that headroom.
    /// </summary>
    private void Plan(List<SessionEvent> log, DateTimeOffset now, TimeOnly targetAt, MultiPathReadResult read)
    {
        var target = new DateTimeOffset(now.Date, now.Offset).Add(targetAt.ToTimeSpan());
        if (target <= now)
        {
            target = target.AddDays(1);
        }

        var needed = plan.AddedEnergyMilliwattHours;
        if (bidirectional && plan.TargetSoC is { } soc && View.StateOfCharge is { } current
            && Read(read, EnergyEVSE.Attributes.BatteryCapacity.Id, EnergyEVSE.AttributeCodecs.DecodeBatteryCapacity) is { } capacity)
        {
            needed = Math.Max(0, (soc - current) * capacity / 100);
        }

        // Before charging is enabled MaximumChargeCurrent is 0: plan with what will be allowed, within the circuit.
        var amps = Units.Amps(Math.Min(plan.MaximumChargeMilliamps, Read(read, EnergyEVSE.Attributes.CircuitCapacity.Id, EnergyEVSE.AttributeCodecs.DecodeCircuitCapacity)));
        var watts = NominalVolts * amps;
        var start = LatestStart(target - TimeSpan.FromMinutes(15), needed, watts, now);
        plannedStart = start < now ? now : start;
        plannedTarget = target;
        var housed = house == HouseLoad.None ? string.Empty : $", less while the house needs its {house.GridLimitWatts / 1000:0.0} kW limit";
        log.Add(new SessionEvent(now, EventSource.Manager, "Plan", $"{Units.KilowattHours(needed):0.0} kWh at {watts / 1000:0.0} kW{housed}: start {plannedStart:HH\\:mm} to finish by {target:HH\\:mm}"));
    }

    // Backwards from the end, minute by minute, adding what the charger may draw in each, until the energy is there.
    private DateTimeOffset LatestStart(DateTimeOffset end, long neededMilliwattHours, double chargerWatts, DateTimeOffset notBefore)
    {
        if (chargerWatts <= 0)
        {
            return end;
        }

        var start = end;
        var gathered = 0.0;
        while (gathered < neededMilliwattHours && start > notBefore)
        {
            start -= TimeSpan.FromMinutes(1);
            gathered += Math.Clamp(house.HeadroomAt(start), 0, chargerWatts) * 1000 / 60;
        }

        return start;
    }

    private bool IsTargetReached()
    {
        if (bidirectional)
        {
            return plan.TargetSoC is { } soc && View.StateOfCharge is { } now && now >= soc;
        }

        return View.SessionEnergyCharged is { } charged && charged >= plan.AddedEnergyMilliwattHours;
    }

    private async Task<bool> SendAsync(List<SessionEvent> log, string command, string detail, Func<ValueTask> send)
    {
        try
        {
            await send();
            log.Add(new SessionEvent(time.GetUtcNow().ToLocalTime(), EventSource.Manager, command, detail));
            return true;
        }
        catch (MatterStatusException refused)
        {
            log.Add(new SessionEvent(time.GetUtcNow().ToLocalTime(), EventSource.Manager, command, $"refused: {refused.Status}"));
            return false;
        }
    }

    private ClusterView ViewOf(MultiPathReadResult read)
    {
        var start = Read(read, EnergyEVSE.Attributes.NextChargeStartTime.Id, EnergyEVSE.AttributeCodecs.DecodeNextChargeStartTime);
        var target = Read(read, EnergyEVSE.Attributes.NextChargeTargetTime.Id, EnergyEVSE.AttributeCodecs.DecodeNextChargeTargetTime);
        return new ClusterView(
            Read(read, EnergyEVSE.Attributes.State.Id, EnergyEVSE.AttributeCodecs.DecodeState),
            Read(read, EnergyEVSE.Attributes.SupplyState.Id, EnergyEVSE.AttributeCodecs.DecodeSupplyState),
            Read(read, EnergyEVSE.Attributes.FaultState.Id, EnergyEVSE.AttributeCodecs.DecodeFaultState),
            Read(read, EnergyEVSE.Attributes.SessionID.Id, EnergyEVSE.AttributeCodecs.DecodeSessionID),
            Read(read, EnergyEVSE.Attributes.SessionEnergyCharged.Id, EnergyEVSE.AttributeCodecs.DecodeSessionEnergyCharged),
            bidirectional ? Read(read, EnergyEVSE.Attributes.SessionEnergyDischarged.Id, EnergyEVSE.AttributeCodecs.DecodeSessionEnergyDischarged) : null,
            bidirectional ? Read(read, EnergyEVSE.Attributes.StateOfCharge.Id, EnergyEVSE.AttributeCodecs.DecodeStateOfCharge) : null,
            Read(read, EnergyEVSE.Attributes.MaximumChargeCurrent.Id, EnergyEVSE.AttributeCodecs.DecodeMaximumChargeCurrent),
            start?.ToDateTimeOffset().ToLocalTime(),
            target?.ToDateTimeOffset().ToLocalTime());
    }

    private T Read<T>(MultiPathReadResult read, uint attributeId, MatterGen.Tlv.TlvDecoder<T> decode) =>
        read.Decode(endpoint, EnergyEVSE.ClusterId, attributeId, decode);
}
