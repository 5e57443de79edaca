using System;
using MatterGen.Evse.Hardware.Control;

namespace MatterGen.Evse.Hardware.Metering;

/// <summary>The meter could not be read; the charge point should raise <see cref="FaultKind.MeterFailure"/>.</summary>
public sealed class MeterFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="inner">The underlying communication error.</param>
    public MeterFailureException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>The fault to raise: always <see cref="FaultKind.MeterFailure"/>.</summary>
    public FaultKind Fault => FaultKind.MeterFailure;
}
