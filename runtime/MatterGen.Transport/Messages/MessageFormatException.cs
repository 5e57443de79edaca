using System;

namespace MatterGen.Transport.Messages;

/// <summary>
/// A datagram that is not a well-formed Matter message (Core Specification 4.4): too short, an unsupported version,
/// an extension longer than the datagram, an invalid flag combination. The message codec throws nothing else for
/// bad input, and the receive path drops the datagram.
/// </summary>
public sealed class MessageFormatException : Exception
{
    /// <summary>Creates the exception with a description of what is wrong.</summary>
    public MessageFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a description and the codec error that caused it.</summary>
    public MessageFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
