using System.Threading.Tasks;
using Xunit;
using Codes = MatterGen.Evse.TestEvents.EnergyReportingTestEventTriggers;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>
/// TC-EEM-2.2, cumulative imported energy (src/python_testing/TC_EEM_2_2.py): (1) commissioning, (2) triggers enabled, (3) start the
/// fake 1 kW load, (4) wait 3 s, (4a) read CumulativeEnergyImported, (5) wait 3 s, (5a) read it again: greater than in 4a; (6) stop.
/// </summary>
public sealed class TC_EEM_2_2_Tests
{
    [Fact]
    public async Task TC_EEM_2_2()
    {
        using var bed = new ChargerTestBed(bidirectional: true);

        var (first, second) = await bed.RunCounterScriptAsync(Codes.StartFakeLoad1kW, 3, energy => energy.ReadCumulativeEnergyImportedAsync());

        Assert.True(second.Energy > first.Energy, $"{second.Energy} > {first.Energy}");
    }
}
