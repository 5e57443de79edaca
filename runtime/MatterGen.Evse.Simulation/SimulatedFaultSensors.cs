using System;
using MatterGen.Evse.Hardware.Sensors;

namespace MatterGen.Evse.Simulation;

/// <summary>
/// Fault inputs set by a test or a simulator UI, with an RCD whose self-test can pass or fail
/// (<see cref="RcdBehaviour"/>). Thread-safe.
/// </summary>
public sealed class SimulatedFaultSensors : IFaultSensors, IResidualCurrentSelfTestable
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private bool _residualCurrent;
    private bool _earthMissing;
    private bool _emergencyStop;
    private double _temperature = 25.0;
    private DateTimeOffset? _testInjectedAt;
    private bool _stuckTripped;
    private SimulatedRcdBehaviour _behaviour;
    private TimeSpan _tripDelay;
    private int _selfTests;

    /// <summary>Creates the sensors: all clear, 25 °C, a healthy RCD.</summary>
    /// <param name="time">The clock for <see cref="TestTripDelay"/>; the system clock when null.</param>
    public SimulatedFaultSensors(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>The RCD trips (residual current flows).</summary>
    public bool ResidualCurrentTripped { get { lock (_gate) return _residualCurrent; } set { lock (_gate) _residualCurrent = value; } }

    /// <summary>The protective earth goes missing.</summary>
    public bool ProtectiveEarthMissing { get { lock (_gate) return _earthMissing; } set { lock (_gate) _earthMissing = value; } }

    /// <summary>The emergency stop is pressed.</summary>
    public bool EmergencyStopPressed { get { lock (_gate) return _emergencyStop; } set { lock (_gate) _emergencyStop = value; } }

    /// <summary>The charger's temperature, °C.</summary>
    public double TemperatureCelsius { get { lock (_gate) return _temperature; } set { lock (_gate) _temperature = value; } }

    /// <summary>How the RCD answers the test current.</summary>
    public SimulatedRcdBehaviour RcdBehaviour { get { lock (_gate) return _behaviour; } set { lock (_gate) { _behaviour = value; _stuckTripped = false; } } }

    /// <summary>How long after the test current is injected the healthy RCD trips.</summary>
    public TimeSpan TestTripDelay { get { lock (_gate) return _tripDelay; } set { lock (_gate) _tripDelay = value; } }

    /// <summary>True while the test current is injected.</summary>
    public bool TestCurrentInjected { get { lock (_gate) return _testInjectedAt is not null; } }

    /// <summary>How many times the test current has been injected.</summary>
    public int SelfTestCount { get { lock (_gate) return _selfTests; } }

    /// <inheritdoc />
    public bool CanSelfTestResidualCurrent => true;

    /// <inheritdoc />
    public void SetResidualCurrentTest(bool inject)
    {
        lock (_gate)
        {
            if (inject == _testInjectedAt is not null) return;
            if (inject)
            {
                _selfTests++;
                _testInjectedAt = _time.GetUtcNow();
                return;
            }

            if (_behaviour == SimulatedRcdBehaviour.DoesNotClear && TestTripped()) _stuckTripped = true;
            _testInjectedAt = null;
        }
    }

    /// <inheritdoc />
    public FaultSensorReadings Read()
    {
        lock (_gate)
        {
            return new(_residualCurrent || _stuckTripped || TestTripped(), _earthMissing, _emergencyStop, _temperature);
        }
    }

    private bool TestTripped() =>
        _testInjectedAt is DateTimeOffset at && _behaviour != SimulatedRcdBehaviour.DoesNotTrip && _time.GetUtcNow() - at >= _tripDelay;
}
