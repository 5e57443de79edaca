using System;
using System.Collections.Generic;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.Tlv;
using static MatterGen.InteractionModel.Messages.TlvFields;

namespace MatterGen.InteractionModel.Messages;

/// <summary>
/// Reads the information blocks of Interaction Model messages; the reader stands on the block's first element.
/// Unknown context tags are skipped (the specification's rule for forward compatibility), a field of the wrong
/// type, a repeated field or a missing mandatory one throws <see cref="InvalidInteractionMessageException"/>.
/// </summary>
internal static class InformationBlockReader
{
    public static AttributePath ReadAttributePath(ref TlvReader reader)
    {
        Expect(ref reader, TlvElementType.List, "AttributePathIB");
        ulong seen = 0;
        var path = new AttributePath();
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); path = path with { EnableTagCompression = Boolean(ref reader, "EnableTagCompression") }; break;
                case 1: Mark(ref seen, tag); path = path with { Node = Unsigned(ref reader, ulong.MaxValue, "Node") }; break;
                case 2: Mark(ref seen, tag); path = path with { Endpoint = (ushort)Unsigned(ref reader, ushort.MaxValue, "Endpoint") }; break;
                case 3: Mark(ref seen, tag); path = path with { Cluster = (uint)Unsigned(ref reader, uint.MaxValue, "Cluster") }; break;
                case 4: Mark(ref seen, tag); path = path with { Attribute = (uint)Unsigned(ref reader, uint.MaxValue, "Attribute") }; break;
                case 5:
                    Mark(ref seen, tag);
                    path = path with { ListIndex = new Optional<ushort?>(reader.IsNull ? null : (ushort)Unsigned(ref reader, ushort.MaxValue, "ListIndex")) };
                    break;
                case 6: Mark(ref seen, tag); path = path with { WildcardPathFlags = (uint)Unsigned(ref reader, uint.MaxValue, "WildcardPathFlags") }; break;
                case 7: Mark(ref seen, tag); path = path with { WildcardFilterConfigurationVersion = (uint)Unsigned(ref reader, uint.MaxValue, "WildcardFilterConfigurationVersion") }; break;
                default: reader.Skip(); break;
            }
        }

        return path;
    }

    public static EventPath ReadEventPath(ref TlvReader reader)
    {
        Expect(ref reader, TlvElementType.List, "EventPathIB");
        ulong seen = 0;
        var path = new EventPath();
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); path = path with { Node = Unsigned(ref reader, ulong.MaxValue, "Node") }; break;
                case 1: Mark(ref seen, tag); path = path with { Endpoint = (ushort)Unsigned(ref reader, ushort.MaxValue, "Endpoint") }; break;
                case 2: Mark(ref seen, tag); path = path with { Cluster = (uint)Unsigned(ref reader, uint.MaxValue, "Cluster") }; break;
                case 3: Mark(ref seen, tag); path = path with { Event = (uint)Unsigned(ref reader, uint.MaxValue, "Event") }; break;
                case 4: Mark(ref seen, tag); path = path with { IsUrgent = Boolean(ref reader, "IsUrgent") }; break;
                default: reader.Skip(); break;
            }
        }

        return path;
    }

    public static CommandPath ReadCommandPath(ref TlvReader reader)
    {
        Expect(ref reader, TlvElementType.List, "CommandPathIB");
        ulong seen = 0;
        ushort? endpoint = null;
        uint cluster = 0, command = 0;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); endpoint = (ushort)Unsigned(ref reader, ushort.MaxValue, "Endpoint"); break;
                case 1: Mark(ref seen, tag); cluster = (uint)Unsigned(ref reader, uint.MaxValue, "Cluster"); break;
                case 2: Mark(ref seen, tag); command = (uint)Unsigned(ref reader, uint.MaxValue, "Command"); break;
                default: reader.Skip(); break;
            }
        }

        Require(seen, 1, "CommandPathIB.Cluster");
        Require(seen, 2, "CommandPathIB.Command");
        return new CommandPath(endpoint, cluster, command);
    }

    public static EventFilter ReadEventFilter(ref TlvReader reader)
    {
        Expect(ref reader, TlvElementType.Structure, "EventFilterIB");
        ulong seen = 0;
        ulong? node = null;
        ulong eventMin = 0;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); node = Unsigned(ref reader, ulong.MaxValue, "Node"); break;
                case 1: Mark(ref seen, tag); eventMin = Unsigned(ref reader, ulong.MaxValue, "EventMin"); break;
                default: reader.Skip(); break;
            }
        }

        Require(seen, 1, "EventFilterIB.EventMin");
        return new EventFilter(node, eventMin);
    }

    public static DataVersionFilter ReadDataVersionFilter(ref TlvReader reader)
    {
        Expect(ref reader, TlvElementType.Structure, "DataVersionFilterIB");
        ulong seen = 0;
        ClusterPath? path = null;
        uint version = 0;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); path = ReadClusterPath(ref reader); break;
                case 1: Mark(ref seen, tag); version = (uint)Unsigned(ref reader, uint.MaxValue, "DataVersion"); break;
                default: reader.Skip(); break;
            }
        }

        Require(seen, 1, "DataVersionFilterIB.DataVersion");
        return new DataVersionFilter(path ?? throw Invalid("DataVersionFilterIB.Path is missing"), version);
    }

    public static StatusIB ReadStatus(ref TlvReader reader)
    {
        Expect(ref reader, TlvElementType.Structure, "StatusIB");
        ulong seen = 0;
        byte status = 0;
        byte? clusterStatus = null;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); status = (byte)Unsigned(ref reader, byte.MaxValue, "Status"); break;
                case 1: Mark(ref seen, tag); clusterStatus = (byte)Unsigned(ref reader, byte.MaxValue, "ClusterStatus"); break;
                default: reader.Skip(); break;
            }
        }

        Require(seen, 0, "StatusIB.Status");
        return new StatusIB((MatterStatus)status, clusterStatus);
    }

    public static AttributeData ReadAttributeData(ref TlvReader reader)
    {
        Expect(ref reader, TlvElementType.Structure, "AttributeDataIB");
        ulong seen = 0;
        uint? version = null;
        AttributePath? path = null;
        ReadOnlyMemory<byte> data = default;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); version = (uint)Unsigned(ref reader, uint.MaxValue, "DataVersion"); break;
                case 1: Mark(ref seen, tag); path = ReadAttributePath(ref reader); break;
                case 2: Mark(ref seen, tag); data = CaptureAnonymous(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        Require(seen, 2, "AttributeDataIB.Data");
        return new AttributeData(version, path ?? throw Invalid("AttributeDataIB.Path is missing"), data);
    }

    public static AttributeStatus ReadAttributeStatus(ref TlvReader reader)
    {
        var (path, status) = Both(ref reader, ReadAttributePath, ReadStatus, "AttributeStatusIB");
        return new AttributeStatus(path, status);
    }

    public static AttributeReport ReadAttributeReport(ref TlvReader reader)
    {
        var (status, data) = OneOf(ref reader, ReadAttributeStatus, ReadAttributeData, "AttributeReportIB");
        return new AttributeReport(status, data);
    }

    public static EventReport ReadEventReport(ref TlvReader reader)
    {
        var (status, data) = OneOf(ref reader, ReadEventStatus, ReadEventData, "EventReportIB");
        return new EventReport(status, data);
    }

    public static CommandData ReadCommandData(ref TlvReader reader)
    {
        Expect(ref reader, TlvElementType.Structure, "CommandDataIB");
        ulong seen = 0;
        CommandPath? path = null;
        ReadOnlyMemory<byte>? fields = null;
        ushort? commandRef = null;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); path = ReadCommandPath(ref reader); break;
                case 1: Mark(ref seen, tag); fields = CaptureAnonymous(ref reader); break;
                case 2: Mark(ref seen, tag); commandRef = (ushort)Unsigned(ref reader, ushort.MaxValue, "CommandRef"); break;
                default: reader.Skip(); break;
            }
        }

        return new CommandData(path ?? throw Invalid("CommandDataIB.Path is missing"), fields, commandRef);
    }

    public static InvokeResponseItem ReadInvokeResponse(ref TlvReader reader)
    {
        var (command, status) = OneOf(ref reader, ReadCommandData, ReadCommandStatus, "InvokeResponseIB");
        return new InvokeResponseItem(command, status);
    }

    /// <summary>Reads an array of blocks; the reader stands on the array's start.</summary>
    public static List<T> ReadArray<T>(ref TlvReader reader, BlockReader<T> read, string what)
    {
        Expect(ref reader, TlvElementType.Array, what);
        var items = new List<T>();
        while (NextItem(ref reader))
        {
            items.Add(read(ref reader));
        }

        return items;
    }

    private static ClusterPath ReadClusterPath(ref TlvReader reader)
    {
        Expect(ref reader, TlvElementType.List, "ClusterPathIB");
        ulong seen = 0;
        ulong? node = null;
        ushort endpoint = 0;
        uint cluster = 0;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); node = Unsigned(ref reader, ulong.MaxValue, "Node"); break;
                case 1: Mark(ref seen, tag); endpoint = (ushort)Unsigned(ref reader, ushort.MaxValue, "Endpoint"); break;
                case 2: Mark(ref seen, tag); cluster = (uint)Unsigned(ref reader, uint.MaxValue, "Cluster"); break;
                default: reader.Skip(); break;
            }
        }

        Require(seen, 1, "ClusterPathIB.Endpoint");
        Require(seen, 2, "ClusterPathIB.Cluster");
        return new ClusterPath(node, endpoint, cluster);
    }

    private static EventStatus ReadEventStatus(ref TlvReader reader)
    {
        var (path, status) = Both(ref reader, ReadEventPath, ReadStatus, "EventStatusIB");
        return new EventStatus(path, status);
    }

    /// <summary>A structure of two blocks, tags 0 and 1, both required.</summary>
    private static (T0 First, T1 Second) Both<T0, T1>(ref TlvReader reader, BlockReader<T0> first, BlockReader<T1> second, string what)
        where T0 : class
        where T1 : class
    {
        var (a, b) = Pair(ref reader, first, second, what);
        return (a ?? throw Invalid($"{what} field 0 is missing"), b ?? throw Invalid($"{what} field 1 is missing"));
    }

    /// <summary>A structure of two blocks, tags 0 and 1, exactly one of them present.</summary>
    private static (T0? First, T1? Second) OneOf<T0, T1>(ref TlvReader reader, BlockReader<T0> first, BlockReader<T1> second, string what)
        where T0 : class
        where T1 : class
    {
        var (a, b) = Pair(ref reader, first, second, what);
        return (a is null) != (b is null) ? (a, b) : throw Invalid($"{what} needs exactly one of fields 0 and 1");
    }

    private static (T0? First, T1? Second) Pair<T0, T1>(ref TlvReader reader, BlockReader<T0> first, BlockReader<T1> second, string what)
        where T0 : class
        where T1 : class
    {
        Expect(ref reader, TlvElementType.Structure, what);
        ulong seen = 0;
        T0? a = null;
        T1? b = null;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); a = first(ref reader); break;
                case 1: Mark(ref seen, tag); b = second(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return (a, b);
    }

    private static EventData ReadEventData(ref TlvReader reader)
    {
        Expect(ref reader, TlvElementType.Structure, "EventDataIB");
        ulong seen = 0;
        EventPath? path = null;
        ulong number = 0;
        byte priority = 0;
        ulong? epoch = null, system = null, deltaEpoch = null, deltaSystem = null;
        ReadOnlyMemory<byte> data = default;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); path = ReadEventPath(ref reader); break;
                case 1: Mark(ref seen, tag); number = Unsigned(ref reader, ulong.MaxValue, "EventNumber"); break;
                case 2: Mark(ref seen, tag); priority = (byte)Unsigned(ref reader, (ulong)EventPriority.Critical, "Priority"); break;
                case 3: Mark(ref seen, tag); epoch = Unsigned(ref reader, ulong.MaxValue, "EpochTimestamp"); break;
                case 4: Mark(ref seen, tag); system = Unsigned(ref reader, ulong.MaxValue, "SystemTimestamp"); break;
                case 5: Mark(ref seen, tag); deltaEpoch = Unsigned(ref reader, ulong.MaxValue, "DeltaEpochTimestamp"); break;
                case 6: Mark(ref seen, tag); deltaSystem = Unsigned(ref reader, ulong.MaxValue, "DeltaSystemTimestamp"); break;
                case 7: Mark(ref seen, tag); data = CaptureAnonymous(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        Require(seen, 1, "EventDataIB.EventNumber");
        Require(seen, 2, "EventDataIB.Priority");
        Require(seen, 7, "EventDataIB.Data");
        return new EventData(path ?? throw Invalid("EventDataIB.Path is missing"), number, (EventPriority)priority, epoch, system, deltaEpoch, deltaSystem, data);
    }

    private static CommandStatus ReadCommandStatus(ref TlvReader reader)
    {
        Expect(ref reader, TlvElementType.Structure, "CommandStatusIB");
        ulong seen = 0;
        CommandPath? path = null;
        StatusIB? status = null;
        ushort? commandRef = null;
        while (NextMember(ref reader, out var tag))
        {
            switch (tag)
            {
                case 0: Mark(ref seen, tag); path = ReadCommandPath(ref reader); break;
                case 1: Mark(ref seen, tag); status = ReadStatus(ref reader); break;
                case 2: Mark(ref seen, tag); commandRef = (ushort)Unsigned(ref reader, ushort.MaxValue, "CommandRef"); break;
                default: reader.Skip(); break;
            }
        }

        return new CommandStatus(path ?? throw Invalid("CommandStatusIB.Path is missing"), status ?? throw Invalid("CommandStatusIB.Status is missing"), commandRef);
    }

    private static void Require(ulong seen, byte tag, string what)
    {
        if (!Has(seen, tag))
        {
            throw Invalid($"{what} is missing");
        }
    }
}

/// <summary>Reads one information block; the reader stands on its first element.</summary>
internal delegate T BlockReader<out T>(ref TlvReader reader);
