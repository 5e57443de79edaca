using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.Tlv;

namespace MatterGen.Runtime.Tests.Interaction;

/// <summary>
/// A hand-written server of a made-up manufacturer cluster, shaped as the generator shapes one, with one
/// attribute of each quality the machinery treats specially: Ticks (C, changes omitted), Total (N) and Label.
/// </summary>
internal sealed class CounterServer(ClusterServerOptions? options = null) : ClusterServer(options)
{
    public const uint Cluster = 0xFFF1FC01;
    public const uint TicksId = 0x0000;
    public const uint TotalId = 0x0001;
    public const uint LabelId = 0x0002;
    public const uint CrashCommand = 0x00;
    public const uint StampCommand = 0x01;
    public const uint AwaitThenFailCommand = 0x02;

    /// <summary>The context of the last Stamp command.</summary>
    public RequestContext? LastContext { get; private set; }

    private static readonly ClusterDescription Shape = new(
        Cluster,
        1,
        0,
        [
            Attribute(TicksId, "Ticks", "int32u", writable: false, AttributeQuality.ChangesOmitted),
            Attribute(TotalId, "Total", "int32u", writable: true, AttributeQuality.NonVolatile) with { Max = 1000 },
            Attribute(LabelId, "Label", "char_string", writable: true, AttributeQuality.None),
        ],
        [
            new CommandMetadata(CrashCommand, "Crash", CommandDirection.ClientToServer, null, Privilege.Operate, false, false, "M", false),
            new CommandMetadata(StampCommand, "Stamp", CommandDirection.ClientToServer, null, Privilege.Operate, false, false, "M", false),
            new CommandMetadata(AwaitThenFailCommand, "AwaitThenFail", CommandDirection.ClientToServer, null, Privilege.Operate, false, false, "M", false),
        ],
        [],
        [new EventMetadata(0x00, "Overflow", EventPriority.Critical, Privilege.View, false, "M", false), new EventMetadata(0x01, "Tick", EventPriority.Debug, Privilege.View, false, "M", false)]);

    private uint ticks;
    private uint total;
    private string label = string.Empty;

    public override ClusterDescription Description => Shape;

    public uint Ticks
    {
        get => ticks;
        set => Set(ref ticks, value, TicksId);
    }

    public uint Total
    {
        get => total;
        set => Set(ref total, value <= 1000 ? value : throw new ArgumentOutOfRangeException(nameof(value)), TotalId);
    }

    public string Label
    {
        get => label;
        set => Set(ref label, value, LabelId);
    }

    public void Restore() => RestoreNonVolatileAttributes();

    public EventRecord Emit(uint eventId) => RecordEvent(eventId, [0x15, 0x18]);

    protected override void WriteAttributeValue(uint attributeId, ref TlvWriter writer)
    {
        switch (attributeId)
        {
            case TicksId: writer.WriteUnsignedInteger(TlvTag.Anonymous, ticks); break;
            case TotalId: writer.WriteUnsignedInteger(TlvTag.Anonymous, total); break;
            default: writer.WriteString(TlvTag.Anonymous, label); break;
        }
    }

    protected override MatterStatus StoreAttributeValue(uint attributeId, ref TlvReader reader)
    {
        switch (attributeId)
        {
            case TotalId:
                reader.ExpectType(TlvElementType.UnsignedInteger);
                var value = reader.GetUInt32();
                reader.ExpectEnd();
                if (value > 1000)
                {
                    return MatterStatus.ConstraintError;
                }

                Total = value;
                return MatterStatus.Success;
            case LabelId:
                reader.ExpectType(TlvElementType.Utf8String);
                var text = reader.GetString();
                reader.ExpectEnd();
                Label = text;
                return MatterStatus.Success;
            default:
                return MatterStatus.UnsupportedWrite;
        }
    }

    protected override ValueTask<InvokeResult> DispatchAsync(uint commandId, ReadOnlyMemory<byte> fields, RequestContext context, CancellationToken cancellationToken)
    {
        switch (commandId)
        {
            case CrashCommand:
                throw new InvalidOperationException("driver bug");
            case StampCommand:
                LastContext = context;
                return new(InvokeResult.FromStatus(MatterStatus.Success));
            case AwaitThenFailCommand:
                return AwaitThenFailAsync();
            default:
                return new(InvokeResult.FromStatus(MatterStatus.UnsupportedCommand));
        }
    }

    // A driver that goes asynchronous: Total changes before its await, then it fails.
    private async ValueTask<InvokeResult> AwaitThenFailAsync()
    {
        Total = 1;
        await Task.Delay(200); // Long enough to be still running when the server looks.
        throw new InvalidOperationException("failed after an await");
    }

    private static AttributeMetadata Attribute(uint id, string name, string type, bool writable, AttributeQuality quality) =>
        new(id, name, type, false, false, writable, Privilege.View, Privilege.Operate, quality, false, null, null, null, null, null, "M", false);

    private void Set<T>(ref T field, T value, uint id)
    {
        if (Equals(field, value))
        {
            return;
        }

        field = value;
        OnAttributeChanged(id);
    }
}
