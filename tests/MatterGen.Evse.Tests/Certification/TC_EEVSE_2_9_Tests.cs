using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.TestEvents;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSE-2.9, RFID (src/python_testing/TC_EEVSE_2_9.py; PICS EEVSE.S.F03), step by step.</summary>
public sealed class TC_EEVSE_2_9_Tests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TC_EEVSE_2_9(bool bidirectional)
    {
        using var bed = new EvseTestBed(bidirectional);

        // Step 1: commissioning. Step 2.
        await bed.CheckTestEventTriggersEnabledAsync();

        // Step 3: event subscription (the bed's queue). Step 4: RFID trigger.
        await bed.TriggerAsync(EnergyEvseTestEventTriggers.EVSETriggerRFID);

        // Step 5: one RFID event (no wait needed on the bed's clock) with a UID of at most 10 bytes.
        var rfid = EnergyEVSE.Client.DecodeRFID(await bed.NextEventAsync(EnergyEVSE.Events.RFID.Id));
        Assert.InRange(rfid.UID.Length, 0, 10);
        Assert.Equal(EnergyEvseTestEventTriggers.TestRfidUid.ToArray(), rfid.UID.ToArray());
        await bed.AssertNoQueuedEventsAsync();
    }
}
