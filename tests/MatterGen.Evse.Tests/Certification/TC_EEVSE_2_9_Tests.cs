using System.Linq;
using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSE-2.9: RFID.</summary>
public sealed class TC_EEVSE_2_9_Tests
{
    [Fact]
    public async Task TC_EEVSE_2_9_a_card_read_is_one_rfid_event()
    {
        using var bed = new EvseTestBed(bidirectional: false);
        byte[] uid = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99];
        await bed.NewEventsAsync();

        Assert.Equal(MatterStatus.Success, bed.Controller.ReadRfid(uid));

        var rfid = EnergyEVSE.Client.DecodeRFID(await bed.SingleNewEventAsync(0x05));
        Assert.Equal(uid, rfid.UID.ToArray());
        Assert.Equal(MatterStatus.Failure, bed.Controller.ReadRfid(new byte[11]));
    }
}
