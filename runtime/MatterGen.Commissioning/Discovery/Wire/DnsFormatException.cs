using System;

namespace MatterGen.Commissioning.Discovery.Wire;

/// <summary>A DNS message that breaks the wire format (truncated, a bad name, a compression loop, too many entries).</summary>
public sealed class DnsFormatException : FormatException
{
    /// <summary>Creates the exception with what was wrong.</summary>
    public DnsFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public DnsFormatException()
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DnsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
