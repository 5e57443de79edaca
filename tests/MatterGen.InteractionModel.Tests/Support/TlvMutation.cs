using System;
using CsCheck;

namespace MatterGen.InteractionModel.Tests.Support;

/// <summary>
/// A random damage to an encoded message: a flipped bit, a cut, an inserted byte, or an overwritten byte
/// (which, on a length prefix or a control byte, corrupts a length or a width).
/// </summary>
internal readonly record struct TlvMutation(TlvMutation.Kind What, int Position, byte Value)
{
    /// <summary>Mutations of every kind at any position.</summary>
    public static readonly Gen<TlvMutation> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 3], CsCheck.Gen.Int[0, int.MaxValue], CsCheck.Gen.Byte, (kind, position, value) => new TlvMutation((Kind)kind, position, value));

    /// <summary>The kinds of damage.</summary>
    public enum Kind
    {
        /// <summary>One bit flipped (Value selects which).</summary>
        FlipBit,

        /// <summary>The message cut short.</summary>
        Truncate,

        /// <summary>A byte inserted.</summary>
        Insert,

        /// <summary>A byte replaced with Value.</summary>
        Overwrite,
    }

    /// <summary>A damaged copy of <paramref name="message"/>.</summary>
    public byte[] Apply(byte[] message)
    {
        if (message.Length == 0)
        {
            return [Value];
        }

        var at = Position % message.Length;
        switch (What)
        {
            case Kind.FlipBit:
            {
                var copy = (byte[])message.Clone();
                copy[at] ^= (byte)(1 << (Value & 7));
                return copy;
            }

            case Kind.Truncate:
                return message[..at];
            case Kind.Insert:
            {
                var longer = new byte[message.Length + 1];
                message.AsSpan(0, at).CopyTo(longer);
                longer[at] = Value;
                message.AsSpan(at).CopyTo(longer.AsSpan(at + 1));
                return longer;
            }

            default:
            {
                var copy = (byte[])message.Clone();
                copy[at] = Value;
                return copy;
            }
        }
    }
}
