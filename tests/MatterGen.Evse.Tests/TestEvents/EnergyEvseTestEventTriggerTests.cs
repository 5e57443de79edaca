using System.Threading.Tasks;
using MatterGen.Evse.TestEvents;
using MatterGen.Evse.Tests.Certification;
using Xunit;

namespace MatterGen.Evse.Tests.TestEvents;

/// <summary>
/// The Energy EVSE triggers' effects as the reference application has them, and that each Clear puts back what its
/// trigger changed, seen through the generated client.
/// </summary>
public sealed class EnergyEvseTestEventTriggerTests
{
    [Fact]
    public async Task Basic_functionality_sets_every_limit_to_32_A_and_its_clear_restores_them()
    {
        using var bed = new EvseTestBed(configure: options =>
        {
            options.HardwareMaximumChargeCurrent = 16_000;
            options.HardwareMaximumDischargeCurrent = 10_000;
            options.CircuitCapacity = 40_000;
        });
        var client = bed.Client;
        await bed.EnableChargingAsync(null, 0, 80_000);
        await bed.EnableDischargingAsync(null, 80_000);
        Assert.Equal(16_000, await client.ReadMaximumChargeCurrentAsync());
        Assert.Equal(10_000, await client.ReadMaximumDischargeCurrentAsync());
        Assert.Equal(80_000, await client.ReadUserMaximumChargeCurrentAsync());

        await bed.BasicAsync();
        Assert.Equal(32_000, await client.ReadCircuitCapacityAsync());
        Assert.Equal(32_000, await client.ReadUserMaximumChargeCurrentAsync());
        Assert.Equal(32_000, await client.ReadMaximumChargeCurrentAsync());
        Assert.Equal(32_000, await client.ReadMaximumDischargeCurrentAsync());

        // Sent twice, the clear still restores the values from before the first.
        await bed.BasicAsync();
        await bed.BasicClearAsync();
        Assert.Equal(40_000, await client.ReadCircuitCapacityAsync());
        Assert.Equal(80_000, await client.ReadUserMaximumChargeCurrentAsync());
        Assert.Equal(16_000, await client.ReadMaximumChargeCurrentAsync());
        Assert.Equal(10_000, await client.ReadMaximumDischargeCurrentAsync());
        await bed.AssertNoQueuedEventsAsync();
    }

    [Fact]
    public async Task Plugging_in_brings_a_63_A_cable_and_its_clear_takes_it_away()
    {
        using var bed = new EvseTestBed(configure: options =>
        {
            options.HardwareMaximumChargeCurrent = 80_000;
            options.CircuitCapacity = 80_000;
        });
        var client = bed.Client;
        await bed.EnableChargingAsync(null, 0, 80_000);
        await client.WriteUserMaximumChargeCurrentAsync(80_000);
        Assert.Equal(80_000, await client.ReadMaximumChargeCurrentAsync());

        await bed.PlugInAsync();
        await bed.NextEVConnectedAsync();
        Assert.Equal(63_000, await client.ReadMaximumChargeCurrentAsync());

        await bed.PlugInClearAsync();
        await bed.NextEVNotDetectedAsync();
        Assert.Equal(80_000, await client.ReadMaximumChargeCurrentAsync());
    }

    [Fact]
    public async Task State_of_charge_vehicle_id_and_card_triggers_act_as_the_vehicle_and_the_reader()
    {
        using var bed = new EvseTestBed();
        var client = bed.Client;

        await bed.TriggerAsync(EnergyEvseTestEventTriggers.EVSESetSoCLow);
        Assert.Equal((byte)20, await client.ReadStateOfChargeAsync());
        await bed.TriggerAsync(EnergyEvseTestEventTriggers.EVSESetSoCHigh);
        Assert.Equal((byte)95, await client.ReadStateOfChargeAsync());
        Assert.Equal(EnergyEvseTestEventTriggers.TestBatteryCapacity, await client.ReadBatteryCapacityAsync());
        await bed.TriggerAsync(EnergyEvseTestEventTriggers.EVSESetSoCClear);
        Assert.Null(await client.ReadStateOfChargeAsync());
        Assert.Null(await client.ReadBatteryCapacityAsync());

        await bed.TriggerAsync(EnergyEvseTestEventTriggers.EVSESetVehicleID);
        Assert.Equal(EnergyEvseTestEventTriggers.TestVehicleId, await client.ReadVehicleIDAsync());
        await bed.TriggerAsync(EnergyEvseTestEventTriggers.EVSETriggerRFID);
        await bed.NextEventAsync(Clusters.EnergyEVSE.Events.RFID.Id);
        await bed.AssertNoQueuedEventsAsync();
    }

    [Fact]
    public void Every_reference_code_is_registered_once_per_registry()
    {
        using var bed = new EvseTestBed();
        Assert.Equal(
            new ulong[] { 0x0099_0000_0000_0000, 0x0099_0000_0000_0001, 0x0099_0000_0000_0002, 0x0099_0000_0000_0003, 0x0099_0000_0000_0004, 0x0099_0000_0000_0005, 0x0099_0000_0000_0006, 0x0099_0000_0000_0010, 0x0099_0000_0000_0011, 0x0099_0000_0000_0012, 0x0099_0000_0000_0020, 0x0099_0000_0000_0021, 0x0099_0000_0000_0030, 0x0099_0000_0000_0031, 0x0099_0000_0000_0032, 0x0099_0000_0000_0040, 0x0099_0000_0000_0050 },
            bed.Triggers.Codes);
        Assert.Throws<System.InvalidOperationException>(() => bed.Device.RegisterTestEventTriggers(bed.Triggers));
    }
}
