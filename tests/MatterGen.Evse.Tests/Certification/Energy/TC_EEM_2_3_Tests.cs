using System.Threading.Tasks;
using Xunit;
using Codes = MatterGen.Evse.TestEvents.EnergyReportingTestEventTriggers;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>TC-EEM-2.3, cumulative exported energy (src/python_testing/TC_EEM_2_3.py), step by step.</summary>
public sealed class TC_EEM_2_3_Tests
{
    [Fact]
    public async Task TC_EEM_2_3()
    {
        // Step 1: commissioning.
        using var bed = new ChargerTestBed(bidirectional: true);

        // Step 2: test event triggers are enabled.
        await bed.CheckTestEventTriggersEnabledAsync();

        // Step 3: start the fake 3 kW generator.
        await bed.TriggerAsync(Codes.StartFakeGenerator3kW);

        // Step 4: wait 6 s; 4a: read CumulativeEnergyExported and note it.
        bed.Wait(6);
        var first = await bed.Energy.ReadCumulativeEnergyExportedAsync();
        Assert.NotNull(first);

        // Step 5: wait 6 s; 5a: the value is greater than step 4a's.
        bed.Wait(6);
        var second = await bed.Energy.ReadCumulativeEnergyExportedAsync();
        Assert.NotNull(second);
        Assert.True(second.Energy > first.Energy, $"{second.Energy} > {first.Energy}");

        // Step 6: stop the fake readings.
        await bed.TriggerAsync(Codes.StopFakeReadings);
    }
}
