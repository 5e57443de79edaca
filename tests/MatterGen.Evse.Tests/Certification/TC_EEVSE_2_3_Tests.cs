using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using Xunit;
using Day = MatterGen.Evse.Clusters.EnergyEVSE.TargetDayOfWeekBitmap;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSE-2.3: charging preferences (SetTargets, GetTargets, ClearTargets and the NextCharge attributes).</summary>
public sealed class TC_EEVSE_2_3_Tests
{
    private static EnergyEVSE.ChargingTargetStruct Target(ushort minutes, byte? soc = null, long? energy = null) =>
        new() { TargetTimeMinutesPastMidnight = minutes, TargetSoC = soc, AddedEnergy = energy };

    private static EnergyEVSE.SetTargetsRequest Request(params (Day Days, EnergyEVSE.ChargingTargetStruct[] Targets)[] schedules) =>
        new() { ChargingTargetSchedules = schedules.Select(s => new EnergyEVSE.ChargingTargetScheduleStruct { DayOfWeekForSequence = s.Days, ChargingTargets = s.Targets }).ToArray() };

    private static async Task AssertNoPlanAsync(EnergyEVSE.Client client)
    {
        Assert.Null(await client.ReadNextChargeStartTimeAsync());
        Assert.Null(await client.ReadNextChargeTargetTimeAsync());
        Assert.Null(await client.ReadNextChargeRequiredEnergyAsync());
        Assert.Null(await client.ReadNextChargeTargetSoCAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Charging_preferences(bool socReporting)
    {
        using var bed = new EvseTestBed(bidirectional: socReporting);
        var client = bed.Client;
        bed.BasicFunctionality();
        bed.PlugIn();

        // 2. Clear: no plan, no targets.
        await client.ClearTargetsAsync(new EnergyEVSE.ClearTargetsRequest());
        await AssertNoPlanAsync(client);
        Assert.Empty((await client.GetTargetsAsync(new EnergyEVSE.GetTargetsRequest())).ChargingTargetSchedules);

        // 3. Every day, 25 kWh by 23:59, with no TargetSoC: INVALID_COMMAND when SoC is reported.
        var energyTarget = Request(((Day)0x7F, [Target(1439, energy: 25_000_000)]));
        if (socReporting)
        {
            await bed.AssertRejectedAsync(MatterStatus.InvalidCommand, () => client.SetTargetsAsync(energyTarget));
            return;
        }

        await client.SetTargetsAsync(energyTarget);
        await AssertNoPlanAsync(client); // not enabled yet

        // 4. Enable: the plan appears.
        await bed.EnableChargingAsync(null, 6000, 60000);
        var targetTime = await client.ReadNextChargeTargetTimeAsync();
        Assert.Equal(EpochSeconds.FromDateTimeOffset(new DateTimeOffset(2025, 10, 22, 23, 59, 0, TimeSpan.Zero)), targetTime);
        Assert.True((await client.ReadNextChargeStartTimeAsync())!.Value.Value < targetTime!.Value.Value);
        Assert.Equal(25_000_000, await client.ReadNextChargeRequiredEnergyAsync());
        Assert.Null(await client.ReadNextChargeTargetSoCAsync());
        Assert.Equal(energyTarget.ChargingTargetSchedules, (await client.GetTargetsAsync(new EnergyEVSE.GetTargetsRequest())).ChargingTargetSchedules);

        // 5. Full by 00:01 (tomorrow, as it has passed today).
        await client.SetTargetsAsync(Request(((Day)0x7F, [Target(1, soc: 100)])));
        Assert.Equal(EpochSeconds.FromDateTimeOffset(new DateTimeOffset(2025, 10, 23, 0, 1, 0, TimeSpan.Zero)), await client.ReadNextChargeTargetTimeAsync());
        Assert.Null(await client.ReadNextChargeRequiredEnergyAsync());
        Assert.Equal((byte)100, await client.ReadNextChargeTargetSoCAsync());

        // 6. Saturday gets ten targets, Sunday none: three entries, in order.
        var saturday = Enumerable.Range(0, 10).Select(i => Target((ushort)(60 + (120 * i)), soc: 100, energy: 25_000_000)).ToArray();
        await client.SetTargetsAsync(Request((Day.Saturday, saturday)));
        await client.SetTargetsAsync(Request((Day.Sunday, [])));
        var stored = (await client.GetTargetsAsync(new EnergyEVSE.GetTargetsRequest())).ChargingTargetSchedules;
        Assert.Equal([(Day)0x3E, Day.Saturday, Day.Sunday], stored.Select(s => s.DayOfWeekForSequence));
        Assert.Equal(10, stored[1].ChargingTargets.Count);
        Assert.Empty(stored[2].ChargingTargets);

        // 7. Clear.
        await client.ClearTargetsAsync(new EnergyEVSE.ClearTargetsRequest());
        await AssertNoPlanAsync(client);
        Assert.Empty((await client.GetTargetsAsync(new EnergyEVSE.GetTargetsRequest())).ChargingTargetSchedules);

        // 8. The same day twice: CONSTRAINT_ERROR, nothing stored.
        await bed.AssertRejectedAsync(MatterStatus.ConstraintError, () => client.SetTargetsAsync(Request((Day.Sunday, [Target(60, energy: 1)]), (Day.Sunday, [Target(90, energy: 1)]))));

        // 9. Eleven targets in a day: RESOURCE_EXHAUSTED. The generated client refuses to send that, so the bytes are made by hand.
        await bed.AssertRejectedAsync(MatterStatus.ResourceExhausted, () => bed.InvokeRawAsync(0x05, ElevenSaturdayTargets()));
        Assert.Empty((await client.GetTargetsAsync(new EnergyEVSE.GetTargetsRequest())).ChargingTargetSchedules);
        bed.Unplug();
    }

    private static byte[] ElevenSaturdayTargets()
    {
        var buffer = new byte[256];
        var writer = new MatterGen.Tlv.TlvWriter(buffer);
        writer.StartStructure(MatterGen.Tlv.TlvTag.Anonymous);
        writer.StartArray(MatterGen.Tlv.TlvTag.Context(0));
        writer.StartStructure(MatterGen.Tlv.TlvTag.Anonymous);
        writer.WriteUnsignedInteger(MatterGen.Tlv.TlvTag.Context(0), (ulong)Day.Saturday);
        writer.StartArray(MatterGen.Tlv.TlvTag.Context(1));
        for (var i = 0; i < 11; i++)
        {
            writer.StartStructure(MatterGen.Tlv.TlvTag.Anonymous);
            writer.WriteUnsignedInteger(MatterGen.Tlv.TlvTag.Context(0), (ulong)(60 + i));
            writer.WriteUnsignedInteger(MatterGen.Tlv.TlvTag.Context(1), 100);
            writer.WriteSignedInteger(MatterGen.Tlv.TlvTag.Context(2), 1);
            writer.EndContainer();
        }

        writer.EndContainer();
        writer.EndContainer();
        writer.EndContainer();
        writer.EndContainer();
        return buffer[..writer.BytesWritten];
    }

    [Fact]
    public async Task Targets_survive_a_restart()
    {
        var store = new InMemoryAttributeStore();
        using (var bed = new EvseTestBed(bidirectional: false, store: store))
        {
            await bed.Client.SetTargetsAsync(Request((Day.Monday, [Target(420, energy: 10_000_000)])));
        }

        using var restarted = new EvseTestBed(bidirectional: false, store: store);
        var stored = (await restarted.Client.GetTargetsAsync(new EnergyEVSE.GetTargetsRequest())).ChargingTargetSchedules;
        Assert.Equal(Day.Monday, Assert.Single(stored).DayOfWeekForSequence);
    }
}
