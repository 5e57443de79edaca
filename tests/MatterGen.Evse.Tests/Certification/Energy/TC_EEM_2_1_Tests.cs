using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using Xunit;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>TC-EEM-2.1, Electrical Energy Measurement attributes (src/python_testing/TC_EEM_2_1.py), step by step.</summary>
public sealed class TC_EEM_2_1_Tests
{
    [Fact]
    public async Task TC_EEM_2_1()
    {
        // Step 1: commissioning (a V2X charger: every attribute is there).
        using var bed = new ChargerTestBed(bidirectional: true);

        // Step 2: Accuracy is a MeasurementAccuracyStruct of type ElectricalEnergy.
        var accuracy = await bed.Energy.ReadAccuracyAsync();
        Assert.Equal(ElectricalEnergyMeasurement.MeasurementTypeEnum.ElectricalEnergy, accuracy.MeasurementType);
        Assert.True(accuracy.Measured);
        Assert.Equal((ushort)100, accuracy.AccuracyRanges[0].PercentMax);

        // Steps 3-7: the counters and the reset time read successfully: null before the first reading.
        Assert.Null(await bed.Energy.ReadCumulativeEnergyImportedAsync());
        Assert.Null(await bed.Energy.ReadCumulativeEnergyExportedAsync());
        Assert.Null(await bed.Energy.ReadPeriodicEnergyImportedAsync());
        Assert.Null(await bed.Energy.ReadPeriodicEnergyExportedAsync());
        Assert.Null(await bed.Energy.ReadCumulativeEnergyResetAsync());

        // After the first meter reading the cumulative counters exist (the first reading is their baseline).
        bed.Charger.Sensor.Update(new MatterGen.Evse.Metering.ElectricalReading(230_000, 0, 0, 5_000_000, 1_000));
        Assert.Equal(0, (await bed.Energy.ReadCumulativeEnergyImportedAsync())!.Energy);
        Assert.Equal(0, (await bed.Energy.ReadCumulativeEnergyExportedAsync())!.Energy);
    }
}
