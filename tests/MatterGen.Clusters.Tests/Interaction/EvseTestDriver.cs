using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;

namespace MatterGen.Clusters.Tests.Interaction;

/// <summary>
/// A charger driver for tests: records every command it carries out, keeps the charging targets, and refuses
/// charging currents above <see cref="CurrentLimit"/> with INVALID_IN_STATE, as a real device refuses what its
/// hardware cannot do. One class serves every test charger: each driver interface has only its own commands.
/// </summary>
public sealed class EvseTestDriver : IHomeChargerDriver, IFullChargerDriver, IPrefOnlyChargerDriver, IBidirectionalChargerDriver
{
    private IReadOnlyList<EnergyEVSE.ChargingTargetScheduleStruct> targets = [];

    /// <summary>The highest charging current the hardware accepts.</summary>
    public long CurrentLimit { get; init; } = 32_000;

    /// <summary>Every command carried out, in order: its name and the requester's privilege.</summary>
    public ConcurrentQueue<(string Command, object Request, RequestContext Context)> Calls { get; } = new();

    /// <inheritdoc/>
    public ValueTask DisableAsync(EnergyEVSE.DisableRequest request, RequestContext context, CancellationToken cancellationToken) =>
        Record("Disable", request, context);

    /// <inheritdoc/>
    public ValueTask EnableChargingAsync(EnergyEVSE.EnableChargingRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        if (request.MaximumChargeCurrent > CurrentLimit)
        {
            throw new MatterStatusException(MatterStatus.InvalidInState, "above what the hardware can deliver");
        }

        return Record("EnableCharging", request, context);
    }

    /// <inheritdoc/>
    public ValueTask EnableDischargingAsync(EnergyEVSE.EnableDischargingRequest request, RequestContext context, CancellationToken cancellationToken) =>
        Record("EnableDischarging", request, context);

    /// <inheritdoc/>
    public ValueTask SetTargetsAsync(EnergyEVSE.SetTargetsRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        targets = request.ChargingTargetSchedules;
        return Record("SetTargets", request, context);
    }

    /// <inheritdoc/>
    public ValueTask<EnergyEVSE.GetTargetsResponse> GetTargetsAsync(EnergyEVSE.GetTargetsRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue(("GetTargets", request, context));
        return ValueTask.FromResult(new EnergyEVSE.GetTargetsResponse { ChargingTargetSchedules = targets });
    }

    /// <inheritdoc/>
    public ValueTask ClearTargetsAsync(EnergyEVSE.ClearTargetsRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        targets = [];
        return Record("ClearTargets", request, context);
    }

    private ValueTask Record(string command, object request, RequestContext context)
    {
        Calls.Enqueue((command, request, context));
        return ValueTask.CompletedTask;
    }
}
