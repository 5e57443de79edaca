using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Samples.EvseSimulator.Session;
using FaultState = MatterGen.Evse.Clusters.EnergyEVSE.FaultStateEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Samples.EvseSimulator.Scenarios;

/// <summary>The sessions the simulator can play, by name.</summary>
internal static class ScenarioCatalog
{
    /// <summary>The card the driver taps (a 4-byte MIFARE UID).</summary>
    public static readonly byte[] CardUid = [0x04, 0xA2, 0x4F, 0x19];

    private const long FullCurrent = 32_000;

    /// <summary>Every scenario, the default first.</summary>
    public static IReadOnlyList<Scenario> All { get; } = [Overnight(), FaultAndReset(), V2x()];

    /// <summary>The names, for the help text.</summary>
    public static IEnumerable<string> Names => All.Select(s => s.Name);

    /// <summary>The scenario of a name (case-insensitive), or null.</summary>
    public static Scenario? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Home at 18:00 with 30 % of 60 kWh; 80 % wanted by 07:30. The energy manager defers the start so the
    /// charge ends just before the target; a ground fault interrupts it for five minutes in the night. The house
    /// shares a 9.2 kW connection (40 A single phase): an evening peak before charging, then a water heater the
    /// manager schedules (04:45–05:15) and the morning rush (06:00–06:40) while the car charges, each met by a
    /// Device Energy Management power adjustment; the first expires, the second is cancelled when the load drops.
    /// </summary>
    private static Scenario Overnight()
    {
        // A Tuesday, so the targets for every day apply on Tuesday night and Wednesday morning alike.
        var start = LocalTime(2026, 1, 13, 18);
        var targetTime = new TimeOnly(7, 30);
        return new Scenario(
            "overnight",
            "Home at 18:00 with 30 % of 60 kWh, 80 % by 07:30; the start is deferred to just in time; a ground fault at 04:30 for 5 min; power adjustments keep the house under 9.2 kW",
            start,
            TimeSpan.FromHours(13) + TimeSpan.FromMinutes(50),
            InitialStateOfCharge: 0.30,
            BatteryKilowattHours: 60,
            new ChargingPlan(TargetSoC: 80, targetTime, AddedEnergyMilliwattHours: 30_000_000, FullCurrent),
            [
                PlugIn(TimeSpan.FromSeconds(5)),
                TapCard(TimeSpan.FromMinutes(1)),
                TripGroundFault(TimeSpan.FromHours(10.5)),
                ResetGroundFault(TimeSpan.FromHours(10.5) + TimeSpan.FromMinutes(5)),
                Unplug(TimeSpan.FromHours(13.75)),
            ],
            ["EVConnected", "RFID", "EnergyTransferStarted", "Fault", "Fault", "PowerAdjustStart", "PowerAdjustEnd", "PowerAdjustStart", "PowerAdjustEnd", "EnergyTransferStopped", "EVNotDetected"],
            [
                new("Charging deferred to meet the target just in time (no energy before 23:00)", o => o.FirstClusterEvent("EnergyTransferStarted") is { } e && e.At >= start.Date.AddHours(23)),
                new("Target reached by 07:30 (80 %, or +30 kWh without SoC reporting)", o => o.StateOfChargeAt(start.Date.AddDays(1).AddHours(7.5)) >= 79.5),
                SawFault(FaultState.GroundFault),
                new("One adjustment expired and one was cancelled when the load dropped", o =>
                    o.Adjustments.Any(a => a.EndCause == "NormalCompletion") && o.Adjustments.Any(a => a.EndCause == "Cancelled")),
                EndedClean(),
            ],
            House: EveningAndMorningPeaks());
    }

    /// <summary>A house on a 40 A single-phase connection: its evening peak, a water heater at night, the morning rush.</summary>
    private static HouseLoad EveningAndMorningPeaks() => new(
        GridLimitWatts: 9_200,
        BaseWatts: 400,
        [
            new("cooking and heat pump", new TimeOnly(17, 30), new TimeOnly(21, 30), 4_500, EndKnown: false),
            new("water heater", new TimeOnly(4, 45), new TimeOnly(5, 15), 3_000, EndKnown: true),
            new("breakfast and heat pump", new TimeOnly(6, 0), new TimeOnly(6, 40), 4_600, EndKnown: false),
        ]);

    /// <summary>A Saturday top-up at once, with a ground fault during charging that clears, then charging resumes.</summary>
    private static Scenario FaultAndReset()
    {
        var start = LocalTime(2026, 1, 17, 12);
        return new Scenario(
            "fault",
            "Saturday top-up at once from 50 % to 80 %; the RCD trips at 12:30 and is reset at 12:40",
            start,
            TimeSpan.FromHours(3),
            InitialStateOfCharge: 0.50,
            BatteryKilowattHours: 60,
            new ChargingPlan(TargetSoC: 80, TargetTime: null, AddedEnergyMilliwattHours: 18_000_000, FullCurrent),
            [
                PlugIn(TimeSpan.FromSeconds(5)),
                TapCard(TimeSpan.FromSeconds(30)),
                TripGroundFault(TimeSpan.FromMinutes(30)),
                ResetGroundFault(TimeSpan.FromMinutes(40)),
                Unplug(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(55)),
            ],
            ["EVConnected", "RFID", "EnergyTransferStarted", "Fault", "Fault", "EnergyTransferStopped", "EVNotDetected"],
            [
                SawFault(FaultState.GroundFault),
                new("No current flowed while the RCD was tripped", o => o.Samples
                    .Where(s => s.At > start.AddMinutes(30).AddSeconds(5) && s.At < start.AddMinutes(40))
                    .All(s => s.MeasuredAmps == 0)),
                new("Charging resumed after the reset", o => o.Samples.Any(s => s.At > start.AddMinutes(42) && s.MeasuredAmps > 6)),
                new("Target reached (80 % or +18 kWh)", o => o.StateOfChargeAt(start.AddHours(2).AddMinutes(50)) >= 79.5),
                EndedClean(),
            ]);
    }

    /// <summary>
    /// Evening peak: the manager permits discharging for an hour, the charger ends the permission at its deadline,
    /// then the vehicle charges overnight to 80 % by 07:30. (IEC 61851 alone cannot reverse the flow, so the
    /// simulated vehicle does not actually feed back; the permission and its deadline are what is shown.)
    /// </summary>
    private static Scenario V2x()
    {
        var start = LocalTime(2026, 1, 14, 17);
        return new Scenario(
            "v2x",
            "Home at 17:00 with 70 %; discharging permitted 17:30–18:30 (up to 16 A) for the evening peak, then 80 % by 07:30",
            start,
            TimeSpan.FromHours(14) + TimeSpan.FromMinutes(50),
            InitialStateOfCharge: 0.70,
            BatteryKilowattHours: 60,
            new ChargingPlan(TargetSoC: 80, new TimeOnly(7, 30), AddedEnergyMilliwattHours: 6_000_000, FullCurrent,
                new DischargeWindow(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(90), 16_000)),
            [
                PlugIn(TimeSpan.FromSeconds(5)),
                TapCard(TimeSpan.FromMinutes(1)),
                Unplug(TimeSpan.FromHours(14) + TimeSpan.FromMinutes(45)),
            ],
            ["EVConnected", "RFID", "EnergyTransferStarted", "EnergyTransferStopped", "EVNotDetected"],
            [
                new("Discharging permitted in the window, ended by the charger at its deadline, then charging", o => DischargeThenCharge(o.Views)),
                new("Target reached by 07:30", o => o.StateOfChargeAt(start.Date.AddDays(1).AddHours(7.5)) >= 79.5),
                EndedClean(),
            ],
            RequiresBidirectional: true);
    }

    /// <summary>A wall-clock time in the machine's zone, which is the charger's zone for its targets.</summary>
    private static DateTimeOffset LocalTime(int year, int month, int day, int hour)
    {
        var local = new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local));
    }

    // SupplyState went DischargingEnabled, then back to Disabled without a command (the deadline), then ChargingEnabled.
    private static bool DischargeThenCharge(IReadOnlyList<ClusterView> views)
    {
        var discharging = views.ToList().FindIndex(v => v.Supply == Supply.DischargingEnabled);
        var expired = discharging < 0 ? -1 : views.ToList().FindIndex(discharging, v => v.Supply == Supply.Disabled);
        return expired > 0 && views.Skip(expired).Any(v => v.Supply == Supply.ChargingEnabled);
    }

    private static ScriptedAction PlugIn(TimeSpan at) => new(at, "EV plugged in, asks for energy", s =>
    {
        s.Ev.Plugged = true;
        s.Ev.WantsCharge = true;
    });

    private static ScriptedAction Unplug(TimeSpan at) => new(at, "EV unplugged", s =>
    {
        s.Ev.WantsCharge = false;
        s.Ev.Plugged = false;
    });

    private static ScriptedAction TapCard(TimeSpan at) => new(at, $"card {Convert.ToHexString(CardUid)} tapped", s => s.Device.Controller.ReadRfid(CardUid));

    private static ScriptedAction TripGroundFault(TimeSpan at) => new(at, "RCD trips (ground fault)", s => s.SetGroundFault(true));

    private static ScriptedAction ResetGroundFault(TimeSpan at) => new(at, "RCD reset", s => s.SetGroundFault(false));

    private static SessionCheck SawFault(FaultState fault) => new($"{fault} raised (State Fault, SupplyState DisabledError) and cleared", o =>
        o.Views.Any(v => v.Fault == fault && v.State == State.Fault && v.Supply == Supply.DisabledError)
        && o.Events.Any(e => e.Name == "Fault" && e.Detail.StartsWith($"{fault} → {nameof(FaultState.NoError)}", StringComparison.Ordinal)));

    private static SessionCheck EndedClean() => new("Ended unplugged with no fault and no current", o =>
        o.Final.State == State.NotPluggedIn && o.Final.Fault == FaultState.NoError && o.FinalHardware.MeasuredMilliamps == 0 && !o.FinalHardware.ContactorClosed);
}
