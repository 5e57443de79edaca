using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Metering;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Hardware.Station;

// One step of the control loop.
public sealed partial class EvseStation
{
    private DateTimeOffset nextMeterRead;
    private int measuredMilliamps;
    private bool meterFailed;
    private bool overTemperature;
    private bool loopFailed;
    private byte? reportedSoc;
    private bool socReported;

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
        ObjectDisposedException.ThrowIf(disposed, this);
        try
        {
            ApplySupply();
            StepPlant();
            hardware.Poll();
            ApplySensorFaults();
            SuperviseProximityPilot();
            if (clock.GetUtcNow() >= nextMeterRead)
            {
                nextMeterRead = clock.GetUtcNow() + Options.MeterInterval;
                await ReadMeterAsync(cancellationToken).ConfigureAwait(false);
            }

            ReportStateOfCharge();
            if (loopFailed)
            {
                loopFailed = false;
                ChargePoint.ClearFault(FaultKind.Other);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not ObjectDisposedException)
        {
            log.LogError(e, "Control loop step failed; holding the charge point in fault");
            loopFailed = true;
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
            var outputs = ChargePoint.Outputs;
            estimate.Update(Options.NominalVolts, outputs.ContactorClosed ? outputs.OfferedCurrentMilliamps / 1000.0 : 0);
        }
    }

    private void ApplySensorFaults()
    {
        if (faultSensors is null)
        {
            return;
        }

        var readings = faultSensors.Read();
        // The trip a running self-test causes is expected; a failed self-test holds GroundFault until one passes.
        var testing = StepSelfTest(readings.ResidualCurrentTripped);
        var residualCurrent = readings.ResidualCurrentTripped && !testing;
        SetExternalFault(FaultKind.GroundFault, residualCurrent || readings.ProtectiveEarthMissing || rcdSelfTestFailed);
        SetExternalFault(FaultKind.EmergencyStop, readings.EmergencyStopPressed);
        var hot = readings.TemperatureCelsius is double t
            && (t >= Options.OverTemperatureCelsius || (overTemperature && t > Options.OverTemperatureCelsius - Options.OverTemperatureHysteresisCelsius));
        if (hot != overTemperature)
        {
            overTemperature = hot;
            SetExternalFault(FaultKind.OverTemperature, hot);
        }
    }

    private void SetExternalFault(FaultKind kind, bool active)
    {
        // Raise and clear are idempotent in the charge point, so the level can be applied every step.
        if (active)
        {
            ChargePoint.RaiseFault(kind);
        }
        else
        {
            ChargePoint.ClearFault(kind);
        }
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
            if (!meterFailed)
            {
                log.LogWarning(e, "Energy meter failed");
            }

            Volatile.Write(ref meterFailed, true);
            ChargePoint.RaiseFault(FaultKind.MeterFailure);
            PublishMeterUnavailable();
            return;
        }

        if (meterFailed)
        {
            log.LogInformation("Energy meter answers again");
            Volatile.Write(ref meterFailed, false);
            ChargePoint.ClearFault(FaultKind.MeterFailure);
        }

        var milliamps = (int)Math.Min(reading.CurrentAmps * 1000.0, int.MaxValue);
        Volatile.Write(ref measuredMilliamps, milliamps);
        ChargePoint.ObserveMeasuredCurrent(milliamps);
        // kWh to the cluster's mWh; exported energy (V2X discharge) feeds SessionEnergyDischarged.
        Device.Controller.UpdateMeter(ToMilliwattHours(reading.ImportedEnergyKilowattHours), ToMilliwattHours(reading.ExportedEnergyKilowattHours));
        PublishMeterReading(reading);
    }

    private static bool IsCount(double value) => double.IsFinite(value) && value >= 0;

    private static long ToMilliwattHours(double kilowattHours) => (long)Math.Min(kilowattHours * 1e6, long.MaxValue);

    private void ReportStateOfCharge()
    {
        if (Plant is not { } plant)
        {
            return;
        }

        var battery = plant.Battery;
        var soc = battery?.StateOfChargePercent;
        if (socReported && soc == reportedSoc)
        {
            return;
        }

        socReported = true;
        reportedSoc = soc;
        Device.Controller.SetStateOfCharge(soc, battery?.CapacityMilliwattHours);
    }
}
