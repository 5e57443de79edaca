using System;
using System.Threading;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Device;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Pilot;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Hardware.Station;

// The glue between the two state machines: charge-point events into the device's inputs, the device's decision
// into the charge point.
public sealed partial class EvseStation
{
    private int supplyChanged = 1;
    private EvseSupplyDecision latestDecision;
    private (bool Enabled, int Limit)? appliedSupply;

    private void OnDecisionChanged(EvseSupplyDecision decision)
    {
        // Runs under the device's lock: only note it; the loop applies it (see the class remarks).
        Volatile.Write(ref latestDecision, decision);
        Volatile.Write(ref supplyChanged, 1);
    }

    /// <summary>Gives the charge point the device's latest decision, if it changed.</summary>
    private void ApplySupply()
    {
        if (Interlocked.Exchange(ref supplyChanged, 0) == 0)
        {
            return;
        }

        var decision = Volatile.Read(ref latestDecision);
        if (decision.DiagnosticsRequested)
        {
            StartDiagnostics();
        }

        var supply = (decision.SupplyEnabled, (int)Math.Clamp(decision.OfferedCurrentMilliamps, 0, int.MaxValue));
        if (appliedSupply == supply)
        {
            return;
        }

        appliedSupply = supply;
        if (supply.SupplyEnabled)
        {
            ChargePoint.EnableSupply(supply.Item2);
        }
        else
        {
            ChargePoint.DisableSupply();
        }

        log.LogInformation("Supply {State}, limit {Limit} mA", supply.SupplyEnabled ? "enabled" : "disabled", supply.Item2);
    }

    private void OnChargePointEvent(object? sender, ChargePointEvent e)
    {
        var device = Device.Controller;
        switch (e.Kind)
        {
            case ChargePointEventKind.PluggedIn:
                // The contactor waits for this session's RCD self-test, which the loop starts at its next step.
                RequestSelfTest();
                if (Options.CableAssemblyLimitMilliamps is long cable)
                {
                    device.SetCableAssemblyLimit(cable);
                }
                else if (proximityPilot is not null)
                {
                    ApplyProximityPilot(device);
                }

                device.SetHardwareState(HardwareState.PluggedInNoDemand);
                break;
            case ChargePointEventKind.Demand:
                device.SetHardwareState(HardwareState.PluggedInDemand);
                break;
            case ChargePointEventKind.NoDemand:
                device.SetHardwareState(HardwareState.PluggedInNoDemand);
                break;
            case ChargePointEventKind.Unplugged:
                device.SetHardwareState(HardwareState.NotPluggedIn);
                EndProximitySession();
                break;
            default:
                ReportFaults();
                break;
        }

        log.LogDebug("Charge point: {Kind} {Fault}", e.Kind, e.Fault);
    }

    /// <summary>
    /// Reads the cable's PP resistor into the cable assembly limit. An open or invalid PP with an EV on the pilot gives
    /// 0 A (no offer): the cable's rating is unknown; PP is then not supervised in this session (a valid cable is, see
    /// <see cref="SuperviseProximityPilot"/>). The new limit reaches the charge point in this same call, so the
    /// offer never exceeds the new cable's rating, not even for one loop step.
    /// </summary>
    private void ApplyProximityPilot(EnergyEvseController device)
    {
        var pp = proximityPilot!.Read();
        var limit = pp.RatingMilliamps ?? 0;
        if (pp.State != ProximityState.Cable)
        {
            log.LogWarning("Proximity pilot reads {State} ({Ohms} Ω): offering no current", pp.State, pp.Ohms);
        }
        else
        {
            log.LogInformation("Cable assembly rated {Limit} mA ({Ohms} Ω)", limit, pp.Ohms);
        }

        BeginProximitySession(pp.State == ProximityState.Cable);
        device.SetCableAssemblyLimit(limit);
        Volatile.Write(ref supplyChanged, 1);
        ApplySupply();
    }

    /// <summary>Shows the charge point's faults on the cluster: the current one while it lasts, else the oldest.</summary>
    private void ReportFaults()
    {
        var faults = ChargePoint.ActiveFaults;
        var shown = Device.Controller.Decision.Fault;
        if (faults.Count == 0)
        {
            if (shown != EnergyEVSE.FaultStateEnum.NoError)
            {
                Device.Controller.ClearFault();
            }

            return;
        }

        foreach (var fault in faults)
        {
            if (FaultMapping.ToFaultState(fault.Kind) == shown)
            {
                return;
            }
        }

        Device.Controller.RaiseFault(FaultMapping.ToFaultState(faults[0].Kind));
    }
}
