using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Metering;
using MatterGen.Evse.Hardware.Sensors;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Hardware.Station;

// One step of the control loop.
public sealed partial class EvseStation
{
    private DateTimeOffset _nextMeterRead;
    private int _measuredMilliamps;
    private bool _meterFailed;
    private bool _overTemperature;
    private bool _loopFailed;
    private byte? _reportedSoc;
    private bool _socReported;

    /// <summary>
    /// Runs one control-loop step: applies the device's decision to the supply, advances the plant (a simulation), samples the
    /// pilot into the charge point (which applies its outputs to the pins at once), checks the contactor feedback
    /// and fault sensors, supervises the proximity pilot, and reads the meter when due. An unexpected error in a step
    /// raises FaultState Other (the contactor opens) and is logged; the next good step clears it.
    /// </summary>
    /// <param name="cancellationToken">Cancels a meter read in progress.</param>
    /// <exception cref="ObjectDisposedException">The station is disposed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public async ValueTask TickAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            ApplySupply();
            StepPlant();
            _hardware.Poll();
            ApplySensorFaults();
            SuperviseProximityPilot();
            if (_time.GetUtcNow() >= _nextMeterRead)
            {
                _nextMeterRead = _time.GetUtcNow() + Options.MeterInterval;
                await ReadMeterAsync(cancellationToken).ConfigureAwait(false);
            }

            ReportStateOfCharge();
            if (_loopFailed)
            {
                _loopFailed = false;
                ChargePoint.ClearFault(FaultKind.Other);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not ObjectDisposedException)
        {
            _logger.LogError(e, "Control loop step failed; holding the charge point in fault");
            _loopFailed = true;
            ChargePoint.RaiseFault(FaultKind.Other);
        }
    }

    private void StepPlant()
    {
        if (Plant is { } plant)
        {
            plant.Step();
        }
        else if (Meter is IntegratingEnergyMeter estimate)
        {
            ChargePointOutputs outputs = ChargePoint.Outputs;
            estimate.Update(Options.NominalVolts, outputs.ContactorClosed ? outputs.OfferedCurrentMilliamps / 1000.0 : 0);
        }
    }

    private void ApplySensorFaults()
    {
        if (_faultSensors is null) return;
        FaultSensorReadings readings = _faultSensors.Read();
        // The trip a running self-test causes is expected; a failed self-test holds GroundFault until one passes.
        bool testing = StepSelfTest(readings.ResidualCurrentTripped);
        bool residualCurrent = readings.ResidualCurrentTripped && !testing;
        SetExternalFault(FaultKind.GroundFault, residualCurrent || readings.ProtectiveEarthMissing || _rcdSelfTestFailed);
        SetExternalFault(FaultKind.EmergencyStop, readings.EmergencyStopPressed);
        bool hot = readings.TemperatureCelsius is double t
            && (t >= Options.OverTemperatureCelsius || (_overTemperature && t > Options.OverTemperatureCelsius - Options.OverTemperatureHysteresisCelsius));
        if (hot != _overTemperature)
        {
            _overTemperature = hot;
            SetExternalFault(FaultKind.OverTemperature, hot);
        }
    }

    private void SetExternalFault(FaultKind kind, bool active)
    {
        // Raise and clear are idempotent in the charge point, so the level can be applied every step.
        if (active) ChargePoint.RaiseFault(kind);
        else ChargePoint.ClearFault(kind);
    }

    private async ValueTask ReadMeterAsync(CancellationToken cancellationToken)
    {
        MeterReading reading;
        try
        {
            reading = await Meter.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (!IsCount(reading.CurrentAmps) || !IsCount(reading.ImportedEnergyKilowattHours) || !IsCount(reading.ExportedEnergyKilowattHours))
            {
                throw new MeterFailureException("The meter answered with an impossible value.", new FormatException($"{reading.CurrentAmps} A, {reading.ImportedEnergyKilowattHours} kWh imported, {reading.ExportedEnergyKilowattHours} kWh exported"));
            }
        }
        catch (MeterFailureException e)
        {
            if (!_meterFailed) _logger.LogWarning(e, "Energy meter failed");
            Volatile.Write(ref _meterFailed, true);
            ChargePoint.RaiseFault(FaultKind.MeterFailure);
            PublishMeterUnavailable();
            return;
        }

        if (_meterFailed)
        {
            _logger.LogInformation("Energy meter answers again");
            Volatile.Write(ref _meterFailed, false);
            ChargePoint.ClearFault(FaultKind.MeterFailure);
        }

        int milliamps = (int)Math.Min(reading.CurrentAmps * 1000.0, int.MaxValue);
        Volatile.Write(ref _measuredMilliamps, milliamps);
        ChargePoint.ObserveMeasuredCurrent(milliamps);
        // kWh to the cluster's mWh; exported energy (V2X discharge) feeds SessionEnergyDischarged.
        Device.Controller.UpdateMeter(ToMilliwattHours(reading.ImportedEnergyKilowattHours), ToMilliwattHours(reading.ExportedEnergyKilowattHours));
        PublishMeterReading(reading);
    }

    private static bool IsCount(double value) => double.IsFinite(value) && value >= 0;

    private static long ToMilliwattHours(double kilowattHours) => (long)Math.Min(kilowattHours * 1e6, long.MaxValue);

    private void ReportStateOfCharge()
    {
        if (Plant is not { } plant) return;
        VehicleBattery? battery = plant.Battery;
        byte? soc = battery?.StateOfChargePercent;
        if (_socReported && soc == _reportedSoc) return;
        _socReported = true;
        _reportedSoc = soc;
        Device.Controller.SetStateOfCharge(soc, battery?.CapacityMilliwattHours);
    }
}
