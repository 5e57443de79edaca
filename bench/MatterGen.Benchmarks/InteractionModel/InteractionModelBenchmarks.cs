using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using MatterGen.Evse.Charger;
using MatterGen.Evse.Clusters;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Server;
using MatterGen.Messaging;
using MatterGen.Node;
using MatterGen.Node.Information;

namespace MatterGen.Benchmarks.InteractionModel;

/// <summary>
/// The Interaction Model engine serving the real charger node (root endpoint with Descriptor, Access Control,
/// Basic Information and General Diagnostics; endpoint 1 with the Energy EVSE and its companions), every path
/// access-checked against the node's own ACL (the administrator entry AddNOC leaves), from the first request's
/// bytes to the last reply's bytes: a wildcard ReadRequest answered with ReportData chunks of at most 1200 bytes,
/// a timed EnableCharging (TimedRequest, StatusResponse, InvokeRequest, InvokeResponse), and an untimed
/// Energy EVSE Mode ChangeToMode answered with its response command.
/// </summary>
[MemoryDiagnoser]
public class InteractionModelBenchmarks
{
    private readonly BenchExchange exchange = new();
    private ChargerNode charger = null!;
    private InteractionServer engine = null!;
    private ProtocolMessage wildcardRead;
    private ProtocolMessage timedRequest;
    private ProtocolMessage enableCharging;
    private ProtocolMessage changeToMode;

    [GlobalSetup]
    public void Setup()
    {
        charger = ChargerNode.Create(new MatterNodeOptions
        {
            Information = new BasicInformationOptions
            {
                VendorName = "MatterGen", VendorId = 0xFFF1, ProductName = "Bench", ProductId = 1, UniqueId = "bench",
            },
        });
        if (charger.Node.AccessControlServer.AddAdministrator(exchange.Subject.FabricIndex, exchange.Subject.Subject) != MatterStatus.Success)
        {
            throw new InvalidOperationException("The administrator entry was refused.");
        }

        engine = new InteractionServer(charger.Node);
        wildcardRead = InteractionMessageWriter.ToProtocolMessage(new ReadRequest([new AttributePath()], null, null, true, null) { InteractionModelRevision = 12 });
        timedRequest = InteractionMessageWriter.ToProtocolMessage(new TimedRequest(1000) { InteractionModelRevision = 12 });
        // EnableCharging { ChargingEnabledUntil: null, MinimumChargeCurrent: 6000, MaximumChargeCurrent: 16000 }.
        enableCharging = Invoke(timed: true, EnergyEVSE.ClusterId, EnergyEVSE.Commands.EnableCharging.Id, [0x15, 0x34, 0x00, 0x21, 0x01, 0x70, 0x17, 0x21, 0x02, 0x80, 0x3E, 0x18]);
        // ChangeToMode { NewMode: 1 }.
        changeToMode = Invoke(timed: false, EnergyEVSEMode.ClusterId, EnergyEVSEMode.ChangeToModeRequest.CommandId, [0x15, 0x24, 0x00, 0x01, 0x18]);

        // The setup check: the read is chunked and complete, both invokes succeed.
        WildcardRead();
        if (exchange.Sent < 2 || InteractionMessageReader.Decode(exchange.Last) is not ReportData { SuppressResponse: true })
        {
            throw new InvalidOperationException($"The wildcard read sent {exchange.Sent} messages, not a chunked report.");
        }

        var messages = exchange.Sent;
        var bytes = exchange.Bytes;
        EnableCharging();
        if (InteractionMessageReader.Decode(exchange.Last) is not InvokeResponse { InvokeResponses: [{ Status.Status.Status: MatterStatus.Success }] })
        {
            throw new InvalidOperationException($"EnableCharging did not succeed: {InteractionMessageReader.Decode(exchange.Last)}.");
        }

        ChangeToMode();
        if (InteractionMessageReader.Decode(exchange.Last) is not InvokeResponse { InvokeResponses: [{ Command.Path.Command: EnergyEVSEMode.ChangeToModeResponse.CommandId }] })
        {
            throw new InvalidOperationException($"ChangeToMode did not answer with ChangeToModeResponse: {InteractionMessageReader.Decode(exchange.Last)}.");
        }

        Console.WriteLine($"// charger node wildcard read: {messages} ReportData messages, {bytes} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => charger.Dispose();

    [Benchmark]
    public int WildcardRead()
    {
        exchange.Reset();
        engine.HandleExchangeAsync(exchange, wildcardRead, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return exchange.Bytes;
    }

    [Benchmark]
    public int EnableCharging()
    {
        exchange.Reset();
        exchange.FollowUp = enableCharging;
        engine.HandleExchangeAsync(exchange, timedRequest, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return exchange.Bytes;
    }

    [Benchmark]
    public int ChangeToMode()
    {
        exchange.Reset();
        engine.HandleExchangeAsync(exchange, changeToMode, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return exchange.Bytes;
    }

    private static ProtocolMessage Invoke(bool timed, uint clusterId, uint commandId, byte[] fields) =>
        InteractionMessageWriter.ToProtocolMessage(new InvokeRequest(false, timed,
            [new CommandData(new CommandPath(ChargerNode.EvseEndpoint, clusterId, commandId), fields)])
        { InteractionModelRevision = 12 });
}
