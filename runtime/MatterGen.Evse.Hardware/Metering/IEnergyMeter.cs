using System.Threading;
using System.Threading.Tasks;

namespace MatterGen.Evse.Hardware.Metering;

/// <summary>A source of voltage, current, power and energy readings.</summary>
public interface IEnergyMeter
{
    /// <summary>Takes one reading.</summary>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <exception cref="MeterFailureException">The meter could not be read; report <c>FaultKind.MeterFailure</c>.</exception>
    ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken = default);
}
