using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;

namespace MatterGen.Evse.Modes;

/// <summary>
/// The charger's modes and the ChangeToMode rules: a mode must be one of the supported ones
/// (UnsupportedMode otherwise); changing to the current mode succeeds and changes nothing.
/// </summary>
public sealed class EnergyEvseModes : IEnergyEvseModeServerDriver
{
    /// <summary>Mode Base status: success.</summary>
    public const byte Success = 0x00;

    /// <summary>Mode Base status: the mode is not one of the supported ones.</summary>
    public const byte UnsupportedMode = 0x01;

    private EnergyEvseModeServer? server;

    /// <summary>The charger's usual modes: manual, time of use, solar, and time of use with solar.</summary>
    public static IReadOnlyList<EnergyEVSEMode.ModeOptionStruct> DefaultModes { get; } =
    [
        Mode("Manual", 0, EnergyEVSEMode.ModeTag.Manual),
        Mode("Auto-scheduled", 1, EnergyEVSEMode.ModeTag.TimeOfUse),
        Mode("Solar", 2, EnergyEVSEMode.ModeTag.SolarCharging),
        Mode("Auto-scheduled with Solar charging", 3, EnergyEVSEMode.ModeTag.TimeOfUse, EnergyEVSEMode.ModeTag.SolarCharging),
    ];

    /// <summary>Raised after the mode changed, with the new mode.</summary>
    public event Action<byte>? ModeChanged;

    /// <summary>Creates the server with its modes, starting in the first (or <paramref name="startMode"/>).</summary>
    public static (EnergyEvseModes Modes, EnergyEvseModeServer Server) Create(ClusterServerOptions? options = null, IReadOnlyList<EnergyEVSEMode.ModeOptionStruct>? modes = null, byte? startMode = null)
    {
        modes ??= DefaultModes;
        if (modes.Count < 2 || modes.Select(mode => mode.Mode).Distinct().Count() != modes.Count)
        {
            throw new ArgumentException("A mode server needs at least two modes with distinct values.", nameof(modes));
        }

        var driver = new EnergyEvseModes();
        var server = new EnergyEvseModeServer(driver, options) { SupportedModes = modes.ToArray(), CurrentMode = startMode ?? modes[0].Mode };
        driver.server = server;
        return (driver, server);
    }

    /// <inheritdoc/>
    public ValueTask<EnergyEVSEMode.ChangeToModeResponse> ChangeToModeAsync(EnergyEVSEMode.ChangeToModeRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var modeServer = server ?? throw new InvalidOperationException("Not created through Create.");
        lock (modeServer.SyncRoot)
        {
            if (!modeServer.SupportedModes.Any(mode => mode.Mode == request.NewMode))
            {
                return ValueTask.FromResult(new EnergyEVSEMode.ChangeToModeResponse { Status = UnsupportedMode, StatusText = "No such mode" });
            }

            var changed = modeServer.CurrentMode != request.NewMode;
            modeServer.CurrentMode = request.NewMode;
            if (changed)
            {
                ModeChanged?.Invoke(request.NewMode);
            }
        }

        return ValueTask.FromResult(new EnergyEVSEMode.ChangeToModeResponse { Status = Success });
    }

    private static EnergyEVSEMode.ModeOptionStruct Mode(string label, byte value, params EnergyEVSEMode.ModeTag[] tags) => new()
    {
        Label = label,
        Mode = value,
        ModeTags = tags.Select(tag => new EnergyEVSEMode.ModeTagStruct { Value = (ushort)tag }).ToArray(),
    };
}
