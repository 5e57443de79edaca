using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSE-2.6: quieter reporting of the session attributes.</summary>
public sealed class TC_EEVSE_2_6_Tests
{
    [Fact]
    public async Task TC_EEVSE_2_6_session_attributes_report_quietly()
    {
        using var bed = new EvseTestBed();
        var reports = new List<uint>();
        bed.Device.Server.AttributeReported += change => reports.Add(change.AttributeId);
        bed.BasicFunctionality();
        bed.PlugIn();
        await bed.EnableChargingAsync(null, 6000, 12000);
        bed.Demand();
        reports.Clear();

        // 12 s of charging with the meter running: SessionID never, the Q attributes at most twice.
        for (var second = 1; second <= 12; second++)
        {
            bed.Controller.UpdateMeter(second * 25_000L, 0);
            bed.Wait(1);
        }

        Assert.Equal(0, reports.Count(id => id == 0x0040));
        Assert.True(reports.Count(id => id == 0x0041) <= 2);
        Assert.True(reports.Count(id => id == 0x0042) <= 2);
        Assert.True(reports.Count(id => id == 0x0043) <= 2);

        // Stop and unplug: within 5 s the session totals are reported.
        reports.Clear();
        await bed.DisableAsync();
        bed.DemandClear();
        bed.Unplug();
        bed.Wait(5);
        Assert.Equal(0, reports.Count(id => id == 0x0040));
        Assert.True(reports.Count(id => id == 0x0041) >= 1);
        Assert.True(reports.Count(id => id == 0x0042) >= 1);

        // SessionEnergyDischarged did not change (nothing was discharged), so it has nothing to report.

        // A new session: SessionID reported once.
        reports.Clear();
        bed.PlugIn();
        bed.Wait(5);
        Assert.Equal(1, reports.Count(id => id == 0x0040));
        Assert.True(reports.Count(id => id == 0x0041) >= 1);
        Assert.True(reports.Count(id => id == 0x0042) >= 1);
    }
}
