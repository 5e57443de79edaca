using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Device;
using MatterGen.Interaction;
using Xunit;
using Day = MatterGen.Evse.Clusters.EnergyEVSE.TargetDayOfWeekBitmap;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSE-2.6 (quieter reporting), 2.7 (SoC), 2.8 (PnC vehicle id) and 2.9 (RFID).</summary>
public sealed class TC_EEVSE_2_6_to_2_9_Tests
{
    [Fact]
    public async Task TC_EEVSE_2_6_session_attributes_report_quietly()
    {
        using var bed = new EvseTestBed();
        var reports = new List<uint>();
        bed.Device.Server.AttributeReported += change => reports.Add(change.AttributeId);
        bed.BasicFunctionality();
        bed.PlugIn();
        await bed.EnableChargingAsync(null, 6000, 12000);
        bed.Demand();
        reports.Clear();

        // 12 s of charging with the meter running: SessionID never, the Q attributes at most twice.
        for (var second = 1; second <= 12; second++)
        {
            bed.Controller.UpdateMeter(second * 25_000L, 0);
            bed.Wait(1);
        }

        Assert.Equal(0, reports.Count(id => id == 0x0040));
        Assert.True(reports.Count(id => id == 0x0041) <= 2);
        Assert.True(reports.Count(id => id == 0x0042) <= 2);
        Assert.True(reports.Count(id => id == 0x0043) <= 2);

        // Stop and unplug: within one quieter-reporting interval (10 s here) the final session totals are reported;
        // they follow the meter during the session, so the last report may still be held back when it stops.
        reports.Clear();
        await bed.DisableAsync();
        bed.DemandClear();
        bed.Unplug();
        bed.Wait(10);
        Assert.Equal(0, reports.Count(id => id == 0x0040));
        Assert.True(reports.Count(id => id == 0x0041) >= 1);
        Assert.True(reports.Count(id => id == 0x0042) >= 1);

        // SessionEnergyDischarged did not change (nothing was discharged), so it has nothing to report.

        // A new session: SessionID reported once, the zeroed totals within one quieter-reporting interval.
        reports.Clear();
        bed.PlugIn();
        bed.Wait(10);
        Assert.Equal(1, reports.Count(id => id == 0x0040));
        Assert.True(reports.Count(id => id == 0x0041) >= 1);
        Assert.True(reports.Count(id => id == 0x0042) >= 1);
    }

    [Fact]
    public async Task TC_EEVSE_2_7_the_plan_follows_the_state_of_charge()
    {
        using var bed = new EvseTestBed();
        var client = bed.Client;
        await bed.DisableAsync();
        bed.BasicFunctionality();
        bed.PlugIn();
        bed.Controller.SetStateOfCharge(20, 70_000_000);
        Assert.Equal((byte)20, await client.ReadStateOfChargeAsync());
        Assert.Equal(70_000_000, await client.ReadBatteryCapacityAsync());

        await client.ClearTargetsAsync(new EnergyEVSE.ClearTargetsRequest());
        await client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
        {
            ChargingTargetSchedules = [new() { DayOfWeekForSequence = (Day)0x7F, ChargingTargets = [new() { TargetTimeMinutesPastMidnight = 1439, TargetSoC = 80, AddedEnergy = 25_000_000 }] }],
        });
        Assert.Null(await client.ReadNextChargeTargetTimeAsync());

        // Low battery: a start before the target, planned by SoC.
        await bed.EnableChargingAsync(null, 6000, 60000);
        var target = EpochSeconds.FromDateTimeOffset(new DateTimeOffset(2025, 10, 22, 23, 59, 0, TimeSpan.Zero));
        Assert.Equal(target, await client.ReadNextChargeTargetTimeAsync());
        Assert.True((await client.ReadNextChargeStartTimeAsync())!.Value.Value < target.Value);
        Assert.Null(await client.ReadNextChargeRequiredEnergyAsync());
        Assert.Equal((byte)80, await client.ReadNextChargeTargetSoCAsync());
        await bed.DisableAsync();
        Assert.Null(await client.ReadNextChargeTargetTimeAsync());

        // Already at 95 %: no charge needed.
        bed.Controller.SetStateOfCharge(95, 70_000_000);
        await bed.EnableChargingAsync(null, 6000, 60000);
        Assert.Null(await client.ReadNextChargeStartTimeAsync());
        Assert.Equal(target, await client.ReadNextChargeTargetTimeAsync());
        Assert.Equal((byte)80, await client.ReadNextChargeTargetSoCAsync());
        await bed.DisableAsync();

        // SoC unknown: the added energy is the plan.
        bed.Controller.SetStateOfCharge(null, null);
        Assert.Null(await client.ReadStateOfChargeAsync());
        await bed.EnableChargingAsync(null, 6000, 60000);
        Assert.Equal(25_000_000, await client.ReadNextChargeRequiredEnergyAsync());
        Assert.Null(await client.ReadNextChargeTargetSoCAsync());
        Assert.True((await client.ReadNextChargeStartTimeAsync())!.Value.Value < target.Value);
    }

    [Fact]
    public async Task TC_EEVSE_2_8_vehicle_id_is_null_or_at_most_32_bytes()
    {
        using var bed = new EvseTestBed();
        Assert.Null(await bed.Client.ReadVehicleIDAsync());

        Assert.Equal(MatterStatus.Success, bed.Controller.SetVehicleId("Test-Vehicle-ID-012345789-ABCDEF"));
        Assert.Equal("Test-Vehicle-ID-012345789-ABCDEF", await bed.Client.ReadVehicleIDAsync());
        Assert.Equal(MatterStatus.Failure, bed.Controller.SetVehicleId(new string('x', 33)));
        Assert.Equal("Test-Vehicle-ID-012345789-ABCDEF", await bed.Client.ReadVehicleIDAsync());
        bed.Controller.SetVehicleId(string.Empty);
        Assert.Null(await bed.Client.ReadVehicleIDAsync());
    }

    [Fact]
    public async Task TC_EEVSE_2_9_a_card_read_is_one_rfid_event()
    {
        using var bed = new EvseTestBed(bidirectional: false);
        byte[] uid = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99];
        await bed.NewEventsAsync();

        Assert.Equal(MatterStatus.Success, bed.Controller.ReadRfid(uid));

        var rfid = EnergyEVSE.Client.DecodeRFID(await bed.SingleNewEventAsync(0x05));
        Assert.Equal(uid, rfid.UID.ToArray());
        Assert.Equal(MatterStatus.Failure, bed.Controller.ReadRfid(new byte[11]));
    }
}
