using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.TestEvents;
using MatterGen.Interaction;
using MatterGen.Tlv;
using Xunit;
using Day = MatterGen.Evse.Clusters.EnergyEVSE.TargetDayOfWeekBitmap;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>
/// TC-EEVSE-2.3, charging preferences (src/python_testing/TC_EEVSE_2_3.py; PICS EEVSE.S.F00), step by step. The
/// script needs only ChargingPreferences and sends targets without TargetSoC, so it runs on the standard charger.
/// On a charger with SoCReporting the specification makes TargetSoC mandatory in every ChargingTargetStruct
/// (conformance "SOC: M, otherwise O.a+", data model 1.4.2 and 1.5), and the reference server's ValidateTargets
/// rejects such a target too; there the script and the specification disagree, and the device follows the
/// specification: <see cref="TC_EEVSE_2_3_on_a_SoC_charger_rejects_targets_without_TargetSoC"/>.
/// </summary>
public sealed class TC_EEVSE_2_3_Tests
{
    private const long AddedEnergy = 25_000_000;
    private const Day AllDays = (Day)0x7F;

    [Fact]
    public async Task TC_EEVSE_2_3()
    {
        using var bed = new EvseTestBed(bidirectional: false);
        var client = bed.Client;

        // Step 1: commissioning; the event subscription is the bed's queue.
        // Step 2.
        await bed.CheckTestEventTriggersEnabledAsync();

        // Step 3: basic functionality. Step 4: time-of-use mode.
        await bed.BasicAsync();
        await bed.TriggerAsync(EnergyEvseTestEventTriggers.EVTimeOfUseMode);

        // Step 5: plugged in; EVConnected gives the session id.
        await bed.PlugInAsync();
        var sessionId = (await bed.NextEVConnectedAsync()).SessionID;

        // Step 6: ClearTargets. Step 6a-6d: no plan.
        await client.ClearTargetsAsync(new EnergyEVSE.ClearTargetsRequest());
        await bed.AssertNoChargePlanAsync();

        // Step 7: GetTargets: no targets.
        Assert.Empty(await GetTargetsAsync(client));

        // Step 8: all days, one target at 23:59 adding 25 kWh, no TargetSoC.
        var targets = new List<EnergyEVSE.ChargingTargetScheduleStruct> { Schedule(AllDays, Target(1439, soc: null, energy: AddedEnergy)) };
        await client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest { ChargingTargetSchedules = targets });

        // Step 8a-8d: still no plan: charging is not enabled.
        await bed.AssertNoChargePlanAsync();

        // Step 9: EnableCharging(null, 6 A, 60 A).
        await bed.EnableChargingAsync(null, 6000, 60000);

        // Step 9a-9d: a plan for 23:59 of 25 kWh.
        var expectedTarget = bed.ExpectedTargetTime(1439);
        Assert.True((await client.ReadNextChargeStartTimeAsync())!.Value.Value < expectedTarget.Value);
        Assert.Equal(expectedTarget, await client.ReadNextChargeTargetTimeAsync());
        Assert.Equal(AddedEnergy, await client.ReadNextChargeRequiredEnergyAsync());
        Assert.Null(await client.ReadNextChargeTargetSoCAsync());

        // Step 10: GetTargets gives back what was set.
        Assert.Equal(targets, await GetTargetsAsync(client));

        // Step 11: all days, one target at 00:01 to 100 %, no AddedEnergy.
        var targetsStep11 = new List<EnergyEVSE.ChargingTargetScheduleStruct> { Schedule(AllDays, Target(1, soc: 100, energy: null)) };
        await client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest { ChargingTargetSchedules = targetsStep11 });

        // Step 11a-11d.
        var startTime = (await client.ReadNextChargeStartTimeAsync())!.Value;
        var targetTime = (await client.ReadNextChargeTargetTimeAsync())!.Value;
        Assert.True(startTime.Value < targetTime.Value);
        Assert.Equal(bed.ExpectedTargetTime(1), targetTime);
        Assert.Null(await client.ReadNextChargeRequiredEnergyAsync());
        Assert.Equal((byte)100, await client.ReadNextChargeTargetSoCAsync());

        // Step 12: GetTargets gives back step 11's targets.
        Assert.Equal(targetsStep11, await GetTargetsAsync(client));

        // Step 13: Saturday, ten targets from 01:00 every two hours, 25 kWh each.
        var saturdayTargets = Enumerable.Range(0, 10).Select(i => Target(60 + (120 * i), soc: null, energy: AddedEnergy)).ToArray();
        var targetsStep13 = Schedule(Day.Saturday, saturdayTargets);
        await client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest { ChargingTargetSchedules = [targetsStep13] });

        // Step 14: Sunday, no targets.
        var targetsStep14 = Schedule(Day.Sunday);
        await client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest { ChargingTargetSchedules = [targetsStep14] });

        // Step 15: three entries: Monday to Friday with step 11's targets, Saturday's ten, Sunday's none.
        var stored = await GetTargetsAsync(client);
        Assert.Equal(3, stored.Count);
        Assert.Equal((Day)0x3E, stored[0].DayOfWeekForSequence);
        Assert.Equal(targetsStep11[0].ChargingTargets, stored[0].ChargingTargets);
        Assert.Equal(targetsStep13, stored[1]);
        Assert.Equal(targetsStep14, stored[2]);

        // Step 16: ClearTargets. Step 16a-16d: no plan.
        await client.ClearTargetsAsync(new EnergyEVSE.ClearTargetsRequest());
        await bed.AssertNoChargePlanAsync();

        // Step 17: GetTargets: no targets.
        Assert.Empty(await GetTargetsAsync(client));

        // Step 18: two identical Sunday schedules: CONSTRAINT_ERROR.
        var sunday = Schedule(Day.Sunday, Target(60, soc: null, energy: AddedEnergy));
        await EvseTestBed.ExpectStatusAsync(MatterStatus.ConstraintError, () => client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest { ChargingTargetSchedules = [sunday, sunday] }));

        // Step 19: eleven Saturday targets: RESOURCE_EXHAUSTED. The generated client refuses to encode more than
        // ten, so the request is written as a peer would send it.
        await EvseTestBed.ExpectStatusAsync(MatterStatus.ResourceExhausted, () => bed.InvokeRawAsync(EnergyEVSE.Commands.SetTargets.Id, ElevenSaturdayTargets()));

        // Step 20: plugged-in clear; EVNotDetected.
        await bed.PlugInClearAsync();
        EvseTestBed.ValidateNotDetected(await bed.NextEVNotDetectedAsync(), sessionId, State.PluggedInNoDemand, minimumDuration: 0, minimumCharged: 0);

        // Step 21: basic functionality clear. Step 22: time-of-use mode clear.
        await bed.BasicClearAsync();
        await bed.TriggerAsync(EnergyEvseTestEventTriggers.EVTimeOfUseModeClear);
        await bed.AssertNoQueuedEventsAsync();
    }

    [Fact]
    public async Task TC_EEVSE_2_3_on_a_SoC_charger_rejects_targets_without_TargetSoC()
    {
        using var bed = new EvseTestBed(bidirectional: true);
        await bed.BasicAsync();
        await bed.PlugInAsync();

        // Steps 8 and 13 of the script on a SoCReporting charger: TargetSoC is mandatory there, its absence makes
        // the command invalid, and nothing is stored.
        await EvseTestBed.ExpectStatusAsync(MatterStatus.InvalidCommand, () => bed.Client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
        {
            ChargingTargetSchedules = [Schedule(AllDays, Target(1439, soc: null, energy: AddedEnergy))],
        }));
        Assert.Empty(await GetTargetsAsync(bed.Client));

        // The same target with a TargetSoC is accepted (script steps 11 and TC-EEVSE-2.7 step 11).
        await bed.Client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
        {
            ChargingTargetSchedules = [Schedule(AllDays, Target(1439, soc: 80, energy: AddedEnergy))],
        });
        Assert.Single(await GetTargetsAsync(bed.Client));
    }

    private static async Task<IReadOnlyList<EnergyEVSE.ChargingTargetScheduleStruct>> GetTargetsAsync(EnergyEVSE.Client client) =>
        (await client.GetTargetsAsync(new EnergyEVSE.GetTargetsRequest())).ChargingTargetSchedules;

    private static EnergyEVSE.ChargingTargetStruct Target(int minutes, byte? soc, long? energy) =>
        new() { TargetTimeMinutesPastMidnight = (ushort)minutes, TargetSoC = soc, AddedEnergy = energy };

    private static EnergyEVSE.ChargingTargetScheduleStruct Schedule(Day days, params EnergyEVSE.ChargingTargetStruct[] targets) =>
        new() { DayOfWeekForSequence = days, ChargingTargets = targets };

    // SetTargets([{Saturday, eleven targets at 60, 180, ..., 1260, AddedEnergy 25 kWh}]).
    private static byte[] ElevenSaturdayTargets()
    {
        var buffer = new byte[256];
        var writer = new TlvWriter(buffer);
        writer.StartStructure(TlvTag.Anonymous);
        writer.StartArray(TlvTag.Context(0));
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteUnsignedInteger(TlvTag.Context(0), (ulong)Day.Saturday);
        writer.StartArray(TlvTag.Context(1));
        for (var i = 0; i < 11; i++)
        {
            writer.StartStructure(TlvTag.Anonymous);
            writer.WriteUnsignedInteger(TlvTag.Context(0), (ulong)(60 + (120 * i)));
            writer.WriteSignedInteger(TlvTag.Context(2), AddedEnergy);
            writer.EndContainer();
        }

        writer.EndContainer();
        writer.EndContainer();
        writer.EndContainer();
        writer.EndContainer();
        return buffer[..writer.BytesWritten];
    }
}
