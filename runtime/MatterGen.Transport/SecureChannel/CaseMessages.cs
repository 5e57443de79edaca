using System;
using MatterGen.Tlv;
using MatterGen.Transport.Internal;

namespace MatterGen.Transport.SecureChannel;

/// <summary>Sigma1 (opcode 0x30, Core Specification 4.14.2.3).</summary>
/// <param name="InitiatorRandom">32 random bytes.</param>
/// <param name="InitiatorSessionId">The initiator's local session id.</param>
/// <param name="DestinationId">HMAC naming the responder's fabric and node (32 bytes).</param>
/// <param name="InitiatorEphemeralPublicKey">The initiator's ephemeral P-256 key (65 bytes).</param>
/// <param name="SessionParameters">The initiator's session parameters, when sent.</param>
/// <param name="ResumptionId">A resumption id (16 bytes), for resumption.</param>
/// <param name="InitiatorResumeMic">The resumption MIC (16 bytes), with <paramref name="ResumptionId"/>.</param>
public sealed record Sigma1(byte[] InitiatorRandom, ushort InitiatorSessionId, byte[] DestinationId, byte[] InitiatorEphemeralPublicKey, SessionParameters? SessionParameters, byte[]? ResumptionId = null, byte[]? InitiatorResumeMic = null)
{
    /// <summary>Encodes the message.</summary>
    public byte[] Encode() => TlvCoding.Encode((ref TlvWriter writer) =>
    {
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteOctetString(TlvTag.Context(1), InitiatorRandom);
        writer.WriteUnsignedInteger(TlvTag.Context(2), InitiatorSessionId);
        writer.WriteOctetString(TlvTag.Context(3), DestinationId);
        writer.WriteOctetString(TlvTag.Context(4), InitiatorEphemeralPublicKey);
        SessionParameters?.Write(ref writer, TlvTag.Context(5));
        if (ResumptionId is not null)
        {
            writer.WriteOctetString(TlvTag.Context(6), ResumptionId);
        }

        if (InitiatorResumeMic is not null)
        {
            writer.WriteOctetString(TlvTag.Context(7), InitiatorResumeMic);
        }

        writer.EndContainer();
    });

    /// <summary>Decodes the message; fields of the wrong size and a resumption id without its MIC (or the reverse) are errors.</summary>
    /// <exception cref="TlvException">Malformed.</exception>
    public static Sigma1 Decode(ReadOnlySpan<byte> payload)
    {
        var reader = TlvCoding.OpenStructure(payload, nameof(Sigma1));
        byte[]? random = null, destination = null, key = null, resumption = null, mic = null;
        ushort? sessionId = null;
        SessionParameters? parameters = null;
        while (TlvCoding.NextMember(ref reader))
        {
            switch (TlvCoding.ContextTag(reader))
            {
                case 1: random = TlvCoding.FixedOctets(ref reader, 32, "initiatorRandom"); break;
                case 2: sessionId = reader.GetUInt16(); break;
                case 3: destination = TlvCoding.FixedOctets(ref reader, 32, "destinationId"); break;
                case 4: key = TlvCoding.FixedOctets(ref reader, 65, "initiatorEphPubKey"); break;
                case 5: parameters = SessionParameters.Read(ref reader); break;
                case 6: resumption = TlvCoding.FixedOctets(ref reader, 16, "resumptionID"); break;
                case 7: mic = TlvCoding.FixedOctets(ref reader, 16, "initiatorResumeMIC"); break;
                default: reader.Skip(); break;
            }
        }

        reader.ExpectEnd();
        if ((resumption is null) != (mic is null))
        {
            throw TlvException.ConstraintViolation("resumptionID", "comes with initiatorResumeMIC", reader.ElementOffset);
        }

        return new Sigma1(
            TlvCoding.Required(random, "initiatorRandom", reader),
            TlvCoding.Required(sessionId, "initiatorSessionId", reader),
            TlvCoding.Required(destination, "destinationId", reader),
            TlvCoding.Required(key, "initiatorEphPubKey", reader),
            parameters,
            resumption,
            mic);
    }
}

/// <summary>Sigma2 (opcode 0x31).</summary>
/// <param name="ResponderRandom">32 random bytes.</param>
/// <param name="ResponderSessionId">The responder's local session id.</param>
/// <param name="ResponderEphemeralPublicKey">The responder's ephemeral key (65 bytes).</param>
/// <param name="Encrypted2">TBEData2 encrypted with S2K, MIC appended.</param>
/// <param name="SessionParameters">The responder's session parameters, when sent.</param>
public sealed record Sigma2(byte[] ResponderRandom, ushort ResponderSessionId, byte[] ResponderEphemeralPublicKey, byte[] Encrypted2, SessionParameters? SessionParameters)
{
    /// <summary>Encodes the message.</summary>
    public byte[] Encode() => TlvCoding.Encode((ref TlvWriter writer) =>
    {
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteOctetString(TlvTag.Context(1), ResponderRandom);
        writer.WriteUnsignedInteger(TlvTag.Context(2), ResponderSessionId);
        writer.WriteOctetString(TlvTag.Context(3), ResponderEphemeralPublicKey);
        writer.WriteOctetString(TlvTag.Context(4), Encrypted2);
        SessionParameters?.Write(ref writer, TlvTag.Context(5));
        writer.EndContainer();
    });

    /// <summary>Decodes the message.</summary>
    /// <exception cref="TlvException">Malformed or a field of the wrong size.</exception>
    public static Sigma2 Decode(ReadOnlySpan<byte> payload)
    {
        var reader = TlvCoding.OpenStructure(payload, nameof(Sigma2));
        byte[]? random = null, key = null, encrypted = null;
        ushort? sessionId = null;
        SessionParameters? parameters = null;
        while (TlvCoding.NextMember(ref reader))
        {
            switch (TlvCoding.ContextTag(reader))
            {
                case 1: random = TlvCoding.FixedOctets(ref reader, 32, "responderRandom"); break;
                case 2: sessionId = reader.GetUInt16(); break;
                case 3: key = TlvCoding.FixedOctets(ref reader, 65, "responderEphPubKey"); break;
                case 4: encrypted = TlvCoding.BoundedOctets(ref reader, 17, 1200, "encrypted2"); break;
                case 5: parameters = SessionParameters.Read(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        reader.ExpectEnd();
        return new Sigma2(
            TlvCoding.Required(random, "responderRandom", reader),
            TlvCoding.Required(sessionId, "responderSessionId", reader),
            TlvCoding.Required(key, "responderEphPubKey", reader),
            TlvCoding.Required(encrypted, "encrypted2", reader),
            parameters);
    }
}

/// <summary>Sigma2_Resume (opcode 0x33). This node does not resume sessions; the codec exists for completeness and tests.</summary>
/// <param name="ResumptionId">The new resumption id (16 bytes).</param>
/// <param name="Sigma2ResumeMic">The MIC (16 bytes).</param>
/// <param name="ResponderSessionId">The responder's session id.</param>
/// <param name="SessionParameters">The responder's session parameters, when sent.</param>
public sealed record Sigma2Resume(byte[] ResumptionId, byte[] Sigma2ResumeMic, ushort ResponderSessionId, SessionParameters? SessionParameters)
{
    /// <summary>Encodes the message.</summary>
    public byte[] Encode() => TlvCoding.Encode((ref TlvWriter writer) =>
    {
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteOctetString(TlvTag.Context(1), ResumptionId);
        writer.WriteOctetString(TlvTag.Context(2), Sigma2ResumeMic);
        writer.WriteUnsignedInteger(TlvTag.Context(3), ResponderSessionId);
        SessionParameters?.Write(ref writer, TlvTag.Context(4));
        writer.EndContainer();
    });

    /// <summary>Decodes the message.</summary>
    /// <exception cref="TlvException">Malformed or a field of the wrong size.</exception>
    public static Sigma2Resume Decode(ReadOnlySpan<byte> payload)
    {
        var reader = TlvCoding.OpenStructure(payload, nameof(Sigma2Resume));
        byte[]? resumption = null, mic = null;
        ushort? sessionId = null;
        SessionParameters? parameters = null;
        while (TlvCoding.NextMember(ref reader))
        {
            switch (TlvCoding.ContextTag(reader))
            {
                case 1: resumption = TlvCoding.FixedOctets(ref reader, 16, "resumptionID"); break;
                case 2: mic = TlvCoding.FixedOctets(ref reader, 16, "sigma2ResumeMIC"); break;
                case 3: sessionId = reader.GetUInt16(); break;
                case 4: parameters = SessionParameters.Read(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        reader.ExpectEnd();
        return new Sigma2Resume(
            TlvCoding.Required(resumption, "resumptionID", reader),
            TlvCoding.Required(mic, "sigma2ResumeMIC", reader),
            TlvCoding.Required(sessionId, "responderSessionId", reader),
            parameters);
    }
}

/// <summary>Sigma3 (opcode 0x32): TBEData3 encrypted with S3K, MIC appended.</summary>
/// <param name="Encrypted3">The encrypted TBEData3.</param>
public sealed record Sigma3(byte[] Encrypted3)
{
    /// <summary>Encodes the message.</summary>
    public byte[] Encode() => TlvCoding.Encode((ref TlvWriter writer) =>
    {
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteOctetString(TlvTag.Context(1), Encrypted3);
        writer.EndContainer();
    });

    /// <summary>Decodes the message.</summary>
    /// <exception cref="TlvException">Malformed or a field of the wrong size.</exception>
    public static Sigma3 Decode(ReadOnlySpan<byte> payload)
    {
        var reader = TlvCoding.OpenStructure(payload, nameof(Sigma3));
        byte[]? encrypted = null;
        while (TlvCoding.NextMember(ref reader))
        {
            if (TlvCoding.ContextTag(reader) == 1)
            {
                encrypted = TlvCoding.BoundedOctets(ref reader, 17, 1200, "encrypted3");
            }
            else
            {
                reader.Skip();
            }
        }

        reader.ExpectEnd();
        return new Sigma3(TlvCoding.Required(encrypted, "encrypted3", reader));
    }
}

/// <summary>
/// The signed-then-encrypted content of Sigma2 and Sigma3 (TBEData2 / TBEData3): the sender's NOC, ICAC, the
/// signature over the TBS data, and (Sigma2 only) a resumption id.
/// </summary>
/// <param name="Noc">The sender's NOC (Matter TLV).</param>
/// <param name="Icac">The sender's ICAC (Matter TLV), when the chain has one.</param>
/// <param name="Signature">r || s over <see cref="TbsData"/>.</param>
/// <param name="ResumptionId">TBEData2's resumption id (16 bytes); null in TBEData3.</param>
public sealed record TbeData(byte[] Noc, byte[]? Icac, byte[] Signature, byte[]? ResumptionId)
{
    /// <summary>The largest certificate this node accepts (the spec's maximum TLV certificate is 400 bytes).</summary>
    public const int MaxCertificateLength = 400;

    /// <summary>Encodes the structure.</summary>
    public byte[] Encode() => TlvCoding.Encode((ref TlvWriter writer) =>
    {
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteOctetString(TlvTag.Context(1), Noc);
        if (Icac is not null)
        {
            writer.WriteOctetString(TlvTag.Context(2), Icac);
        }

        writer.WriteOctetString(TlvTag.Context(3), Signature);
        if (ResumptionId is not null)
        {
            writer.WriteOctetString(TlvTag.Context(4), ResumptionId);
        }

        writer.EndContainer();
    });

    /// <summary>Decodes the structure; <paramref name="withResumption"/> for TBEData2.</summary>
    /// <exception cref="TlvException">Malformed or a field of the wrong size.</exception>
    public static TbeData Decode(ReadOnlySpan<byte> payload, bool withResumption)
    {
        var reader = TlvCoding.OpenStructure(payload, withResumption ? "TBEData2" : "TBEData3");
        byte[]? noc = null, icac = null, signature = null, resumption = null;
        while (TlvCoding.NextMember(ref reader))
        {
            switch (TlvCoding.ContextTag(reader))
            {
                case 1: noc = TlvCoding.BoundedOctets(ref reader, 1, MaxCertificateLength, "NOC"); break;
                case 2: icac = TlvCoding.BoundedOctets(ref reader, 1, MaxCertificateLength, "ICAC"); break;
                case 3: signature = TlvCoding.FixedOctets(ref reader, 64, "signature"); break;
                case 4: resumption = TlvCoding.FixedOctets(ref reader, 16, "resumptionID"); break;
                default: reader.Skip(); break;
            }
        }

        reader.ExpectEnd();
        return new TbeData(
            TlvCoding.Required(noc, "NOC", reader),
            icac,
            TlvCoding.Required(signature, "signature", reader),
            withResumption ? TlvCoding.Required(resumption, "resumptionID", reader) : resumption);
    }
}

/// <summary>The signed data of Sigma2 and Sigma3 (TBSData2 / TBSData3): sender's NOC, ICAC, sender's and receiver's ephemeral keys.</summary>
public static class TbsData
{
    /// <summary>Encodes the structure to be signed.</summary>
    public static byte[] Encode(byte[] noc, byte[]? icac, byte[] senderEphemeralKey, byte[] receiverEphemeralKey) => TlvCoding.Encode((ref TlvWriter writer) =>
    {
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteOctetString(TlvTag.Context(1), noc);
        if (icac is not null)
        {
            writer.WriteOctetString(TlvTag.Context(2), icac);
        }

        writer.WriteOctetString(TlvTag.Context(3), senderEphemeralKey);
        writer.WriteOctetString(TlvTag.Context(4), receiverEphemeralKey);
        writer.EndContainer();
    });
}
