using System;
using MatterGen.Tlv;
using MatterGen.Transport.Internal;

namespace MatterGen.Transport.SecureChannel;

/// <summary>PBKDF parameters: iterations and salt (Core Specification 4.14.1.2).</summary>
/// <param name="Iterations">PBKDF2 iterations, 1000 to 100000.</param>
/// <param name="Salt">The salt, 16 to 32 bytes.</param>
public sealed record PbkdfParameters(uint Iterations, byte[] Salt)
{
    /// <summary>The fewest iterations the spec allows.</summary>
    public const uint MinimumIterations = 1000;

    /// <summary>The most iterations the spec allows.</summary>
    public const uint MaximumIterations = 100000;
}

/// <summary>PBKDFParamRequest (opcode 0x20).</summary>
/// <param name="InitiatorRandom">32 random bytes.</param>
/// <param name="InitiatorSessionId">The session id the initiator will receive on.</param>
/// <param name="PasscodeId">Must be 0 (the default passcode).</param>
/// <param name="HasPbkdfParameters">True when the initiator already knows iterations and salt.</param>
/// <param name="SessionParameters">The initiator's session parameters, when sent.</param>
public sealed record PbkdfParamRequest(byte[] InitiatorRandom, ushort InitiatorSessionId, ushort PasscodeId, bool HasPbkdfParameters, SessionParameters? SessionParameters)
{
    /// <summary>Encodes the message.</summary>
    public byte[] Encode() => TlvCoding.Encode((ref TlvWriter writer) =>
    {
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteOctetString(TlvTag.Context(1), InitiatorRandom);
        writer.WriteUnsignedInteger(TlvTag.Context(2), InitiatorSessionId);
        writer.WriteUnsignedInteger(TlvTag.Context(3), PasscodeId);
        writer.WriteBoolean(TlvTag.Context(4), HasPbkdfParameters);
        SessionParameters?.Write(ref writer, TlvTag.Context(5));
        writer.EndContainer();
    });

    /// <summary>Decodes the message; unknown members are skipped.</summary>
    /// <exception cref="TlvException">Malformed, a missing field or one of the wrong size.</exception>
    public static PbkdfParamRequest Decode(ReadOnlySpan<byte> payload)
    {
        var reader = TlvCoding.OpenStructure(payload, nameof(PbkdfParamRequest));
        byte[]? random = null;
        ushort? sessionId = null;
        ushort? passcodeId = null;
        bool? hasParameters = null;
        SessionParameters? parameters = null;
        while (TlvCoding.NextMember(ref reader))
        {
            switch (TlvCoding.ContextTag(reader))
            {
                case 1: random = TlvCoding.FixedOctets(ref reader, 32, "initiatorRandom"); break;
                case 2: sessionId = reader.GetUInt16(); break;
                case 3: passcodeId = reader.GetUInt16(); break;
                case 4: hasParameters = reader.GetBoolean(); break;
                case 5: parameters = SessionParameters.Read(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        reader.ExpectEnd();
        return new PbkdfParamRequest(
            TlvCoding.Required(random, "initiatorRandom", reader),
            TlvCoding.Required(sessionId, "initiatorSessionId", reader),
            TlvCoding.Required(passcodeId, "passcodeId", reader),
            TlvCoding.Required(hasParameters, "hasPBKDFParameters", reader),
            parameters);
    }
}

/// <summary>PBKDFParamResponse (opcode 0x21).</summary>
/// <param name="InitiatorRandom">The request's random, echoed.</param>
/// <param name="ResponderRandom">32 random bytes.</param>
/// <param name="ResponderSessionId">The session id the responder will receive on.</param>
/// <param name="Pbkdf">Iterations and salt, unless the initiator said it has them.</param>
/// <param name="SessionParameters">The responder's session parameters, when sent.</param>
public sealed record PbkdfParamResponse(byte[] InitiatorRandom, byte[] ResponderRandom, ushort ResponderSessionId, PbkdfParameters? Pbkdf, SessionParameters? SessionParameters)
{
    /// <summary>Encodes the message.</summary>
    public byte[] Encode() => TlvCoding.Encode((ref TlvWriter writer) =>
    {
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteOctetString(TlvTag.Context(1), InitiatorRandom);
        writer.WriteOctetString(TlvTag.Context(2), ResponderRandom);
        writer.WriteUnsignedInteger(TlvTag.Context(3), ResponderSessionId);
        if (Pbkdf is not null)
        {
            writer.StartStructure(TlvTag.Context(4));
            writer.WriteUnsignedInteger(TlvTag.Context(1), Pbkdf.Iterations);
            writer.WriteOctetString(TlvTag.Context(2), Pbkdf.Salt);
            writer.EndContainer();
        }

        SessionParameters?.Write(ref writer, TlvTag.Context(5));
        writer.EndContainer();
    });

    /// <summary>Decodes the message; unknown members are skipped.</summary>
    /// <exception cref="TlvException">Malformed, a missing field or one of the wrong size.</exception>
    public static PbkdfParamResponse Decode(ReadOnlySpan<byte> payload)
    {
        var reader = TlvCoding.OpenStructure(payload, nameof(PbkdfParamResponse));
        byte[]? initiatorRandom = null;
        byte[]? responderRandom = null;
        ushort? sessionId = null;
        PbkdfParameters? pbkdf = null;
        SessionParameters? parameters = null;
        while (TlvCoding.NextMember(ref reader))
        {
            switch (TlvCoding.ContextTag(reader))
            {
                case 1: initiatorRandom = TlvCoding.FixedOctets(ref reader, 32, "initiatorRandom"); break;
                case 2: responderRandom = TlvCoding.FixedOctets(ref reader, 32, "responderRandom"); break;
                case 3: sessionId = reader.GetUInt16(); break;
                case 4: pbkdf = ReadPbkdf(ref reader); break;
                case 5: parameters = SessionParameters.Read(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        reader.ExpectEnd();
        return new PbkdfParamResponse(
            TlvCoding.Required(initiatorRandom, "initiatorRandom", reader),
            TlvCoding.Required(responderRandom, "responderRandom", reader),
            TlvCoding.Required(sessionId, "responderSessionId", reader),
            pbkdf,
            parameters);
    }

    private static PbkdfParameters ReadPbkdf(ref TlvReader reader)
    {
        reader.ExpectType(TlvElementType.Structure, "pbkdf_parameters");
        uint? iterations = null;
        byte[]? salt = null;
        while (TlvCoding.NextMember(ref reader))
        {
            switch (TlvCoding.ContextTag(reader))
            {
                case 1: iterations = reader.GetUInt32(); break;
                case 2: salt = TlvCoding.BoundedOctets(ref reader, 16, 32, "salt"); break;
                default: reader.Skip(); break;
            }
        }

        var count = TlvCoding.Required(iterations, "iterations", reader);
        if (count < PbkdfParameters.MinimumIterations || count > PbkdfParameters.MaximumIterations)
        {
            throw TlvException.ConstraintViolation("iterations", "must be 1000 to 100000", reader.ElementOffset);
        }

        return new PbkdfParameters(count, TlvCoding.Required(salt, "salt", reader));
    }
}

/// <summary>Pake1 (opcode 0x22): the prover's share pA = X.</summary>
/// <param name="PA">The uncompressed point X.</param>
public sealed record Pake1(byte[] PA)
{
    /// <summary>Encodes the message.</summary>
    public byte[] Encode() => TlvCoding.Encode((ref TlvWriter writer) =>
    {
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteOctetString(TlvTag.Context(1), PA);
        writer.EndContainer();
    });

    /// <summary>Decodes the message.</summary>
    /// <exception cref="TlvException">Malformed or pA not 65 bytes.</exception>
    public static Pake1 Decode(ReadOnlySpan<byte> payload)
    {
        var reader = TlvCoding.OpenStructure(payload, nameof(Pake1));
        byte[]? pA = null;
        while (TlvCoding.NextMember(ref reader))
        {
            if (TlvCoding.ContextTag(reader) == 1)
            {
                pA = TlvCoding.FixedOctets(ref reader, 65, "pA");
            }
            else
            {
                reader.Skip();
            }
        }

        reader.ExpectEnd();
        return new Pake1(TlvCoding.Required(pA, "pA", reader));
    }
}

/// <summary>Pake2 (opcode 0x23): the verifier's share pB = Y and its confirmation cB.</summary>
/// <param name="PB">The uncompressed point Y.</param>
/// <param name="CB">The verifier's confirmation (32 bytes).</param>
public sealed record Pake2(byte[] PB, byte[] CB)
{
    /// <summary>Encodes the message.</summary>
    public byte[] Encode() => TlvCoding.Encode((ref TlvWriter writer) =>
    {
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteOctetString(TlvTag.Context(1), PB);
        writer.WriteOctetString(TlvTag.Context(2), CB);
        writer.EndContainer();
    });

    /// <summary>Decodes the message.</summary>
    /// <exception cref="TlvException">Malformed or a field of the wrong size.</exception>
    public static Pake2 Decode(ReadOnlySpan<byte> payload)
    {
        var reader = TlvCoding.OpenStructure(payload, nameof(Pake2));
        byte[]? pB = null;
        byte[]? cB = null;
        while (TlvCoding.NextMember(ref reader))
        {
            switch (TlvCoding.ContextTag(reader))
            {
                case 1: pB = TlvCoding.FixedOctets(ref reader, 65, "pB"); break;
                case 2: cB = TlvCoding.FixedOctets(ref reader, 32, "cB"); break;
                default: reader.Skip(); break;
            }
        }

        reader.ExpectEnd();
        return new Pake2(TlvCoding.Required(pB, "pB", reader), TlvCoding.Required(cB, "cB", reader));
    }
}

/// <summary>Pake3 (opcode 0x24): the prover's confirmation cA.</summary>
/// <param name="CA">The prover's confirmation (32 bytes).</param>
public sealed record Pake3(byte[] CA)
{
    /// <summary>Encodes the message.</summary>
    public byte[] Encode() => TlvCoding.Encode((ref TlvWriter writer) =>
    {
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteOctetString(TlvTag.Context(1), CA);
        writer.EndContainer();
    });

    /// <summary>Decodes the message.</summary>
    /// <exception cref="TlvException">Malformed or cA not 32 bytes.</exception>
    public static Pake3 Decode(ReadOnlySpan<byte> payload)
    {
        var reader = TlvCoding.OpenStructure(payload, nameof(Pake3));
        byte[]? cA = null;
        while (TlvCoding.NextMember(ref reader))
        {
            if (TlvCoding.ContextTag(reader) == 1)
            {
                cA = TlvCoding.FixedOctets(ref reader, 32, "cA");
            }
            else
            {
                reader.Skip();
            }
        }

        reader.ExpectEnd();
        return new Pake3(TlvCoding.Required(cA, "cA", reader));
    }
}
