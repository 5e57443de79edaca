using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;

namespace MatterGen.Clusters.Tests.Interaction;

/// <summary>
/// A hand-written On/Off driver: it switches the server it drives, following the cluster's rules for the
/// lighting commands (OnWithTimedOff with AcceptOnlyWhenOn is ignored while off).
/// </summary>
public sealed class LampDriver : ILampSwitchDriver
{
    /// <summary>The server this driver switches; set after the server is made.</summary>
    public LampSwitch? Lamp { get; set; }

    /// <summary>The commands carried out, by name.</summary>
    public List<string> Commands { get; } = [];

    private LampSwitch Server => Lamp ?? throw new MatterStatusException(MatterStatus.Failure, "no lamp attached");

    /// <inheritdoc/>
    public ValueTask OffAsync(OnOff.OffRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Commands.Add("Off");
        Server.OnOff = false;
        Server.OnTime = 0;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask OnAsync(OnOff.OnRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Commands.Add("On");
        Server.OnOff = true;
        if (Server.OnTime == 0)
        {
            Server.OffWaitTime = 0;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask ToggleAsync(OnOff.ToggleRequest request, RequestContext context, CancellationToken cancellationToken) =>
        Server.OnOff ? OffAsync(new OnOff.OffRequest(), context, cancellationToken) : OnAsync(new OnOff.OnRequest(), context, cancellationToken);

    /// <inheritdoc/>
    public ValueTask OffWithEffectAsync(OnOff.OffWithEffectRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Commands.Add("OffWithEffect:" + request.EffectIdentifier);
        Server.GlobalSceneControl = false;
        Server.OnOff = false;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask OnWithRecallGlobalSceneAsync(OnOff.OnWithRecallGlobalSceneRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Commands.Add("OnWithRecallGlobalScene");
        Server.GlobalSceneControl = true;
        Server.OnOff = true;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask OnWithTimedOffAsync(OnOff.OnWithTimedOffRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Commands.Add("OnWithTimedOff");
        if ((request.OnOffControl & OnOff.OnOffControlBitmap.AcceptOnlyWhenOn) != 0 && !Server.OnOff)
        {
            return ValueTask.CompletedTask;
        }

        Server.OnTime = request.OnTime;
        Server.OffWaitTime = request.OffWaitTime;
        Server.OnOff = true;
        return ValueTask.CompletedTask;
    }
}

/// <summary>The cut-off switch's driver: its interface has Off alone, since OffOnly leaves On and Toggle out.</summary>
public sealed class CutOffDriver : ICutOffSwitchDriver
{
    /// <summary>How many times Off was carried out.</summary>
    public int Offs { get; private set; }

    /// <inheritdoc/>
    public ValueTask OffAsync(OnOff.OffRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Offs++;
        return ValueTask.CompletedTask;
    }
}
