using System;
using MatterGen.Evse.Hardware.Sensors;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Hardware.Station;

// The RCD/GFCI self-test: at start-up and on every plug-in, before the contactor first closes.
public sealed partial class EvseStation
{
    private readonly ResidualCurrentSelfTest? rcdTest;
    private bool rcdTestRequested;
    private bool diagnosticsRunning;
    private bool rcdSelfTestFailed;
    private DateTimeOffset rcdRetryAt;

    /// <summary>Where the RCD self-test stands; <see cref="ResidualCurrentSelfTestState.NotRun"/> when the sensors have no test output or it is disabled.</summary>
    public ResidualCurrentSelfTestState ResidualCurrentSelfTest => rcdTest?.State ?? ResidualCurrentSelfTestState.NotRun;

    /// <summary>Why the last RCD self-test failed, or null.</summary>
    public string? ResidualCurrentSelfTestFailure => rcdTest?.FailureReason;

    private static ResidualCurrentSelfTest? CreateSelfTest(EvseStationOptions options, IFaultSensors? sensors, TimeProvider time) =>
        options.ResidualCurrentSelfTest.Enabled && sensors is IResidualCurrentSelfTestable { CanSelfTestResidualCurrent: true } testable
            ? new ResidualCurrentSelfTest(testable, options.ResidualCurrentSelfTest, time)
            : null;

    /// <summary>
    /// StartDiagnostics from a client: the RCD self-test is the charger's diagnostic; when it ends (passed, or failed
    /// and shown as GroundFault) the device is told diagnostics are complete and SupplyState returns to Disabled.
    /// </summary>
    private void StartDiagnostics()
    {
        if (diagnosticsRunning)
        {
            return;
        }

        if (rcdTest is null)
        {
            // Nothing to test on this hardware: diagnostics end at once.
            Device.Controller.DiagnosticsComplete();
            return;
        }

        diagnosticsRunning = true;
        RequestSelfTest();
    }

    private void EndDiagnostics()
    {
        if (!diagnosticsRunning)
        {
            return;
        }

        diagnosticsRunning = false;
        Device.Controller.DiagnosticsComplete();
    }

    /// <summary>Holds the contactor open and asks the loop for a self-test (start-up, plug-in).</summary>
    private void RequestSelfTest()
    {
        if (rcdTest is null)
        {
            return;
        }

        rcdTestRequested = true;
        ChargePoint.HoldContactorOpen(true);
    }

    /// <summary>Starts a requested or due test, or advances the running one, with this step's trip input.</summary>
    /// <returns>True while a test runs, so its expected trip is not a residual-current fault.</returns>
    private bool StepSelfTest(bool tripped)
    {
        if (rcdTest is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (rcdTest.State != ResidualCurrentSelfTestState.Running)
        {
            var retryDue = rcdSelfTestFailed && now >= rcdRetryAt;
            if (!rcdTestRequested && !retryDue)
            {
                return false;
            }

            rcdTestRequested = false;
            ChargePoint.HoldContactorOpen(true);
            rcdTest.Start(tripped);
            // The input read this step predates the test current; the next step judges it.
            if (rcdTest.State == ResidualCurrentSelfTestState.Running)
            {
                return true;
            }
        }
        else
        {
            rcdTest.Step(tripped);
        }

        switch (rcdTest.State)
        {
            case ResidualCurrentSelfTestState.Passed:
                if (rcdSelfTestFailed)
                {
                    log.LogInformation("RCD self-test passed again");
                }

                rcdSelfTestFailed = false;
                ChargePoint.HoldContactorOpen(false);
                EndDiagnostics();
                return false;
            case ResidualCurrentSelfTestState.Failed:
                log.LogError("RCD self-test failed: {Reason}; GroundFault until a later test passes", rcdTest.FailureReason);
                rcdSelfTestFailed = true;
                rcdRetryAt = now + Options.ResidualCurrentSelfTest.RetryInterval;
                EndDiagnostics();
                return false;
            default:
                return true;
        }
    }
}
