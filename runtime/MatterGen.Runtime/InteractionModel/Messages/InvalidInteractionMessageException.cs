using System;
using MatterGen.Interaction;

namespace MatterGen.InteractionModel.Messages;

/// <summary>
/// An Interaction Model message that does not follow its schema: the receiver answers with
/// <see cref="Status"/> (INVALID_ACTION unless said otherwise) and ends the exchange.
/// </summary>
public sealed class InvalidInteractionMessageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidInteractionMessageException(string message, MatterStatus status = MatterStatus.InvalidAction, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
    }

    /// <summary>The status the receiver answers with.</summary>
    public MatterStatus Status { get; }
}
