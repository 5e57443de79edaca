using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.Node.Composition;
using MatterGen.Node.Information;
using MatterGen.Tlv;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MatterGen.Node.Tests;

/// <summary>Nodes, servers and TLV helpers the tests share.</summary>
internal static class TestNodes
{
    /// <summary>The Basic Information every test node has.</summary>
    public static BasicInformationOptions Information { get; } = new()
    {
        VendorName = "MatterGen",
        VendorId = 0xFFF1,
        ProductName = "Test charger",
        ProductId = 0x8001,
        UniqueId = "5f1c2a9e4b7d4e0c",
        SerialNumber = "SN-0001",
        HardwareVersion = 2,
        HardwareVersionString = "rev B",
        SoftwareVersion = 7,
        SoftwareVersionString = "0.7.0",
    };

    /// <summary>Node options on a fake clock.</summary>
    public static MatterNodeOptions Options(FakeTimeProvider? time = null, IAttributeStore? store = null) => new()
    {
        Information = Information,
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero)),
        Store = store,
    };

    /// <summary>
    /// A builder whose root waives General Diagnostics, Administrator Commissioning and Group Key Management, which
    /// the charger serves but these small test nodes leave out.
    /// </summary>
    public static MatterNodeBuilder Builder(MatterNodeOptions? options = null)
    {
        var builder = new MatterNodeBuilder(options ?? Options());
        builder.Waive(0, ClusterIds.GeneralDiagnostics, "a test node without diagnostics");
        builder.Waive(0, ClusterIds.AdministratorCommissioning, "a test node off the network");
        builder.Waive(0, ClusterIds.GroupKeyManagement, "a test node without key sets");

        return builder;
    }

    /// <summary>Reads an attribute and decodes it with a generated attribute codec.</summary>
    public static T Read<T>(ClusterServer server, uint attributeId, TlvDecoder<T> decode, RequestContext? context = null)
    {
        var result = server.ReadAttribute(attributeId, context ?? RequestContext.Local);
        Assert.Equal(MatterStatus.Success, result.Status);
        var reader = new TlvReader(result.Value.Span);
        Assert.True(reader.Read());
        return decode(ref reader);
    }

    /// <summary>One value as anonymous TLV, written by <paramref name="write"/>.</summary>
    public static byte[] Tlv(TlvWriteAction write)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new TlvWriter(output);
        write(ref writer);
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Writes a value with a writer.</summary>
    public delegate void TlvWriteAction(ref TlvWriter writer);
}

/// <summary>
/// A server of any cluster id with no attributes or commands: stands in for clusters this repository does not
/// generate (Power Topology, Electrical Power Measurement, ...) in composition tests.
/// </summary>
internal sealed class StandInServer(uint clusterId, ushort endpoint) : ClusterServer(new ClusterServerOptions { Endpoint = endpoint })
{
    public override ClusterDescription Description { get; } = new(clusterId, 1, 0, [], [], [], []);

    protected override void WriteAttributeValue(uint attributeId, ref TlvWriter writer) =>
        throw new ArgumentOutOfRangeException(nameof(attributeId));

    protected override MatterStatus StoreAttributeValue(uint attributeId, ref TlvReader reader) => MatterStatus.UnsupportedAttribute;

    protected override ValueTask<InvokeResult> DispatchAsync(uint commandId, ReadOnlyMemory<byte> fields, RequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(InvokeResult.FromStatus(MatterStatus.UnsupportedCommand));
}
