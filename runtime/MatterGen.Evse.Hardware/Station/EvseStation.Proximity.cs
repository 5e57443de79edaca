using System.Threading;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Pilot;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Hardware.Station;

// Proximity-pilot supervision during a session. On a Type 2 socket PP is the shortest pin: a plug being pulled, or a
// broken PP wire, opens PP while the control pilot still shows the EV, so the contactor must open before the power
// pins part.
public sealed partial class EvseStation
{
    /// <summary>Consecutive readings without a valid cable that mean PP is lost: one noisy ADC sample must not trip.</summary>
    private const int ProximityLossReadings = 2;

    // Written by charge-point events (which may run on the charge point's timer thread), read by the loop.
    private int proximitySession;
    private int proximityCableAtPlugIn;

    // Loop thread only.
    private int proximitySupervisedSession;
    private int proximityBadReadings;
    private bool proximityLost;

    /// <summary>Starts supervising PP for the session just plugged in, if the cable read valid at plug-in.</summary>
    /// <param name="cableAtPlugIn">True when the plug-in reading was a cable with a known rating.</param>
    private void BeginProximitySession(bool cableAtPlugIn)
    {
        Volatile.Write(ref proximityCableAtPlugIn, cableAtPlugIn ? 1 : 0);
        Interlocked.Increment(ref proximitySession);
    }

    /// <summary>Ends PP supervision when the EV is unplugged; the loop clears a latched loss at its next step.</summary>
    private void EndProximitySession()
    {
        Volatile.Write(ref proximityCableAtPlugIn, 0);
        Interlocked.Increment(ref proximitySession);
    }

    /// <summary>
    /// One loop step of PP supervision: while a cable that read valid at plug-in has an EV on the pilot, reads PP;
    /// two consecutive readings without a valid cable raise <see cref="FaultKind.EVDisconnected"/> (the charge point
    /// opens the contactor in that call), latched until the EV is unplugged. A read that throws fails the step.
    /// </summary>
    private void SuperviseProximityPilot()
    {
        if (proximityPilot is null)
        {
            return;
        }

        var connected = ChargePoint.EvState != PilotState.A;
        var session = Volatile.Read(ref proximitySession);
        if (session != proximitySupervisedSession || !connected)
        {
            // A new plug-in or an unplug (seen as the event or as state A) ends the previous session's supervision.
            proximitySupervisedSession = session;
            ResetProximityLoss();
        }

        if (!connected || proximityLost || Volatile.Read(ref proximityCableAtPlugIn) == 0)
        {
            return;
        }

        var pp = proximityPilot.Read();
        if (pp.State == ProximityState.Cable)
        {
            proximityBadReadings = 0;
            return;
        }

        if (++proximityBadReadings < ProximityLossReadings)
        {
            return;
        }

        proximityLost = true;
        log.LogError("Proximity pilot lost with an EV connected: reads {State} ({Ohms} Ω); EVDisconnected until the EV is unplugged", pp.State, pp.Ohms);
        ChargePoint.RaiseFault(FaultKind.EVDisconnected);
    }

    private void ResetProximityLoss()
    {
        proximityBadReadings = 0;
        if (!proximityLost)
        {
            return;
        }

        proximityLost = false;
        log.LogInformation("EV unplugged: proximity-pilot loss cleared");
        ChargePoint.ClearFault(FaultKind.EVDisconnected);
    }
}
