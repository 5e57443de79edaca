using System;
using MatterGen.Tlv;
using MatterGen.Transport.Internal;

namespace MatterGen.Transport.SecureChannel;

/// <summary>
/// The session parameters a peer announces in PBKDFParamRequest/Response and Sigma1/Sigma2 (Core Specification
/// 4.12.8): its MRP intervals and the revisions it implements. Absent fields take the spec's defaults; unknown
/// tags are skipped (newer peers send more).
/// </summary>
public sealed record SessionParameters
{
    /// <summary>SESSION_IDLE_INTERVAL (tag 1), default 500 ms.</summary>
    public TimeSpan IdleInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>SESSION_ACTIVE_INTERVAL (tag 2), default 300 ms.</summary>
    public TimeSpan ActiveInterval { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>SESSION_ACTIVE_THRESHOLD (tag 3), default 4000 ms.</summary>
    public TimeSpan ActiveThreshold { get; init; } = TimeSpan.FromMilliseconds(4000);

    /// <summary>DATA_MODEL_REVISION (tag 4).</summary>
    public ushort? DataModelRevision { get; init; }

    /// <summary>INTERACTION_MODEL_REVISION (tag 5).</summary>
    public ushort? InteractionModelRevision { get; init; }

    /// <summary>SPECIFICATION_VERSION (tag 6).</summary>
    public uint? SpecificationVersion { get; init; }

    /// <summary>MAX_PATHS_PER_INVOKE (tag 7).</summary>
    public ushort? MaxPathsPerInvoke { get; init; }

    /// <summary>SUPPORTED_TRANSPORTS (tag 8).</summary>
    public ushort? SupportedTransports { get; init; }

    /// <summary>MAX_TCP_MESSAGE_SIZE (tag 9).</summary>
    public uint? MaxTcpMessageSize { get; init; }

    /// <summary>The parameters this implementation announces (Matter 1.4: data model 18, IM 12, spec 1.4).</summary>
    public static SessionParameters Local { get; } = new()
    {
        DataModelRevision = 18,
        InteractionModelRevision = 12,
        SpecificationVersion = 0x01040000,
        MaxPathsPerInvoke = 1,
        SupportedTransports = 0,
    };

    /// <summary>The longest interval a peer may announce (one hour, Core Specification 2.12.5).</summary>
    public static TimeSpan MaximumInterval => TimeSpan.FromHours(1);

    /// <summary>Writes the parameters as a structure with <paramref name="tag"/>.</summary>
    internal void Write(ref TlvWriter writer, TlvTag tag)
    {
        writer.StartStructure(tag);
        writer.WriteUnsignedInteger(TlvTag.Context(1), (ulong)IdleInterval.TotalMilliseconds);
        writer.WriteUnsignedInteger(TlvTag.Context(2), (ulong)ActiveInterval.TotalMilliseconds);
        writer.WriteUnsignedInteger(TlvTag.Context(3), (ulong)ActiveThreshold.TotalMilliseconds);
        WriteOptional(ref writer, 4, DataModelRevision);
        WriteOptional(ref writer, 5, InteractionModelRevision);
        WriteOptional(ref writer, 6, SpecificationVersion);
        WriteOptional(ref writer, 7, MaxPathsPerInvoke);
        WriteOptional(ref writer, 8, SupportedTransports);
        WriteOptional(ref writer, 9, MaxTcpMessageSize);
        writer.EndContainer();
    }

    /// <summary>Reads the structure the reader is on.</summary>
    internal static SessionParameters Read(ref TlvReader reader)
    {
        reader.ExpectType(TlvElementType.Structure, "sessionParameters");
        var result = new SessionParameters();
        while (TlvCoding.NextMember(ref reader))
        {
            result = TlvCoding.ContextTag(reader) switch
            {
                1 => result with { IdleInterval = Interval(ref reader, "SESSION_IDLE_INTERVAL") },
                2 => result with { ActiveInterval = Interval(ref reader, "SESSION_ACTIVE_INTERVAL") },
                3 => result with { ActiveThreshold = TimeSpan.FromMilliseconds(reader.GetUInt16()) },
                4 => result with { DataModelRevision = reader.GetUInt16() },
                5 => result with { InteractionModelRevision = reader.GetUInt16() },
                6 => result with { SpecificationVersion = reader.GetUInt32() },
                7 => result with { MaxPathsPerInvoke = reader.GetUInt16() },
                8 => result with { SupportedTransports = reader.GetUInt16() },
                9 => result with { MaxTcpMessageSize = reader.GetUInt32() },
                _ => Skip(ref reader, result),
            };
        }

        return result;
    }

    private static TimeSpan Interval(ref TlvReader reader, string field)
    {
        var milliseconds = reader.GetUInt32();
        if (milliseconds > MaximumInterval.TotalMilliseconds)
        {
            throw TlvException.ConstraintViolation(field, "must not exceed one hour", reader.ElementOffset);
        }

        return TimeSpan.FromMilliseconds(milliseconds);
    }

    private static SessionParameters Skip(ref TlvReader reader, SessionParameters result)
    {
        reader.Skip();
        return result;
    }

    private static void WriteOptional(ref TlvWriter writer, byte tag, ulong? value)
    {
        if (value is { } present)
        {
            writer.WriteUnsignedInteger(TlvTag.Context(tag), present);
        }
    }
}
