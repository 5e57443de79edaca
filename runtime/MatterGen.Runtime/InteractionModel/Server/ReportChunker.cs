using System.Collections.Generic;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;

namespace MatterGen.InteractionModel.Server;

/// <summary>
/// Splits a report over ReportData messages that each fit the payload budget (Core Specification 8.4.3.4 and
/// 10.6.5.2): report blocks are packed in order; a list too large for one message is sent as "replace with an
/// empty list" followed by one append (list index null) per item. Every chunk but the last says
/// MoreChunkedMessages.
/// </summary>
internal static class ReportChunker
{
    /// <summary>
    /// Room for a ReportData's own fields: structure, subscription id, both report arrays, the two flags and the
    /// revision (1 + 6 + 3 + 3 + 2 + 2 + 3 + 1 = 21 bytes, rounded up).
    /// </summary>
    public const int EnvelopeBytes = 24;

    private static readonly byte[] EmptyList = [0x16, 0x18];

    public static List<ReportData> Chunk(IReadOnlyList<AttributeReport> attributes, IReadOnlyList<EventReport> events, uint? subscriptionId, int budget, bool suppressResponse)
    {
        var packer = new Packer(subscriptionId, budget);
        foreach (var report in attributes)
        {
            var size = InteractionMessageWriter.SizeOf(report, InformationBlockWriter.Write);
            if (packer.Fits(size) || report.Data is not { } data || !ListValue.IsNonEmptyList(data.Data.Span))
            {
                packer.AddAttribute(packer.FitsAlone(size) ? report : TooLarge(report));
                continue;
            }

            // Too large for any message: the list goes as replace-all, then one append per item.
            packer.AddAttribute(AttributeReport.Of(data with { Data = EmptyList }));
            var append = data.Path with { ListIndex = new DataModel.Optional<ushort?>(null) };
            foreach (var item in ListValue.Items(data.Data))
            {
                var piece = AttributeReport.Of(new AttributeData(data.DataVersion, append, item));
                packer.AddAttribute(packer.FitsAlone(InteractionMessageWriter.SizeOf(piece, InformationBlockWriter.Write)) ? piece : TooLarge(piece));
            }
        }

        foreach (var report in events)
        {
            packer.AddEvent(report);
        }

        return packer.Finish(suppressResponse);
    }

    private static AttributeReport TooLarge(AttributeReport report)
    {
        var path = report.Data?.Path ?? report.Status!.Path;
        return AttributeReport.Of(new AttributeStatus(path with { ListIndex = default }, new StatusIB(MatterStatus.ResourceExhausted)));
    }

    /// <summary>Fills messages in order, starting a new one when the next block does not fit.</summary>
    private sealed class Packer(uint? subscriptionId, int budget)
    {
        private readonly List<ReportData> chunks = [];
        private List<AttributeReport> attributes = [];
        private List<EventReport> events = [];
        private int used = EnvelopeBytes;

        public bool Fits(int size) => used + size <= budget;

        public bool FitsAlone(int size) => EnvelopeBytes + size <= budget;

        public void AddAttribute(AttributeReport report)
        {
            Make(InteractionMessageWriter.SizeOf(report, InformationBlockWriter.Write));
            attributes.Add(report);
        }

        public void AddEvent(EventReport report)
        {
            var size = InteractionMessageWriter.SizeOf(report, InformationBlockWriter.Write);
            if (!FitsAlone(size))
            {
                return; // An event larger than any message cannot be delivered; the next report goes on from the one after.
            }

            Make(size);
            events.Add(report);
        }

        public List<ReportData> Finish(bool suppressResponse)
        {
            Flush(last: true, suppressResponse);
            return chunks;
        }

        private void Make(int size)
        {
            if (!Fits(size) && (attributes.Count > 0 || events.Count > 0))
            {
                Flush(last: false, suppressResponse: false);
            }

            used += size;
        }

        private void Flush(bool last, bool suppressResponse)
        {
            chunks.Add(new ReportData(
                subscriptionId,
                attributes.Count > 0 ? attributes : null,
                events.Count > 0 ? events : null,
                last ? null : true,
                last && suppressResponse ? true : null)
            {
                InteractionModelRevision = InteractionMessage.CurrentRevision,
            });
            attributes = [];
            events = [];
            used = EnvelopeBytes;
        }
    }
}
