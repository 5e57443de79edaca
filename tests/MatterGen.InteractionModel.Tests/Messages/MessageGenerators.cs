using System;
using System.Collections.Generic;
using CsCheck;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;

namespace MatterGen.InteractionModel.Tests.Messages;

/// <summary>Random valid Interaction Model messages, every optional field sometimes present and sometimes not.</summary>
internal static class MessageGenerators
{
    private static readonly byte[][] ValueChoices =
    [
        [0x09], [0x08], [0x14], [0x04, 0x2A], [0x05, 0x2C, 0x01], [0x0C, 0x02, 0x68, 0x69], [0x15, 0x18], [0x16, 0x18],
        [0x16, 0x04, 0x01, 0x04, 0x02, 0x18], [0x15, 0x24, 0x00, 0x01, 0x2C, 0x01, 0x01, 0x78, 0x18], [0x00, 0xFF], [0x0A, 0x00, 0x00, 0x80, 0x3F],
    ];

    /// <summary>Values as one anonymous TLV element: scalars, strings, an empty structure, lists.</summary>
    private static readonly Gen<byte[]> Value = Gen.Int[0, ValueChoices.Length - 1].Select(i => ValueChoices[i]);

    /// <summary>Any message (built on first use: the blocks' generators above are initialised first).</summary>
    public static Gen<InteractionMessage> Message => AnyMessage.Value;

    private static readonly Lazy<Gen<InteractionMessage>> AnyMessage = new(() => Gen.OneOf(
        ReadRequests(), SubscribeRequests(), SubscribeResponses(), Reports(), WriteRequests(), WriteResponses(),
        InvokeRequests(), InvokeResponses(), Timed(), Statuses()));

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct => Gen.Bool.SelectMany(present => present ? gen.Select(value => (T?)value) : Gen.Const((T?)null));

    private static Gen<T?> MaybeObject<T>(Gen<T> gen)
        where T : class => Gen.Bool.SelectMany(present => present ? gen.Select(value => (T?)value) : Gen.Const((T?)null));

    private static Gen<IReadOnlyList<T>?> MaybeList<T>(Gen<T> gen) => MaybeObject(gen.List[0, 3].Select(list => (IReadOnlyList<T>)list));

    private static Gen<IReadOnlyList<T>> List<T>(Gen<T> gen) => gen.List[0, 3].Select(list => (IReadOnlyList<T>)list);

    private static readonly Gen<byte?> Revision = Maybe(Gen.Byte);

    private static readonly Gen<StatusIB> Status =
        from status in Gen.Byte from clusterStatus in Maybe(Gen.Byte) select new StatusIB((MatterStatus)status, clusterStatus);

    private static readonly Gen<Optional<ushort?>> ListIndex = Gen.Int[0, 2].SelectMany(kind => kind switch
    {
        0 => Gen.Const(default(Optional<ushort?>)),
        1 => Gen.Const(new Optional<ushort?>(null)),
        _ => Gen.UShort.Select(index => new Optional<ushort?>(index)),
    });

    private static readonly Gen<AttributePath> AttributePathGen =
        from compression in Maybe(Gen.Bool)
        from node in Maybe(Gen.ULong)
        from endpoint in Maybe(Gen.UShort)
        from cluster in Maybe(Gen.UInt)
        from attribute in Maybe(Gen.UInt)
        from index in ListIndex
        from flags in Maybe(Gen.UInt)
        from version in Maybe(Gen.UInt)
        select new AttributePath(compression, node, endpoint, cluster, attribute, index, flags, version);

    private static readonly Gen<EventPath> EventPathGen =
        from node in Maybe(Gen.ULong) from endpoint in Maybe(Gen.UShort) from cluster in Maybe(Gen.UInt) from id in Maybe(Gen.UInt) from urgent in Maybe(Gen.Bool)
        select new EventPath(node, endpoint, cluster, id, urgent);

    private static readonly Gen<EventFilter> EventFilterGen = from node in Maybe(Gen.ULong) from min in Gen.ULong select new EventFilter(node, min);

    private static readonly Gen<DataVersionFilter> VersionFilterGen =
        from node in Maybe(Gen.ULong) from endpoint in Gen.UShort from cluster in Gen.UInt from version in Gen.UInt
        select new DataVersionFilter(new ClusterPath(node, endpoint, cluster), version);

    private static readonly Gen<AttributeData> AttributeDataGen =
        from version in Maybe(Gen.UInt) from path in AttributePathGen from value in Value select new AttributeData(version, path, value);

    private static readonly Gen<AttributeStatus> AttributeStatusGen = from path in AttributePathGen from status in Status select new AttributeStatus(path, status);

    private static readonly Gen<CommandPath> CommandPathGen =
        from endpoint in Maybe(Gen.UShort) from cluster in Gen.UInt from command in Gen.UInt select new CommandPath(endpoint, cluster, command);

    private static readonly Gen<CommandData> CommandDataGen =
        from path in CommandPathGen from fields in Gen.Bool.SelectMany(has => has ? Value.Select(v => (ReadOnlyMemory<byte>?)v) : Gen.Const((ReadOnlyMemory<byte>?)null))
        from reference in Maybe(Gen.UShort)
        select new CommandData(path, fields, reference);

    private static readonly Gen<EventData> EventDataGen =
        from path in EventPathGen from number in Gen.ULong from priority in Gen.Int[0, 2]
        from epoch in Maybe(Gen.ULong) from system in Maybe(Gen.ULong) from deltaEpoch in Maybe(Gen.ULong) from deltaSystem in Maybe(Gen.ULong)
        from value in Value
        select new EventData(path, number, (EventPriority)priority, epoch, system, deltaEpoch, deltaSystem, value);

    private static Gen<InteractionMessage> ReadRequests() =>
        from attributes in MaybeList(AttributePathGen) from events in MaybeList(EventPathGen) from filters in MaybeList(EventFilterGen)
        from fabric in Gen.Bool from versions in MaybeList(VersionFilterGen) from revision in Revision
        select (InteractionMessage)new ReadRequest(attributes, events, filters, fabric, versions) { InteractionModelRevision = revision };

    private static Gen<InteractionMessage> SubscribeRequests() =>
        from keep in Gen.Bool from min in Gen.UShort from max in Gen.UShort
        from attributes in MaybeList(AttributePathGen) from events in MaybeList(EventPathGen) from filters in MaybeList(EventFilterGen)
        from fabric in Gen.Bool from versions in MaybeList(VersionFilterGen) from revision in Revision
        select (InteractionMessage)new SubscribeRequest(keep, min, max, attributes, events, filters, fabric, versions) { InteractionModelRevision = revision };

    private static Gen<InteractionMessage> SubscribeResponses() =>
        from id in Gen.UInt from max in Gen.UShort from revision in Revision
        select (InteractionMessage)new SubscribeResponse(id, max) { InteractionModelRevision = revision };

    private static Gen<InteractionMessage> Reports() =>
        from id in Maybe(Gen.UInt)
        from attributes in MaybeList(Gen.OneOf(AttributeDataGen.Select(AttributeReport.Of), AttributeStatusGen.Select(AttributeReport.Of)))
        from events in MaybeList(Gen.OneOf(EventDataGen.Select(data => new EventReport(null, data)), (from p in EventPathGen from s in Status select new EventReport(new EventStatus(p, s), null))))
        from more in Maybe(Gen.Bool) from suppress in Maybe(Gen.Bool) from revision in Revision
        select (InteractionMessage)new ReportData(id, attributes, events, more, suppress) { InteractionModelRevision = revision };

    private static Gen<InteractionMessage> WriteRequests() =>
        from suppress in Maybe(Gen.Bool) from timed in Gen.Bool from writes in List(AttributeDataGen) from more in Maybe(Gen.Bool) from revision in Revision
        select (InteractionMessage)new WriteRequest(suppress, timed, writes, more) { InteractionModelRevision = revision };

    private static Gen<InteractionMessage> WriteResponses() =>
        from statuses in List(AttributeStatusGen) from revision in Revision
        select (InteractionMessage)new WriteResponse(statuses) { InteractionModelRevision = revision };

    private static Gen<InteractionMessage> InvokeRequests() =>
        from suppress in Gen.Bool from timed in Gen.Bool from commands in List(CommandDataGen) from revision in Revision
        select (InteractionMessage)new InvokeRequest(suppress, timed, commands) { InteractionModelRevision = revision };

    private static Gen<InteractionMessage> InvokeResponses() =>
        from suppress in Gen.Bool
        from items in List(Gen.OneOf(
            CommandDataGen.Select(command => new InvokeResponseItem(command, null)),
            from path in CommandPathGen from status in Status from reference in Maybe(Gen.UShort) select new InvokeResponseItem(null, new CommandStatus(path, status, reference))))
        from more in Maybe(Gen.Bool) from revision in Revision
        select (InteractionMessage)new InvokeResponse(suppress, items, more) { InteractionModelRevision = revision };

    private static Gen<InteractionMessage> Timed() =>
        from timeout in Gen.UShort from revision in Revision select (InteractionMessage)new TimedRequest(timeout) { InteractionModelRevision = revision };

    private static Gen<InteractionMessage> Statuses() =>
        from status in Gen.Byte from revision in Revision select (InteractionMessage)new StatusResponse((MatterStatus)status) { InteractionModelRevision = revision };
}
