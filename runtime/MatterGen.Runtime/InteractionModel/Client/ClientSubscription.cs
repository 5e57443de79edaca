using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace MatterGen.InteractionModel.Client;

/// <summary>A subscription as its subscriber sees it: the id, the node's chosen max interval, the priming report and the reports that follow.</summary>
public sealed class ClientSubscription
{
    private readonly Channel<ReportAssembler> reports = Channel.CreateBounded<ReportAssembler>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });

    internal ClientSubscription(uint id, ushort maxInterval, ReportAssembler priming)
    {
        Id = id;
        MaxInterval = maxInterval;
        Priming = priming;
    }

    /// <summary>The subscription id.</summary>
    public uint Id { get; }

    /// <summary>The max interval the node chose, seconds.</summary>
    public ushort MaxInterval { get; }

    /// <summary>The priming report.</summary>
    public ReportAssembler Priming { get; }

    /// <summary>Waits for the next report (reassembled from its chunks).</summary>
    public ValueTask<ReportAssembler> NextReportAsync(CancellationToken cancellationToken = default) => reports.Reader.ReadAsync(cancellationToken);

    /// <summary>True when a report is waiting.</summary>
    public bool TryTakeReport(out ReportAssembler? report) => reports.Reader.TryRead(out report);

    internal void Deliver(ReportAssembler report) => reports.Writer.TryWrite(report);
}
