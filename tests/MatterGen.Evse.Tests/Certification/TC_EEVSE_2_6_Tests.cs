using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using Xunit;
using Reason = MatterGen.Evse.Clusters.EnergyEVSE.EnergyTransferStoppedReasonEnum;
using State = MatterGen.Evse.Clusters.EnergyEVSE.StateEnum;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>
/// TC-EEVSE-2.6, quieter reporting of the session attributes (src/python_testing/TC_EEVSE_2_6.py), step by step.
/// The device runs with its shipped settings and the meter updates the session attributes every second while a
/// vehicle is connected (as the station does), so the report counts are the ones a real charger would produce.
/// </summary>
public sealed class TC_EEVSE_2_6_Tests
{
    private static readonly uint SessionId = EnergyEVSE.Attributes.SessionID.Id;
    private static readonly uint SessionDuration = EnergyEVSE.Attributes.SessionDuration.Id;
    private static readonly uint SessionEnergyCharged = EnergyEVSE.Attributes.SessionEnergyCharged.Id;
    private static readonly uint SessionEnergyDischarged = EnergyEVSE.Attributes.SessionEnergyDischarged.Id;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TC_EEVSE_2_6(bool bidirectional)
    {
        using var bed = new EvseTestBed(bidirectional);
        var client = bed.Client;

        // Step 1: commissioning. Step 2: FeatureMap, for V2X.
        var hasV2X = (await bed.ReadFeatureMapAsync() & (uint)EnergyEVSE.Feature.V2X) != 0;
        Assert.Equal(bidirectional, hasV2X);

        // Step 3: event subscription (the bed's queue). Step 4.
        await bed.CheckTestEventTriggersEnabledAsync();

        // Step 5: attribute subscription, min interval 0, max 10 s (the bed counts every report from here).
        // Step 6: basic functionality. Step 6a.
        await bed.BasicAsync();
        Assert.Equal(State.NotPluggedIn, await client.ReadStateAsync());

        // Step 7: plugged in; EVConnected.
        await bed.PlugInAsync();
        await bed.NextEVConnectedAsync();

        // Step 8: EnableCharging(null, 6 A, 12 A).
        await bed.EnableChargingAsync(null, 6000, 12000);

        // Step 9: demand; EnergyTransferStarted. Step 9a.
        await bed.DemandAsync();
        await bed.NextEnergyTransferStartedAsync();
        Assert.Equal(State.PluggedInCharging, await client.ReadStateAsync());

        // Step 10: reset the counts, then 12 s of charging (the meter changes the session values every second).
        bed.ResetReportCounts();
        bed.Wait(12);

        // Step 10a-10d: no SessionID report, at most 2 of each session value.
        Assert.Equal(0, bed.ReportCount(SessionId));
        Assert.InRange(bed.ReportCount(SessionDuration), 0, 2);
        Assert.InRange(bed.ReportCount(SessionEnergyCharged), 0, 2);
        if (hasV2X)
        {
            Assert.InRange(bed.ReportCount(SessionEnergyDischarged), 0, 2);
        }

        // The values did change meanwhile: the quiet reporting is not a frozen value.
        Assert.True((await client.ReadSessionDurationAsync())!.Value.Value >= 12);
        Assert.True(await client.ReadSessionEnergyChargedAsync() > 0);

        // Step 11: reset the counts.
        bed.ResetReportCounts();

        // Step 12: Disable; EnergyTransferStopped (EVSEStopped).
        await bed.DisableAsync();
        Assert.Equal(Reason.EVSEStopped, (await bed.NextEnergyTransferStoppedAsync()).Reason);

        // Step 13: demand clear. Step 14: plugged-in clear; EVNotDetected.
        await bed.DemandClearAsync();
        await bed.PlugInClearAsync();
        await bed.NextEVNotDetectedAsync();

        // Step 15: 5 s. Step 15a-15d: the session's end is reported; SessionID does not change until the next plug-in.
        bed.Wait(5);
        Assert.Equal(0, bed.ReportCount(SessionId));
        Assert.True(bed.ReportCount(SessionDuration) >= 1);
        Assert.True(bed.ReportCount(SessionEnergyCharged) >= 1);
        if (hasV2X)
        {
            Assert.True(bed.ReportCount(SessionEnergyDischarged) >= 1);
        }

        // Step 16: reset the counts. Step 17: plugged in; EVConnected.
        bed.ResetReportCounts();
        await bed.PlugInAsync();
        await bed.NextEVConnectedAsync();

        // Step 18: 5 s. Step 18a-18d: exactly one SessionID report, the new session's values reported.
        bed.Wait(5);
        Assert.Equal(1, bed.ReportCount(SessionId));
        Assert.True(bed.ReportCount(SessionDuration) >= 1);
        Assert.True(bed.ReportCount(SessionEnergyCharged) >= 1);
        if (hasV2X)
        {
            Assert.True(bed.ReportCount(SessionEnergyDischarged) >= 1);
        }

        // Step 19: plugged-in clear; EVNotDetected. Step 20: basic functionality clear. Step 21: cancel.
        await bed.PlugInClearAsync();
        await bed.NextEVNotDetectedAsync();
        await bed.BasicClearAsync();
        await bed.AssertNoQueuedEventsAsync();
    }
}
