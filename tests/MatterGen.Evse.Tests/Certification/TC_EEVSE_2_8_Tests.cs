using System.Threading.Tasks;
using MatterGen.Interaction;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>TC-EEVSE-2.8: plug and charge vehicle id.</summary>
public sealed class TC_EEVSE_2_8_Tests
{
    [Fact]
    public async Task TC_EEVSE_2_8_vehicle_id_is_null_or_at_most_32_bytes()
    {
        using var bed = new EvseTestBed();
        Assert.Null(await bed.Client.ReadVehicleIDAsync());

        Assert.Equal(MatterStatus.Success, bed.Controller.SetVehicleId("Test-Vehicle-ID-012345789-ABCDEF"));
        Assert.Equal("Test-Vehicle-ID-012345789-ABCDEF", await bed.Client.ReadVehicleIDAsync());
        Assert.Equal(MatterStatus.Failure, bed.Controller.SetVehicleId(new string('x', 33)));
        Assert.Equal("Test-Vehicle-ID-012345789-ABCDEF", await bed.Client.ReadVehicleIDAsync());
        bed.Controller.SetVehicleId(string.Empty);
        Assert.Null(await bed.Client.ReadVehicleIDAsync());
    }
}
