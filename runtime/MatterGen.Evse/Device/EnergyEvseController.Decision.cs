using System;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Device;

// The controller's output to the hardware: one typed decision, published when a change to it stands. It follows the
// server's reports (AttributeReported), which a transaction lets out only when it commits, so a command that fails
// half-way never reaches the pins.
public sealed partial class EnergyEvseController
{
    private EvseSupplyDecision decision;

    /// <summary>
    /// Raised with the new decision once a change to it stands (a command committed, or the hardware or a timer
    /// changed the state). Raised under the device's lock, in order: note the decision and act on it outside the
    /// handler; calling back into the device from the handler is allowed, waiting for another thread is not.
    /// </summary>
    public event Action<EvseSupplyDecision>? DecisionChanged;

    /// <summary>What the device wants of the hardware now (the last decision published).</summary>
    public EvseSupplyDecision Decision
    {
        get
        {
            lock (server.SyncRoot)
            {
                return decision;
            }
        }
    }

    /// <summary>The device's state now, read as one.</summary>
    public EnergyEvseStatus Status
    {
        get
        {
            lock (server.SyncRoot)
            {
                return new EnergyEvseStatus(Core.State, Core.SupplyState, Core.FaultState, Core.MaximumChargeCurrent, Core.SessionEnergyCharged ?? 0, soc?.StateOfCharge);
            }
        }
    }

    private void OnAttributeReported(AttributeChange change)
    {
        if (change.AttributeId != EnergyEVSE.Attributes.SupplyState.Id
            && change.AttributeId != EnergyEVSE.Attributes.MaximumChargeCurrent.Id
            && change.AttributeId != EnergyEVSE.Attributes.FaultState.Id)
        {
            return;
        }

        lock (server.SyncRoot)
        {
            var now = Decide();
            if (now == decision)
            {
                return;
            }

            decision = now;
            DecisionChanged?.Invoke(now);
        }
    }

    private EvseSupplyDecision Decide() => new(
        Core.SupplyState is Supply.ChargingEnabled or Supply.Enabled,
        Core.MaximumChargeCurrent,
        Core.SupplyState == Supply.DisabledDiagnostics,
        Core.FaultState);
}
