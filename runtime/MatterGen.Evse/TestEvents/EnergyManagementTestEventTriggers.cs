using System;
using MatterGen.Evse.EnergyManagement;
using MatterGen.Interaction;
using MatterGen.TestEvents;
using OptOut = MatterGen.Evse.Clusters.DeviceEnergyManagement.OptOutStateEnum;

namespace MatterGen.Evse.TestEvents;

/// <summary>
/// The Device Energy Management test event triggers (0x0098_0000_0000_00xx) that TC-DEM-2.2, 2.9 and 2.10 send, with
/// the reference application's effects on this charger: the user opting out of local or grid optimization (or
/// clearing both), the power adjustment set-up and its clear, and a simulated forecast and its clear. The charger's
/// power adjustment capability comes from its hardware and is always published while it is online, so "power
/// adjustment" only confirms that; its clear ends an adjustment. The start-time, pause, forecast-adjustment and
/// constraint triggers belong to features the charger does not have.
/// </summary>
public static class EnergyManagementTestEventTriggers
{
    /// <summary>The ESA is ready for power adjustment (here: it always is while online).</summary>
    public const ulong PowerAdjustment = 0x0098_0000_0000_0000;

    /// <summary>Ends the power adjustment test: an adjustment in force ends as cancelled.</summary>
    public const ulong PowerAdjustmentClear = 0x0098_0000_0000_0001;

    /// <summary>The user opts out of local (home energy manager) optimization.</summary>
    public const ulong UserOptOutLocal = 0x0098_0000_0000_0002;

    /// <summary>The user opts out of grid optimization.</summary>
    public const ulong UserOptOutGrid = 0x0098_0000_0000_0003;

    /// <summary>The user's opt-outs are cleared.</summary>
    public const ulong UserOptOutClearAll = 0x0098_0000_0000_0004;

    /// <summary>A simulated forecast (at least one slot) replaces the charging plan's.</summary>
    public const ulong Forecast = 0x0098_0000_0000_000F;

    /// <summary>The simulated forecast ends; the charging plan's is published again.</summary>
    public const ulong ForecastClear = 0x0098_0000_0000_0010;

    /// <summary>Registers the codes for one charger; disposing the result removes them.</summary>
    public static IDisposable Register(TestEventTriggerRegistry registry, EnergyManagementController controller)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(controller);
        var handlers = new (ulong Code, Func<MatterStatus> Handler)[]
        {
            (PowerAdjustment, static () => MatterStatus.Success),
            (PowerAdjustmentClear, () => Do(controller.CancelActiveAdjustment)),
            (UserOptOutLocal, () => Do(() => controller.SetUserOptOut(OptOut.LocalOptOut))),
            (UserOptOutGrid, () => Do(() => controller.SetUserOptOut(OptOut.GridOptOut))),
            (UserOptOutClearAll, () => Do(() => controller.SetUserOptOut(OptOut.NoOptOut))),
            (Forecast, () => Do(() => controller.SetTestForecast(true))),
            (ForecastClear, () => Do(() => controller.SetTestForecast(false))),
        };
        return TriggerRegistrations.Register(registry, handlers);
    }

    private static MatterStatus Do(Action action)
    {
        action();
        return MatterStatus.Success;
    }
}
