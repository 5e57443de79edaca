using System.Threading.Tasks;
using Xunit;
using Codes = MatterGen.Evse.TestEvents.EnergyReportingTestEventTriggers;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>
/// TC-EEM-2.3, cumulative exported energy (src/python_testing/TC_EEM_2_3.py): (1) commissioning, (2) triggers enabled, (3) start the
/// fake 3 kW generator, (4) wait 6 s, (4a) read CumulativeEnergyExported, (5) wait 6 s, (5a) read it again: greater than in 4a; (6) stop.
/// </summary>
public sealed class TC_EEM_2_3_Tests
{
    [Fact]
    public async Task TC_EEM_2_3()
    {
        using var bed = new ChargerTestBed(bidirectional: true);

        var (first, second) = await bed.RunCounterScriptAsync(Codes.StartFakeGenerator3kW, 6, energy => energy.ReadCumulativeEnergyExportedAsync());

        Assert.True(second.Energy > first.Energy, $"{second.Energy} > {first.Energy}");
    }
}
