using System.Collections.Generic;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>
/// TC-EEVSE-2.1, attributes (src/app/tests/suites/certification/Test_TC_EEVSE_2_1.yaml), step by step: each
/// step runs when its PICS (the attribute) is in the AttributeList, as a PICS file from this device would say.
/// Step 3's range 0..4 predates SupplyState Enabled (5, V2X); a fresh device reads 0 either way.
/// </summary>
public sealed class TC_EEVSE_2_1_Tests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TC_EEVSE_2_1(bool bidirectional)
    {
        using var bed = new EvseTestBed(bidirectional);
        var client = bed.Client;
        var attributes = new HashSet<uint>(await bed.ReadAttributeListAsync());
        bool Has(AttributeMetadata attribute) => attributes.Contains(attribute.Id);

        // Step 1: commissioning. Step 2: State 0..6.
        Assert.InRange((byte)(await client.ReadStateAsync())!.Value, 0, 6);

        // Step 3: SupplyState 0..4. Step 4: FaultState one of the defined values.
        Assert.InRange((byte)await client.ReadSupplyStateAsync(), 0, 4);
        Assert.Contains((byte)await client.ReadFaultStateAsync(), new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 255 });

        // Step 5: ChargingEnabledUntil (epoch-s, any value or null).
        await client.ReadChargingEnabledUntilAsync();

        // Step 6 (V2X): DischargingEnabledUntil.
        if (Has(EnergyEVSE.Attributes.DischargingEnabledUntil))
        {
            await client.ReadDischargingEnabledUntilAsync();
        }

        // Step 7-9: CircuitCapacity, MinimumChargeCurrent, MaximumChargeCurrent >= 0.
        Assert.True(await client.ReadCircuitCapacityAsync() >= 0);
        Assert.True(await client.ReadMinimumChargeCurrentAsync() >= 0);
        Assert.True(await client.ReadMaximumChargeCurrentAsync() >= 0);

        // Step 10 (V2X): MaximumDischargeCurrent >= 0.
        if (Has(EnergyEVSE.Attributes.MaximumDischargeCurrent))
        {
            Assert.True(await client.ReadMaximumDischargeCurrentAsync() >= 0);
        }

        // Step 11, 11a: UserMaximumChargeCurrent written 30000 and read back.
        Assert.True(Has(EnergyEVSE.Attributes.UserMaximumChargeCurrent));
        await client.WriteUserMaximumChargeCurrentAsync(30000);
        Assert.Equal(30000, await client.ReadUserMaximumChargeCurrentAsync());

        // Step 12, 12a: RandomizationDelayWindow written 600 and read back.
        Assert.True(Has(EnergyEVSE.Attributes.RandomizationDelayWindow));
        await client.WriteRandomizationDelayWindowAsync(new ElapsedSeconds(600));
        Assert.Equal(new ElapsedSeconds(600), await client.ReadRandomizationDelayWindowAsync());

        // Step 13-14: NextChargeStartTime, NextChargeTargetTime (epoch-s or null).
        await client.ReadNextChargeStartTimeAsync();
        await client.ReadNextChargeTargetTimeAsync();

        // Step 15: NextChargeRequiredEnergy >= 0 or null. Step 16: NextChargeTargetSoC 0..100 or null.
        Assert.True(await client.ReadNextChargeRequiredEnergyAsync() is null or >= 0);
        Assert.True(await client.ReadNextChargeTargetSoCAsync() is null or <= 100);

        // Step 17, 17a: ApproximateEVEfficiency written 3500 and read back.
        Assert.True(Has(EnergyEVSE.Attributes.ApproximateEVEfficiency));
        await client.WriteApproximateEVEfficiencyAsync(3500);
        Assert.Equal((ushort)3500, await client.ReadApproximateEVEfficiencyAsync());

        // Step 18-19 (SOC): StateOfCharge 0..100, BatteryCapacity >= 0 (or null).
        if (Has(EnergyEVSE.Attributes.StateOfCharge))
        {
            Assert.True(await client.ReadStateOfChargeAsync() is null or <= 100);
            Assert.True(await client.ReadBatteryCapacityAsync() is null or >= 0);
        }

        // Step 20 (PNC): VehicleID at most 32 characters (or null).
        if (Has(EnergyEVSE.Attributes.VehicleID))
        {
            Assert.True((await client.ReadVehicleIDAsync())?.Length is null or <= 32);
        }

        // Step 21-23: SessionID and SessionDuration 0..2^31-1, SessionEnergyCharged >= 0 (or null).
        Assert.True(await client.ReadSessionIDAsync() is null or <= 2147483647);
        Assert.True((await client.ReadSessionDurationAsync())?.Value is null or <= 2147483647);
        Assert.True(await client.ReadSessionEnergyChargedAsync() is null or >= 0);

        // Step 24 (V2X): SessionEnergyDischarged >= 0 (or null).
        if (Has(EnergyEVSE.Attributes.SessionEnergyDischarged))
        {
            Assert.True(await client.ReadSessionEnergyDischargedAsync() is null or >= 0);
        }

        Assert.Equal(bidirectional, Has(EnergyEVSE.Attributes.StateOfCharge));
    }
}
