using System.Threading.Tasks;
using Xunit;
using Codes = MatterGen.Evse.TestEvents.EnergyReportingTestEventTriggers;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>TC-EPM-2.2, primary functionality (src/python_testing/TC_EPM_2_2.py): a fake 1 kW load's readings, step by step.</summary>
public sealed class TC_EPM_2_2_Tests
{
    [Fact]
    public async Task TC_EPM_2_2()
    {
        // Step 1: commissioning.
        using var bed = new ChargerTestBed();

        // Step 2: test event triggers are enabled.
        await bed.CheckTestEventTriggersEnabledAsync();

        // Step 3: start the fake 1 kW load.
        await bed.TriggerAsync(Codes.StartFakeLoad1kW);

        // Step 4: wait 3 s. 4a-4c: ActivePower 1 kW ± 20 W, ActiveCurrent 4.348 A ± 0.5 A, Voltage 230 V ± 1 V.
        bed.Wait(3);
        var power = await ReadInRange(bed.Power.ReadActivePowerAsync(), 980_000, 1_020_000);
        var current = await ReadInRange(bed.Power.ReadActiveCurrentAsync(), 3_848, 4_848);
        var voltage = await ReadInRange(bed.Power.ReadVoltageAsync(), 229_000, 231_000);

        // Step 5: wait 3 s. 5a-5c: still in range, and each value differs from step 4's.
        bed.Wait(3);
        Assert.NotEqual(power, await ReadInRange(bed.Power.ReadActivePowerAsync(), 980_000, 1_020_000));
        Assert.NotEqual(current, await ReadInRange(bed.Power.ReadActiveCurrentAsync(), 3_848, 4_848));
        Assert.NotEqual(voltage, await ReadInRange(bed.Power.ReadVoltageAsync(), 229_000, 231_000));

        // Step 6: stop the fake readings; the hardware's readings take over again.
        await bed.TriggerAsync(Codes.StopFakeReadings);
        bed.Charger.Sensor.Update(new MatterGen.Evse.Metering.ElectricalReading(231_000, 0, 0, 0, 0));
        Assert.Equal(0, await bed.Power.ReadActivePowerAsync());
    }

    private static async Task<long> ReadInRange(ValueTask<long?> read, long low, long high)
    {
        var value = await read;
        Assert.NotNull(value);
        Assert.InRange(value.Value, low, high);
        return value.Value;
    }
}
