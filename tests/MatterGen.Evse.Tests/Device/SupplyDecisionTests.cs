using System.Collections.Generic;
using System.Threading.Tasks;
using MatterGen.Evse.Device;
using MatterGen.Evse.Tests.Certification;
using MatterGen.Evse.Tests.Hostile;
using MatterGen.Interaction;
using Xunit;
using Fault = MatterGen.Evse.Clusters.EnergyEVSE.FaultStateEnum;

namespace MatterGen.Evse.Tests.Device;

/// <summary>
/// The controller's output to the hardware: the decision it publishes once a change stands, so a station can drive
/// the pins without reading the cluster's attributes.
/// </summary>
public sealed class SupplyDecisionTests
{
    [Fact]
    public async Task A_committed_enable_publishes_one_decision_with_the_offered_current()
    {
        using var bed = new EvseTestBed();
        var published = new List<EvseSupplyDecision>();
        bed.Controller.DecisionChanged += published.Add;
        Assert.Equal(new EvseSupplyDecision(false, 0, false, Fault.NoError), bed.Controller.Decision);

        await bed.EnableChargingAsync(null, 6000, 16000);

        var enabled = new EvseSupplyDecision(true, 16000, false, Fault.NoError);
        Assert.Equal([enabled], published);
        Assert.Equal(enabled, bed.Controller.Decision);
    }

    [Fact]
    public async Task A_command_that_fails_to_commit_publishes_nothing()
    {
        var plan = new FaultPlan();
        using var bed = new EvseTestBed(store: new FaultyStore(plan));
        var published = new List<EvseSupplyDecision>();
        bed.Controller.DecisionChanged += published.Add;
        var before = bed.Controller.Decision;

        // EnableCharging changes non-volatile attributes, so saving them is part of its commit: that save fails.
        plan.ArmOn("store save");
        await Assert.ThrowsAsync<MatterStatusException>(async () => await bed.EnableChargingAsync(null, 6000, 16000));
        plan.Disarm();

        Assert.Empty(published);
        Assert.Equal(before, bed.Controller.Decision);
    }

    [Fact]
    public async Task A_fault_and_its_clearing_are_published_at_once_and_restore_the_supply()
    {
        using var bed = new EvseTestBed();
        await bed.EnableChargingAsync(null, 6000, 16000);
        var published = new List<EvseSupplyDecision>();
        bed.Controller.DecisionChanged += published.Add;

        Assert.Equal(MatterStatus.Success, bed.Controller.RaiseFault(Fault.GroundFault));
        Assert.Equal(new EvseSupplyDecision(false, 16000, false, Fault.GroundFault), Assert.Single(published));

        Assert.Equal(MatterStatus.Success, bed.Controller.ClearFault());
        Assert.Equal(2, published.Count); // one decision per input, never a state half-way through it
        Assert.Equal(new EvseSupplyDecision(true, 16000, false, Fault.NoError), published[1]);
    }
}
