using System;

namespace MatterGen.Evse.Hardware.Metering;

/// <summary>Base class of the errors the Modbus client reports.</summary>
public class ModbusException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public ModbusException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}

/// <summary>The server answered with an exception response.</summary>
public sealed class ModbusExceptionResponseException : ModbusException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="function">The function code of the request.</param>
    /// <param name="code">The exception code returned (possibly one not in <see cref="ModbusExceptionCode"/>).</param>
    public ModbusExceptionResponseException(byte function, ModbusExceptionCode code)
        : base($"Modbus exception response to function 0x{function:X2}: {code} (0x{(byte)code:X2}).")
    {
        Function = function;
        Code = code;
    }

    /// <summary>The function code of the request.</summary>
    public byte Function { get; }

    /// <summary>The exception code.</summary>
    public ModbusExceptionCode Code { get; }
}

/// <summary>No valid response after every attempt: timeouts, CRC errors or malformed frames.</summary>
public sealed class ModbusCommunicationException : ModbusException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="attempts">How many requests were sent.</param>
    /// <param name="lastError">The error of the last attempt.</param>
    public ModbusCommunicationException(int attempts, Exception lastError)
        : base($"No valid Modbus response after {attempts} attempt(s): {lastError.Message}", lastError)
    {
        Attempts = attempts;
    }

    /// <summary>How many requests were sent.</summary>
    public int Attempts { get; }
}

/// <summary>One response that could not be used (bad CRC, wrong address or function, wrong length).</summary>
public sealed class ModbusFrameException : ModbusException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong with the frame.</param>
    public ModbusFrameException(string message) : base(message)
    {
    }
}
