using System.Threading.Tasks;
using Xunit;
using Codes = MatterGen.Evse.TestEvents.EnergyReportingTestEventTriggers;

namespace MatterGen.Evse.Tests.Certification.Energy;

/// <summary>
/// TC-EEM-2.4, periodic imported energy (src/python_testing/TC_EEM_2_4.py): (1) commissioning, (2) triggers enabled, (3) start the
/// fake 1 kW load, (4) wait 3 s, (4a) read PeriodicEnergyImported, (5) wait 3 s, (5a) read it again: different from 4a; (6) stop.
/// </summary>
public sealed class TC_EEM_2_4_Tests
{
    [Fact]
    public async Task TC_EEM_2_4()
    {
        using var bed = new ChargerTestBed(bidirectional: true);

        var (first, second) = await bed.RunCounterScriptAsync(Codes.StartFakeLoad1kW, 3, energy => energy.ReadPeriodicEnergyImportedAsync());

        Assert.NotEqual(first.Energy, second.Energy);
    }
}
