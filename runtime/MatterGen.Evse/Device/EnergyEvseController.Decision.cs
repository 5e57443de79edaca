using System;
using System.Threading;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using Supply = MatterGen.Evse.Clusters.EnergyEVSE.SupplyStateEnum;

namespace MatterGen.Evse.Device;

// The controller's output to the hardware: one typed decision, published when a change to it stands. It follows the
// server's reports (AttributeReported), which a transaction lets out only when it commits, so a command that fails
// half-way never reaches the pins; a hardware input (outside a transaction) publishes once, when it is done.
public sealed partial class EnergyEvseController
{
    private EvseSupplyDecision decision;
    private int decisionHolds;
    private bool decisionDirty;

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
            if (decisionHolds > 0)
            {
                decisionDirty = true;
                return;
            }

            PublishDecision();
        }
    }

    /// <summary>
    /// Takes the device's lock for a hardware input, which changes attributes one by one outside a transaction: the
    /// decision is published once, when the input is done, never from a state half-way through it.
    /// </summary>
    private DecisionHold HoldDecision()
    {
        Monitor.Enter(server.SyncRoot);
        decisionHolds++;
        return new DecisionHold(this);
    }

    private void ReleaseDecision()
    {
        try
        {
            if (--decisionHolds == 0 && decisionDirty)
            {
                decisionDirty = false;
                PublishDecision();
            }
        }
        finally
        {
            Monitor.Exit(server.SyncRoot);
        }
    }

    // Under the lock.
    private void PublishDecision()
    {
        var now = Decide();
        if (now == decision)
        {
            return;
        }

        decision = now;
        DecisionChanged?.Invoke(now);
    }

    private EvseSupplyDecision Decide() => new(
        Core.SupplyState is Supply.ChargingEnabled or Supply.Enabled,
        Core.MaximumChargeCurrent,
        Core.SupplyState == Supply.DisabledDiagnostics,
        Core.FaultState);

    /// <summary>Ends a <see cref="HoldDecision"/>: publishes what changed, then releases the lock.</summary>
    private readonly struct DecisionHold(EnergyEvseController controller) : IDisposable
    {
        public void Dispose() => controller.ReleaseDecision();
    }
}
