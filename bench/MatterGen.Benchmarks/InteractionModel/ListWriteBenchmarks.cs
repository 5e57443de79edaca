using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.InteractionModel;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Server;
using MatterGen.Messaging;
using MatterGen.Node.Access;
using MatterGen.Tlv;
using Entry = MatterGen.Node.Clusters.AccessControl.AccessControlEntryStruct;
using Modes = MatterGen.Node.Clusters.AccessControl.AccessControlEntryAuthModeEnum;
using Privileges = MatterGen.Node.Clusters.AccessControl.AccessControlEntryPrivilegeEnum;

namespace MatterGen.Benchmarks.InteractionModel;

/// <summary>
/// A list written as a replace-all and appends in one WriteRequest (as a client chunks a list, Core
/// Specification 10.6.4.3.1): the Access Control server's ACL (a fabric-scoped list with per-entry rules and
/// change events) replaced with an administrator entry and <see cref="Appends"/> viewer entries appended,
/// from the request's bytes to the WriteResponse's.
/// </summary>
[MemoryDiagnoser]
public class ListWriteBenchmarks
{
    private const uint AccessControlCluster = 0x001F;

    private readonly BenchExchange exchange = new();
    private InteractionServer engine = null!;
    private AccessControlServer acl = null!;
    private ProtocolMessage write;

    /// <summary>The number of appended entries.</summary>
    [Params(8, 32)]
    public int Appends { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        acl = new AccessControlServer(new ClusterServerOptions { Endpoint = 0 }, new AccessControlLimits { EntriesPerFabric = 64 });
        engine = new InteractionServer(new AccessControlOnlyNode(acl));
        var path = AttributePath.Concrete(0, AccessControlCluster, 0x0000);
        var append = AttributePath.Append(0, AccessControlCluster, 0x0000);
        var admin = Encode(new Entry { Privilege = Privileges.Administer, AuthMode = Modes.CASE, Subjects = [exchange.Subject.Subject], Targets = null }, list: true);
        write = InteractionMessageWriter.ToProtocolMessage(new WriteRequest(null, false,
            [
                new AttributeData(null, path, admin),
                .. Enumerable.Range(0, Appends).Select(i => new AttributeData(null, append,
                    Encode(new Entry { Privilege = Privileges.View, AuthMode = Modes.CASE, Subjects = [0x1000UL + (ulong)i], Targets = null }, list: false))),
            ], null) { InteractionModelRevision = 12 });

        // The setup check: the write succeeds and leaves every entry.
        Write();
        if (InteractionMessageReader.Decode(exchange.Last) is not WriteResponse { WriteResponses: [{ Status.Status: MatterStatus.Success }] } || acl.EntriesOf(1).Count != Appends + 1)
        {
            throw new InvalidOperationException($"The list write failed: {InteractionMessageReader.Decode(exchange.Last)}.");
        }
    }

    [Benchmark]
    public int Write()
    {
        exchange.Reset();
        engine.HandleExchangeAsync(exchange, write, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return exchange.Bytes;
    }

    private static byte[] Encode(Entry entry, bool list)
    {
        var buffer = new byte[128];
        var writer = new TlvWriter(buffer);
        if (list)
        {
            writer.StartArray(TlvTag.Anonymous);
        }

        entry.Encode(ref writer, TlvTag.Anonymous);
        if (list)
        {
            writer.EndContainer();
        }

        return buffer.AsSpan(0, writer.BytesWritten).ToArray();
    }

    // The engine over the Access Control server alone, every access granted: the benchmark measures the list write,
    // not access checks or a node's composition.
    private sealed class AccessControlOnlyNode(AccessControlServer server) : IDataModel, IAccessControl
    {
        public IReadOnlyList<ushort> Endpoints { get; } = [0];

        public IAccessControl AccessControl => this;

        public IReadOnlyList<ClusterServer> ServersOn(ushort endpoint) => endpoint == 0 ? [server] : [];

        public ClusterServer? FindServer(ushort endpoint, uint clusterId) =>
            endpoint == 0 && clusterId == server.Description.ClusterId ? server : null;

        public bool IsGranted(in SubjectDescriptor subject, ushort endpoint, uint clusterId, Privilege privilege) => true;
    }
}
