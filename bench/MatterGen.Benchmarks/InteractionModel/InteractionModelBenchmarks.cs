using System;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Device;
using MatterGen.Evse.Modes;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Server;
using MatterGen.Messaging;

namespace MatterGen.Benchmarks.InteractionModel;

/// <summary>
/// The Interaction Model engine serving a charger node (a standard and a bidirectional Energy EVSE with their
/// mode clusters on endpoints 1 and 2): a ReadRequest with the full wildcard path answered with chunked
/// ReportData of at most 1200 bytes each, and an InvokeRequest (Energy EVSE Mode ChangeToMode) decoded, run
/// and answered with its response command. Both from the request's bytes to the last reply's bytes.
/// </summary>
[MemoryDiagnoser]
public class InteractionModelBenchmarks
{
    private readonly BenchExchange exchange = new();
    private BenchNode node = null!;
    private InteractionServer engine = null!;
    private EnergyEvseDevice standard = null!;
    private EnergyEvseDevice bidirectional = null!;
    private ProtocolMessage wildcardRead;
    private ProtocolMessage invoke;

    [GlobalSetup]
    public void Setup()
    {
        standard = EnergyEvseDevice.CreateStandard(serverOptions: new ClusterServerOptions { Endpoint = 1 });
        bidirectional = EnergyEvseDevice.CreateBidirectional(serverOptions: new ClusterServerOptions { Endpoint = 2 });
        node = new BenchNode()
            .Add(standard.Server).Add(EnergyEvseModes.Create(new ClusterServerOptions { Endpoint = 1 }).Server)
            .Add(bidirectional.Server).Add(EnergyEvseModes.Create(new ClusterServerOptions { Endpoint = 2 }).Server);
        engine = new InteractionServer(node);
        wildcardRead = InteractionMessageWriter.ToProtocolMessage(new ReadRequest([new AttributePath()], null, null, true, null) { InteractionModelRevision = 12 });
        invoke = InteractionMessageWriter.ToProtocolMessage(new InvokeRequest(false, false,
            [new CommandData(new CommandPath(1, EnergyEVSEMode.ClusterId, EnergyEVSEMode.ChangeToModeRequest.CommandId), new byte[] { 0x15, 0x24, 0x00, 0x01, 0x18 })])
        { InteractionModelRevision = 12 });

        // The setup check: the read is chunked and complete, the invoke answers with ChangeToModeResponse.
        WildcardRead();
        if (exchange.Sent < 2 || InteractionMessageReader.Decode(exchange.Last) is not ReportData { SuppressResponse: true })
        {
            throw new InvalidOperationException($"The wildcard read sent {exchange.Sent} messages, not a chunked report.");
        }

        var messages = exchange.Sent;
        var bytes = exchange.Bytes;
        Invoke();
        if (InteractionMessageReader.Decode(exchange.Last) is not InvokeResponse { InvokeResponses: [{ Command.Path.Command: EnergyEVSEMode.ChangeToModeResponse.CommandId }] })
        {
            throw new InvalidOperationException("The invoke did not answer with ChangeToModeResponse.");
        }

        Console.WriteLine($"// wildcard read: {messages} ReportData messages, {bytes} bytes");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        standard.Dispose();
        bidirectional.Dispose();
    }

    [Benchmark]
    public int WildcardRead()
    {
        exchange.Reset();
        engine.HandleExchangeAsync(exchange, wildcardRead, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return exchange.Bytes;
    }

    [Benchmark]
    public int Invoke()
    {
        exchange.Reset();
        engine.HandleExchangeAsync(exchange, invoke, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return exchange.Bytes;
    }
}
