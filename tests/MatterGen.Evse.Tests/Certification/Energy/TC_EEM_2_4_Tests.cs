using System.Threading.Tasks;
using Xunit;
using Codes = MatterGen.Evse.TestEvents.EnergyReportingTestEventTriggers;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>TC-EEM-2.4, periodic imported energy (src/python_testing/TC_EEM_2_4.py), step by step.</summary>
public sealed class TC_EEM_2_4_Tests
{
    [Fact]
    public async Task TC_EEM_2_4()
    {
        // Step 1: commissioning.
        using var bed = new ChargerTestBed(bidirectional: true);

        // Step 2: test event triggers are enabled.
        await bed.CheckTestEventTriggersEnabledAsync();

        // Step 3: start the fake 1 kW load.
        await bed.TriggerAsync(Codes.StartFakeLoad1kW);

        // Step 4: wait 3 s; 4a: read PeriodicEnergyImported and note it.
        bed.Wait(3);
        var first = await bed.Energy.ReadPeriodicEnergyImportedAsync();
        Assert.NotNull(first);

        // Step 5: wait 3 s; 5a: the value differs from step 4a's.
        bed.Wait(3);
        var second = await bed.Energy.ReadPeriodicEnergyImportedAsync();
        Assert.NotNull(second);
        Assert.NotEqual(first.Energy, second.Energy);

        // Step 6: stop the fake readings.
        await bed.TriggerAsync(Codes.StopFakeReadings);
    }
}
