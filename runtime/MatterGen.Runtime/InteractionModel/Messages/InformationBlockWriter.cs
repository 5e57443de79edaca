using System;
using System.Collections.Generic;
using MatterGen.Tlv;

namespace MatterGen.InteractionModel.Messages;

/// <summary>
/// Writes the information blocks of Interaction Model messages in the layout matter.js 0.17.9 and the reference
/// SDK use: fields in ascending tag order, paths as TLV lists, absent fields left out, integers at their smallest width.
/// </summary>
public static class InformationBlockWriter
{
    /// <summary>Writes an AttributePathIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, AttributePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        writer.StartList(tag);
        WriteBoolean(ref writer, 0, path.EnableTagCompression);
        WriteUnsigned(ref writer, 1, path.Node);
        WriteUnsigned(ref writer, 2, path.Endpoint);
        WriteUnsigned(ref writer, 3, path.Cluster);
        WriteUnsigned(ref writer, 4, path.Attribute);
        if (path.ListIndex.HasValue)
        {
            if (path.ListIndex.Value is { } index)
            {
                writer.WriteUnsignedInteger(TlvTag.Context(5), index);
            }
            else
            {
                writer.WriteNull(TlvTag.Context(5));
            }
        }

        WriteUnsigned(ref writer, 6, path.WildcardPathFlags);
        WriteUnsigned(ref writer, 7, path.WildcardFilterConfigurationVersion);
        writer.EndContainer();
    }

    /// <summary>Writes an EventPathIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, EventPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        writer.StartList(tag);
        WriteUnsigned(ref writer, 0, path.Node);
        WriteUnsigned(ref writer, 1, path.Endpoint);
        WriteUnsigned(ref writer, 2, path.Cluster);
        WriteUnsigned(ref writer, 3, path.Event);
        WriteBoolean(ref writer, 4, path.IsUrgent);
        writer.EndContainer();
    }

    /// <summary>Writes a CommandPathIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, CommandPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        writer.StartList(tag);
        WriteUnsigned(ref writer, 0, path.Endpoint);
        writer.WriteUnsignedInteger(TlvTag.Context(1), path.Cluster);
        writer.WriteUnsignedInteger(TlvTag.Context(2), path.Command);
        writer.EndContainer();
    }

    /// <summary>Writes an EventFilterIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        writer.StartStructure(tag);
        WriteUnsigned(ref writer, 0, filter.Node);
        writer.WriteUnsignedInteger(TlvTag.Context(1), filter.EventMin);
        writer.EndContainer();
    }

    /// <summary>Writes a DataVersionFilterIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, DataVersionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        writer.StartStructure(tag);
        writer.StartList(TlvTag.Context(0));
        WriteUnsigned(ref writer, 0, filter.Path.Node);
        writer.WriteUnsignedInteger(TlvTag.Context(1), filter.Path.Endpoint);
        writer.WriteUnsignedInteger(TlvTag.Context(2), filter.Path.Cluster);
        writer.EndContainer();
        writer.WriteUnsignedInteger(TlvTag.Context(1), filter.DataVersion);
        writer.EndContainer();
    }

    /// <summary>Writes a StatusIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, StatusIB status)
    {
        ArgumentNullException.ThrowIfNull(status);
        writer.StartStructure(tag);
        writer.WriteUnsignedInteger(TlvTag.Context(0), (byte)status.Status);
        WriteUnsigned(ref writer, 1, status.ClusterStatus);
        writer.EndContainer();
    }

    /// <summary>Writes an AttributeDataIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, AttributeData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        writer.StartStructure(tag);
        WriteUnsigned(ref writer, 0, data.DataVersion);
        Write(ref writer, TlvTag.Context(1), data.Path);
        writer.WriteEncoded(TlvTag.Context(2), data.Data.Span);
        writer.EndContainer();
    }

    /// <summary>Writes an AttributeStatusIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, AttributeStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        WritePair(ref writer, tag, status.Path, Write, status.Status, Write);
    }

    /// <summary>Writes an AttributeReportIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, AttributeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        WritePair(ref writer, tag, report.Status, Write, report.Data, Write);
    }

    /// <summary>Writes an EventReportIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, EventReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        WritePair(ref writer, tag, report.Status, Write, report.Data, Write);
    }

    /// <summary>Writes an EventStatusIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, EventStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        WritePair(ref writer, tag, status.Path, Write, status.Status, Write);
    }

    /// <summary>Writes an EventDataIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, EventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        writer.StartStructure(tag);
        Write(ref writer, TlvTag.Context(0), data.Path);
        writer.WriteUnsignedInteger(TlvTag.Context(1), data.EventNumber);
        writer.WriteUnsignedInteger(TlvTag.Context(2), (byte)data.Priority);
        WriteUnsigned(ref writer, 3, data.EpochTimestamp);
        WriteUnsigned(ref writer, 4, data.SystemTimestamp);
        WriteUnsigned(ref writer, 5, data.DeltaEpochTimestamp);
        WriteUnsigned(ref writer, 6, data.DeltaSystemTimestamp);
        writer.WriteEncoded(TlvTag.Context(7), data.Data.Span);
        writer.EndContainer();
    }

    /// <summary>Writes a CommandDataIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, CommandData command)
    {
        ArgumentNullException.ThrowIfNull(command);
        writer.StartStructure(tag);
        Write(ref writer, TlvTag.Context(0), command.Path);
        if (command.Fields is { } fields)
        {
            writer.WriteEncoded(TlvTag.Context(1), fields.Span);
        }

        WriteUnsigned(ref writer, 2, command.CommandRef);
        writer.EndContainer();
    }

    /// <summary>Writes an InvokeResponseIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, InvokeResponseItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        WritePair(ref writer, tag, item.Command, Write, item.Status, Write);
    }

    /// <summary>Writes a CommandStatusIB.</summary>
    public static void Write(ref TlvWriter writer, TlvTag tag, CommandStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        writer.StartStructure(tag);
        Write(ref writer, TlvTag.Context(0), status.Path);
        Write(ref writer, TlvTag.Context(1), status.Status);
        WriteUnsigned(ref writer, 2, status.CommandRef);
        writer.EndContainer();
    }

    /// <summary>A structure of up to two blocks at tags 0 and 1 (a path and its status, or a choice of status and data).</summary>
    private static void WritePair<T0, T1>(ref TlvWriter writer, TlvTag tag, T0? first, BlockWriter<T0> writeFirst, T1? second, BlockWriter<T1> writeSecond)
        where T0 : class
        where T1 : class
    {
        writer.StartStructure(tag);
        if (first is not null)
        {
            writeFirst(ref writer, TlvTag.Context(0), first);
        }

        if (second is not null)
        {
            writeSecond(ref writer, TlvTag.Context(1), second);
        }

        writer.EndContainer();
    }

    /// <summary>Writes an array of blocks under a context tag, or nothing when the list is absent.</summary>
    internal static void WriteArray<T>(ref TlvWriter writer, byte tag, IReadOnlyList<T>? items, BlockWriter<T> write)
    {
        if (items is null)
        {
            return;
        }

        writer.StartArray(TlvTag.Context(tag));
        foreach (var item in items)
        {
            write(ref writer, TlvTag.Anonymous, item);
        }

        writer.EndContainer();
    }

    internal static void WriteUnsigned(ref TlvWriter writer, byte tag, ulong? value)
    {
        if (value is { } present)
        {
            writer.WriteUnsignedInteger(TlvTag.Context(tag), present);
        }
    }

    internal static void WriteBoolean(ref TlvWriter writer, byte tag, bool? value)
    {
        if (value is { } present)
        {
            writer.WriteBoolean(TlvTag.Context(tag), present);
        }
    }
}

/// <summary>Writes one information block under a tag.</summary>
internal delegate void BlockWriter<in T>(ref TlvWriter writer, TlvTag tag, T block);
