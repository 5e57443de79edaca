using System.Linq;
using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using Xunit;
using Epm = MatterGen.Evse.Clusters.ElectricalPowerMeasurement;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>
/// TC-EPM-2.1, Electrical Power Measurement attributes (src/python_testing/TC_EPM_2_1.py), step by step; steps of
/// attributes the charger does not have (Ranges, reactive and apparent values, RMS, frequency, harmonics, power factor,
/// neutral current) are skipped by the script's attribute-list guard, and the test checks they are absent.
/// </summary>
public sealed class TC_EPM_2_1_Tests
{
    private const long Extent = 1L << 62;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TC_EPM_2_1(bool bidirectional)
    {
        // Step 1: commissioning; the script reads the attribute list for its guards.
        using var bed = new ChargerTestBed(bidirectional);
        var attributes = await bed.ReadAttributeListAsync(ElectricalPowerMeasurement.ClusterId);
        Assert.Equal(new uint[] { 0x0000, 0x0001, 0x0002, 0x0004, 0x0005, 0x0008 }, attributes.Where(id => id < 0xF000));

        // Step 2: PowerMode is not Unknown (the charger's supply is AC).
        Assert.Equal(Epm.PowerModeEnum.AC, await bed.Power.ReadPowerModeAsync());

        // Step 3: NumberOfMeasurementTypes >= 1.
        var count = await bed.Power.ReadNumberOfMeasurementTypesAsync();
        Assert.True(count >= 1);

        // Step 4: Accuracy: one entry per measurement type, ActivePower among them, ranges in order without gaps and
        // spanning exactly MinMeasuredValue..MaxMeasuredValue.
        var accuracy = await bed.Power.ReadAccuracyAsync();
        Assert.Equal(count, accuracy.Count);
        Assert.Contains(accuracy, a => a.MeasurementType == Epm.MeasurementTypeEnum.ActivePower);
        foreach (var measurement in accuracy)
        {
            Assert.Equal(measurement.MinMeasuredValue, measurement.AccuracyRanges[0].RangeMin);
            for (var i = 0; i < measurement.AccuracyRanges.Count; i++)
            {
                var range = measurement.AccuracyRanges[i];
                Assert.True(range.RangeMax > range.RangeMin);
                if (i > 0)
                {
                    Assert.Equal(measurement.AccuracyRanges[i - 1].RangeMax + 1, range.RangeMin);
                }
            }

            Assert.Equal(measurement.MaxMeasuredValue, measurement.AccuracyRanges[^1].RangeMax);
        }

        // A V2X charger measures power in both directions; one that only charges from zero up.
        var power = accuracy.Single(a => a.MeasurementType == Epm.MeasurementTypeEnum.ActivePower);
        Assert.Equal(bidirectional, power.MinMeasuredValue < 0);

        // Step 5: Ranges is not supported (guarded out).
        Assert.DoesNotContain(Epm.Attributes.Ranges.Id, attributes);

        // Steps 6, 7, 10: Voltage, ActiveCurrent, ActivePower are null (no reading yet) or within ±2^62.
        await AssertNullOrInRange(bed.Power.ReadVoltageAsync());
        await AssertNullOrInRange(bed.Power.ReadActiveCurrentAsync());
        await AssertNullOrInRange(bed.Power.ReadActivePowerAsync());

        // Steps 8, 9, 11 to 20: not supported.
        foreach (var id in new uint[] { 0x0006, 0x0007, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x000E, 0x000F, 0x0010, 0x0011, 0x0012 })
        {
            Assert.DoesNotContain(id, attributes);
        }
    }

    private static async Task AssertNullOrInRange(ValueTask<long?> read)
    {
        if (await read is { } value)
        {
            Assert.InRange(value, -Extent, Extent);
        }
    }
}
