using System;
using MatterGen.Evse.Hardware.Sensors;

namespace MatterGen.Evse.Simulation;

/// <summary>
/// Fault inputs set by a test or a simulator UI, with an RCD whose self-test can pass or fail
/// (<see cref="RcdBehaviour"/>). Thread-safe.
/// </summary>
public sealed class SimulatedFaultSensors : IFaultSensors, IResidualCurrentSelfTestable
{
    private readonly object gate = new();
    private readonly TimeProvider clock;
    private bool residualCurrent;
    private bool earthMissing;
    private bool emergencyStop;
    private double temperature = 25.0;
    private DateTimeOffset? testInjectedAt;
    private bool stuckTripped;
    private SimulatedRcdBehaviour behaviour;
    private TimeSpan tripDelay;
    private int selfTests;

    /// <summary>Creates the sensors: all clear, 25 °C, a healthy RCD.</summary>
    /// <param name="time">The clock for <see cref="TestTripDelay"/>; the system clock when null.</param>
    public SimulatedFaultSensors(TimeProvider? time = null) => clock = time ?? TimeProvider.System;

    /// <summary>The RCD trips (residual current flows).</summary>
    public bool ResidualCurrentTripped { get { lock (gate) { return residualCurrent; } } set { lock (gate) { residualCurrent = value; } } }

    /// <summary>The protective earth goes missing.</summary>
    public bool ProtectiveEarthMissing { get { lock (gate) { return earthMissing; } } set { lock (gate) { earthMissing = value; } } }

    /// <summary>The emergency stop is pressed.</summary>
    public bool EmergencyStopPressed { get { lock (gate) { return emergencyStop; } } set { lock (gate) { emergencyStop = value; } } }

    /// <summary>The charger's temperature, °C.</summary>
    public double TemperatureCelsius { get { lock (gate) { return temperature; } } set { lock (gate) { temperature = value; } } }

    /// <summary>How the RCD answers the test current.</summary>
    public SimulatedRcdBehaviour RcdBehaviour { get { lock (gate) { return behaviour; } } set { lock (gate) { behaviour = value; stuckTripped = false; } } }

    /// <summary>How long after the test current is injected the healthy RCD trips.</summary>
    public TimeSpan TestTripDelay { get { lock (gate) { return tripDelay; } } set { lock (gate) { tripDelay = value; } } }

    /// <summary>True while the test current is injected.</summary>
    public bool TestCurrentInjected { get { lock (gate) { return testInjectedAt is not null; } } }

    /// <summary>How many times the test current has been injected.</summary>
    public int SelfTestCount { get { lock (gate) { return selfTests; } } }

    /// <inheritdoc />
    public bool CanSelfTestResidualCurrent => true;

    /// <inheritdoc />
    public void SetResidualCurrentTest(bool inject)
    {
        lock (gate)
        {
            if (inject == testInjectedAt is not null)
            {
                return;
            }

            if (inject)
            {
                selfTests++;
                testInjectedAt = clock.GetUtcNow();
                return;
            }

            if (behaviour == SimulatedRcdBehaviour.DoesNotClear && TestTripped())
            {
                stuckTripped = true;
            }

            testInjectedAt = null;
        }
    }

    /// <inheritdoc />
    public FaultSensorReadings Read()
    {
        lock (gate)
        {
            return new(residualCurrent || stuckTripped || TestTripped(), earthMissing, emergencyStop, temperature);
        }
    }

    private bool TestTripped() =>
        testInjectedAt is DateTimeOffset at && behaviour != SimulatedRcdBehaviour.DoesNotTrip && clock.GetUtcNow() - at >= tripDelay;
}
