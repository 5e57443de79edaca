using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using Tag = MatterGen.Evse.Clusters.DeviceEnergyManagementMode.ModeTag;

namespace MatterGen.Evse.EnergyManagement;

/// <summary>
/// Device Energy Management Mode: the modes the specification describes and what each allows. A mode without the
/// LocalOptimization tag opts out of the home energy manager's requests; one without GridOptimization out of the
/// grid's. The resulting opt-out shows in Device Energy Management's OptOutState.
/// </summary>
public sealed class EnergyManagementModes : IEnergyManagementModeServerDriver
{
    /// <summary>Mode Base status: success.</summary>
    public const byte Success = 0x00;

    /// <summary>Mode Base status: the mode is not one of the supported ones.</summary>
    public const byte UnsupportedMode = 0x01;

    /// <summary>The mode the charger starts in: every kind of optimization allowed.</summary>
    public const byte FullEnergyManagement = 4;

    private EnergyManagementModeServer? server;

    /// <summary>The modes: forecast only, the charger alone, with the home manager, with the grid, with both.</summary>
    public static IReadOnlyList<DeviceEnergyManagementMode.ModeOptionStruct> DefaultModes { get; } =
    [
        Mode("No Energy Management (Forecast reporting only)", 0, Tag.NoOptimization),
        Mode("Device Energy Management", 1, Tag.DeviceOptimization),
        Mode("Home Energy Management", 2, Tag.DeviceOptimization, Tag.LocalOptimization),
        Mode("Grid Energy Management", 3, Tag.GridOptimization),
        Mode("Full Energy Management", FullEnergyManagement, Tag.DeviceOptimization, Tag.LocalOptimization, Tag.GridOptimization),
    ];

    /// <summary>Raised after the mode changed, with the opt-out the new mode implies.</summary>
    public event Action<DeviceEnergyManagement.OptOutStateEnum>? OptOutChanged;

    /// <summary>The server.</summary>
    public EnergyManagementModeServer Server => server ?? throw new InvalidOperationException("Not created through Create.");

    /// <summary>The opt-out the current mode implies.</summary>
    public DeviceEnergyManagement.OptOutStateEnum OptOut => OptOutOf(Server.SupportedModes.First(mode => mode.Mode == Server.CurrentMode));

    /// <summary>Creates the server with the default modes, starting in Full Energy Management.</summary>
    public static EnergyManagementModes Create(ClusterServerOptions? options = null)
    {
        var driver = new EnergyManagementModes();
        driver.server = new EnergyManagementModeServer(driver, options) { SupportedModes = DefaultModes.ToArray(), CurrentMode = FullEnergyManagement };
        return driver;
    }

    /// <summary>The opt-out a mode implies: local without LocalOptimization, grid without GridOptimization.</summary>
    public static DeviceEnergyManagement.OptOutStateEnum OptOutOf(DeviceEnergyManagementMode.ModeOptionStruct mode)
    {
        ArgumentNullException.ThrowIfNull(mode);
        var local = mode.ModeTags.Any(tag => tag.Value == (ushort)Tag.LocalOptimization);
        var grid = mode.ModeTags.Any(tag => tag.Value == (ushort)Tag.GridOptimization);
        return (local, grid) switch
        {
            (true, true) => DeviceEnergyManagement.OptOutStateEnum.NoOptOut,
            (true, false) => DeviceEnergyManagement.OptOutStateEnum.GridOptOut,
            (false, true) => DeviceEnergyManagement.OptOutStateEnum.LocalOptOut,
            _ => DeviceEnergyManagement.OptOutStateEnum.OptOut,
        };
    }

    /// <inheritdoc/>
    public ValueTask<DeviceEnergyManagementMode.ChangeToModeResponse> ChangeToModeAsync(DeviceEnergyManagementMode.ChangeToModeRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var modeServer = Server;
        DeviceEnergyManagementMode.ModeOptionStruct? chosen;
        lock (modeServer.SyncRoot)
        {
            chosen = modeServer.SupportedModes.FirstOrDefault(mode => mode.Mode == request.NewMode);
            if (chosen is null)
            {
                return ValueTask.FromResult(new DeviceEnergyManagementMode.ChangeToModeResponse { Status = UnsupportedMode, StatusText = "No such mode" });
            }

            if (modeServer.CurrentMode == request.NewMode)
            {
                chosen = null;
            }

            modeServer.CurrentMode = request.NewMode;
        }

        if (chosen is not null)
        {
            OptOutChanged?.Invoke(OptOutOf(chosen));
        }

        return ValueTask.FromResult(new DeviceEnergyManagementMode.ChangeToModeResponse { Status = Success });
    }

    private static DeviceEnergyManagementMode.ModeOptionStruct Mode(string label, byte value, params Tag[] tags) => new()
    {
        Label = label,
        Mode = value,
        ModeTags = tags.Select(tag => new DeviceEnergyManagementMode.ModeTagStruct { Value = (ushort)tag }).ToArray(),
    };
}
