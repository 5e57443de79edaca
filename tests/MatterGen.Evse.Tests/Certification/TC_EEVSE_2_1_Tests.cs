using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSE-2.1: every attribute reads within its range; the writable ones read back what was written.</summary>
public sealed class TC_EEVSE_2_1_Tests
{
    [Fact]
    public async Task Attributes_are_in_range_and_writable_ones_read_back()
    {
        using var bed = new EvseTestBed();
        var client = bed.Client;

        Assert.InRange((byte)(await client.ReadStateAsync())!.Value, 0, 6);
        Assert.InRange((byte)await client.ReadSupplyStateAsync(), 0, 5);
        await client.ReadFaultStateAsync();
        await client.ReadChargingEnabledUntilAsync();
        await client.ReadDischargingEnabledUntilAsync();
        Assert.True(await client.ReadCircuitCapacityAsync() >= 0);
        Assert.True(await client.ReadMinimumChargeCurrentAsync() >= 0);
        Assert.True(await client.ReadMaximumChargeCurrentAsync() >= 0);
        Assert.True(await client.ReadMaximumDischargeCurrentAsync() >= 0);
        Assert.True(await client.ReadNextChargeTargetSoCAsync() is null or <= 100);
        Assert.True(await client.ReadStateOfChargeAsync() is null or <= 100);
        Assert.True((await client.ReadVehicleIDAsync())?.Length is null or <= 32);
        Assert.True(await client.ReadSessionIDAsync() is null or <= 2147483647);
        Assert.True((await client.ReadSessionDurationAsync())?.Value is null or <= 2147483647);
        Assert.True(await client.ReadSessionEnergyChargedAsync() is null or >= 0);
        Assert.True(await client.ReadSessionEnergyDischargedAsync() is null or >= 0);

        await client.WriteUserMaximumChargeCurrentAsync(30000);
        Assert.Equal(30000, await client.ReadUserMaximumChargeCurrentAsync());
        await client.WriteRandomizationDelayWindowAsync(new ElapsedSeconds(600));
        Assert.Equal(new ElapsedSeconds(600), await client.ReadRandomizationDelayWindowAsync());
        await client.WriteApproximateEVEfficiencyAsync(3500);
        Assert.Equal((ushort)3500, await client.ReadApproximateEVEfficiencyAsync());
    }

    [Fact]
    public async Task Writes_outside_the_constraints_are_refused_and_change_nothing()
    {
        using var bed = new EvseTestBed();
        var client = bed.Client;

        await bed.AssertRejectedAsync(MatterStatus.ConstraintError, () => client.WriteUserMaximumChargeCurrentAsync(-1));
        // 86401 s: the generated client refuses to encode it, so a peer's bytes (unsigned 86401) are written by hand.
        await bed.AssertRejectedAsync(MatterStatus.ConstraintError, () => bed.WriteRawAsync(0x000A, [0x06, 0x81, 0x51, 0x01, 0x00]));
        await bed.AssertRejectedAsync(MatterStatus.InvalidDataType, () => bed.WriteRawAsync(0x0009, [0x0C, 0x01, 0x41]));
        var operate = new EnergyEVSE.Client(bed.Transport.WithPrivilege(Privilege.Operate), EvseTestBed.Endpoint);
        await bed.AssertRejectedAsync(MatterStatus.UnsupportedAccess, () => operate.WriteUserMaximumChargeCurrentAsync(16000));
        await bed.AssertRejectedAsync(MatterStatus.NeedsTimedInteraction, () => client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = null, MinimumChargeCurrent = 6000, MaximumChargeCurrent = 16000 }, timed: false));
        await bed.AssertRejectedAsync(MatterStatus.ConstraintError, () => bed.EnableChargingAsync(null, 16000, 6000));
        await bed.AssertRejectedAsync(MatterStatus.ConstraintError, () => bed.InvokeRawAsync(0x02, [0x15, 0x34, 0x00, 0x20, 0x01, 0xFF, 0x21, 0x02, 0x70, 0x17, 0x18]));
    }

    [Fact]
    public async Task A_standard_charger_has_no_discharging()
    {
        using var bed = new EvseTestBed(bidirectional: false);

        // EnableDischarging(null, 0) as a peer would send it.
        var invoke = await bed.Transport.InvokeAsync(EvseTestBed.Endpoint, EnergyEVSE.ClusterId, 0x03, new byte[] { 0x15, 0x34, 0x00, 0x24, 0x01, 0x00, 0x18 }, timed: true);
        Assert.Equal(MatterStatus.UnsupportedCommand, invoke.Status);
        var read = await bed.Transport.ReadAttributeAsync(EvseTestBed.Endpoint, EnergyEVSE.ClusterId, 0x0004);
        Assert.Equal(MatterStatus.UnsupportedAttribute, read.Status);
    }
}
