using System;
using System.Linq;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Device;

// The controller's share of a server transaction: what it keeps outside the attributes (limits from commands and the
// energy manager's cap, the state a fault will restore, session baselines, the targets and the armed deadline) is captured before a
// command, put back if it fails, and the targets are saved when it commits.
public sealed partial class EnergyEvseController
{
    // Set when a commit saved the targets, so a rollback after it (a later save failed) knows to put the old ones back.
    private bool targetsSavedByCommit;

    /// <inheritdoc/>
    object ITransactionalState.Capture()
    {
        targetsSavedByCommit = false;
        return Capture();
    }

    private Snapshot Capture() => new(
        hardwareState,
        cableAssemblyLimit,
        commandedMaximumCharge,
        commandedMaximumDischarge,
        beforeFault,
        sessionStart,
        (meterImported, meterExported, sessionImportedBaseline, sessionExportedBaseline, transferImportedBaseline, transferExportedBaseline),
        targets.Entries.ToArray(),
        deadlineTimer.Deadline,
        energyManagementLimit);

    /// <inheritdoc/>
    void ITransactionalState.Commit(object snapshot)
    {
        if (!TargetsEqual(((Snapshot)snapshot).Targets))
        {
            TargetStorage.Save(Server, targets);
            targetsSavedByCommit = true;
        }
    }

    /// <inheritdoc/>
    void ITransactionalState.Restore(object snapshot)
    {
        var saved = (Snapshot)snapshot;
        hardwareState = saved.Hardware;
        cableAssemblyLimit = saved.CableAssemblyLimit;
        commandedMaximumCharge = saved.CommandedMaximumCharge;
        commandedMaximumDischarge = saved.CommandedMaximumDischarge;
        beforeFault = saved.BeforeFault;
        sessionStart = saved.SessionStart;
        energyManagementLimit = saved.EnergyManagementLimit;
        (meterImported, meterExported, sessionImportedBaseline, sessionExportedBaseline, transferImportedBaseline, transferExportedBaseline) = saved.Meter;
        if (!TargetsEqual(saved.Targets))
        {
            targets.Replace(saved.Targets);
        }

        try
        {
            // A commit that saved the targets and then failed on a later save: the old ones go back.
            if (targetsSavedByCommit)
            {
                targetsSavedByCommit = false;
                TargetStorage.Save(Server, targets);
            }

            // Only a deadline the command moved is put back: re-arming an untouched one could fire it in the rollback.
            if (deadlineTimer is var timer && timer.Deadline != saved.Deadline)
            {
                if (saved.Deadline is { } deadline)
                {
                    timer.At(deadline);
                }
                else
                {
                    timer.Cancel();
                }
            }
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Putting the targets or the deadline back after a failed command failed");
        }
    }

    private bool TargetsEqual(EnergyEVSE.ChargingTargetScheduleStruct[] other) => targets.Entries.SequenceEqual(other);

    private sealed record Snapshot(
        HardwareState Hardware,
        long CableAssemblyLimit,
        long CommandedMaximumCharge,
        long CommandedMaximumDischarge,
        (EnergyEVSE.StateEnum? State, EnergyEVSE.SupplyStateEnum Supply)? BeforeFault,
        DateTimeOffset? SessionStart,
        (long, long, long, long, long, long) Meter,
        EnergyEVSE.ChargingTargetScheduleStruct[] Targets,
        DateTimeOffset? Deadline,
        long EnergyManagementLimit);
}
