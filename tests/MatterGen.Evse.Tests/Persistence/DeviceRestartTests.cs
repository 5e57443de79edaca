using System;
using System.IO;
using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Persistence;
using MatterGen.Evse.Tests.Certification;
using Xunit;
using Day = MatterGen.Evse.Clusters.EnergyEVSE.TargetDayOfWeekBitmap;

namespace MatterGen.Evse.Tests.Persistence;

/// <summary>Non-volatile state (SessionID, user limits, targets) survives a restart through the file store.</summary>
public sealed class DeviceRestartTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("mattergen-evse-").FullName;

    private string StorePath => Path.Combine(directory, "evse.tlv");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Session_id_limits_and_targets_come_back_after_a_restart()
    {
        using (var bed = new EvseTestBed(store: new FileAttributeStore(StorePath)))
        {
            await bed.PlugInAsync();
            await bed.PlugInClearAsync();
            await bed.PlugInAsync();
            Assert.Equal(1u, await bed.Client.ReadSessionIDAsync());
            await bed.Client.WriteUserMaximumChargeCurrentAsync(16000);
            await bed.Client.SetTargetsAsync(new EnergyEVSE.SetTargetsRequest
            {
                ChargingTargetSchedules = [new() { DayOfWeekForSequence = Day.Friday, ChargingTargets = [new() { TargetTimeMinutesPastMidnight = 450, TargetSoC = 80 }] }],
            });
        }

        using var restarted = new EvseTestBed(store: new FileAttributeStore(StorePath));
        Assert.Equal(1u, await restarted.Client.ReadSessionIDAsync());
        Assert.Equal(16000, await restarted.Client.ReadUserMaximumChargeCurrentAsync());
        Assert.Equal(Day.Friday, Assert.Single((await restarted.Client.GetTargetsAsync(new EnergyEVSE.GetTargetsRequest())).ChargingTargetSchedules).DayOfWeekForSequence);

        // The next vehicle continues the count.
        await restarted.PlugInAsync();
        Assert.Equal(2u, await restarted.Client.ReadSessionIDAsync());
    }

    [Fact]
    public async Task A_corrupt_store_starts_the_device_from_defaults()
    {
        File.WriteAllBytes(StorePath, [0x15, 0x36, 0x01, 0xFF]);

        using var bed = new EvseTestBed(store: new FileAttributeStore(StorePath));

        Assert.Null(await bed.Client.ReadSessionIDAsync());
        Assert.Equal(80000, await bed.Client.ReadUserMaximumChargeCurrentAsync());
        Assert.Empty((await bed.Client.GetTargetsAsync(new EnergyEVSE.GetTargetsRequest())).ChargingTargetSchedules);
    }
}
