using System;

namespace MatterGen.Evse.Tests.Hostile.Fuzzing;

/// <summary>What a peer can ask of a cluster at the invoke/write/read layer.</summary>
public enum PeerOperationKind
{
    /// <summary>Invoke a command with fields.</summary>
    Invoke,

    /// <summary>Write an attribute with a value.</summary>
    Write,

    /// <summary>Read an attribute.</summary>
    Read,

    /// <summary>Read the events from a number on.</summary>
    ReadEvents,
}

/// <summary>Where an operation's payload came from.</summary>
public enum PayloadOrigin
{
    /// <summary>Well-formed, with fields drawn from the schema's types (in range or not).</summary>
    Valid,

    /// <summary>A valid payload with a few bytes flipped, inserted, removed or cut.</summary>
    Mutated,

    /// <summary>Random bytes.</summary>
    Random,

    /// <summary>A repeat of an operation the device accepted.</summary>
    Burst,
}

/// <summary>One operation of a hostile peer; its text is enough to replay it.</summary>
/// <param name="Kind">Invoke, write, read or event read.</param>
/// <param name="Id">The command or attribute id (the first event number for <see cref="PeerOperationKind.ReadEvents"/>).</param>
/// <param name="Payload">The command fields or the written value as TLV bytes.</param>
/// <param name="Timed">Whether the peer sends it as a timed interaction.</param>
/// <param name="Origin">How the payload was made.</param>
public sealed record PeerOperation(PeerOperationKind Kind, ulong Id, byte[] Payload, bool Timed, PayloadOrigin Origin)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind} 0x{Id:X4} {Convert.ToHexString(Payload)} timed={Timed} ({Origin})";
}
