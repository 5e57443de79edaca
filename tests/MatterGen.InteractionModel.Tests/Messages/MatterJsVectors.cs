using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.Tests;

namespace MatterGen.InteractionModel.Tests.Messages;

/// <summary>
/// Reads ../shared/vectors/matterjs-im.json and turns each vector's matter.js value into our message record,
/// field by field as the README describes (64-bit ids as decimal strings, nested payloads as anonymous TLV hex).
/// </summary>
internal static class MatterJsVectors
{
    public sealed record Vector(string Message, JsonElement Value, string Hex, string Note)
    {
        public override string ToString() => $"{Message}: {Note}";
    }

    public static IReadOnlyList<Vector> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedMaterial.PathOf("vectors/matterjs-im.json")));
        return document.RootElement.GetProperty("vectors").EnumerateArray()
            .Select(v => new Vector(v.GetProperty("message").GetString()!, v.GetProperty("value").Clone(), v.GetProperty("hex").GetString()!, v.GetProperty("note").GetString() ?? ""))
            .ToList();
    }

    public static InteractionOpcode OpcodeOf(string message) => message switch
    {
        "ReadRequest" => InteractionOpcode.ReadRequest,
        "SubscribeRequest" => InteractionOpcode.SubscribeRequest,
        "SubscribeResponse" => InteractionOpcode.SubscribeResponse,
        "DataReport" => InteractionOpcode.ReportData,
        "WriteRequest" => InteractionOpcode.WriteRequest,
        "WriteResponse" => InteractionOpcode.WriteResponse,
        "InvokeRequest" => InteractionOpcode.InvokeRequest,
        "InvokeResponse" => InteractionOpcode.InvokeResponse,
        "TimedRequest" => InteractionOpcode.TimedRequest,
        "StatusResponse" => InteractionOpcode.StatusResponse,
        _ => throw new ArgumentException(message),
    };

    public static InteractionMessage Build(string message, JsonElement v)
    {
        InteractionMessage built = message switch
        {
            "ReadRequest" => new ReadRequest(
                List(v, "attributeRequests", AttributePathOf), List(v, "eventRequests", EventPathOf), List(v, "eventFilters", EventFilterOf),
                v.GetProperty("isFabricFiltered").GetBoolean(), List(v, "dataVersionFilters", DataVersionFilterOf)),
            "SubscribeRequest" => new SubscribeRequest(
                v.GetProperty("keepSubscriptions").GetBoolean(), (ushort)U(v, "minIntervalFloorSeconds")!, (ushort)U(v, "maxIntervalCeilingSeconds")!,
                List(v, "attributeRequests", AttributePathOf), List(v, "eventRequests", EventPathOf), List(v, "eventFilters", EventFilterOf),
                v.GetProperty("isFabricFiltered").GetBoolean(), List(v, "dataVersionFilters", DataVersionFilterOf)),
            "SubscribeResponse" => new SubscribeResponse((uint)U(v, "subscriptionId")!, (ushort)U(v, "maxInterval")!),
            "DataReport" => new ReportData(
                (uint?)U(v, "subscriptionId"), List(v, "attributeReports", AttributeReportOf), List(v, "eventReports", EventReportOf),
                B(v, "moreChunkedMessages"), B(v, "suppressResponse")),
            "WriteRequest" => new WriteRequest(B(v, "suppressResponse"), v.GetProperty("timedRequest").GetBoolean(), List(v, "writeRequests", AttributeDataOf)!, B(v, "moreChunkedMessages")),
            "WriteResponse" => new WriteResponse(List(v, "writeResponses", AttributeStatusOf)!),
            "InvokeRequest" => new InvokeRequest(v.GetProperty("suppressResponse").GetBoolean(), v.GetProperty("timedRequest").GetBoolean(), List(v, "invokeRequests", CommandDataOf)!),
            "InvokeResponse" => new InvokeResponse(v.GetProperty("suppressResponse").GetBoolean(), List(v, "invokeResponses", InvokeResponseOf)!, B(v, "moreChunkedMessages")),
            "TimedRequest" => new TimedRequest((ushort)U(v, "timeout")!),
            "StatusResponse" => new StatusResponse((MatterStatus)U(v, "status")!),
            _ => throw new ArgumentException(message),
        };
        return built with { InteractionModelRevision = (byte?)U(v, "interactionModelRevision") };
    }

    private static AttributePath AttributePathOf(JsonElement v) => new(
        B(v, "enableTagCompression"), U(v, "nodeId"), (ushort?)U(v, "endpointId"), (uint?)U(v, "clusterId"), (uint?)U(v, "attributeId"),
        v.TryGetProperty("listIndex", out var index) ? new Optional<ushort?>(index.ValueKind == JsonValueKind.Null ? null : (ushort)index.GetUInt32()) : default,
        (uint?)U(v, "wildcardPathFlags"), (uint?)U(v, "wildcardFilterConfigurationVersion"));

    private static EventPath EventPathOf(JsonElement v) =>
        new(U(v, "nodeId"), (ushort?)U(v, "endpointId"), (uint?)U(v, "clusterId"), (uint?)U(v, "eventId"), B(v, "isUrgent"));

    private static EventFilter EventFilterOf(JsonElement v) => new(U(v, "nodeId"), U(v, "eventMin")!.Value);

    private static DataVersionFilter DataVersionFilterOf(JsonElement v)
    {
        var path = v.GetProperty("path");
        return new DataVersionFilter(new ClusterPath(U(path, "nodeId"), (ushort)U(path, "endpointId")!, (uint)U(path, "clusterId")!), (uint)U(v, "dataVersion")!);
    }

    private static StatusIB StatusOf(JsonElement v) => new((MatterStatus)U(v, "status")!, (byte?)U(v, "clusterStatus"));

    private static AttributeData AttributeDataOf(JsonElement v) =>
        new((uint?)U(v, "dataVersion"), AttributePathOf(v.GetProperty("path")), Convert.FromHexString(v.GetProperty("data").GetString()!));

    private static AttributeStatus AttributeStatusOf(JsonElement v) => new(AttributePathOf(v.GetProperty("path")), StatusOf(v.GetProperty("status")));

    private static AttributeReport AttributeReportOf(JsonElement v) => new(
        v.TryGetProperty("attributeStatus", out var status) ? AttributeStatusOf(status) : null,
        v.TryGetProperty("attributeData", out var data) ? AttributeDataOf(data) : null);

    private static EventReport EventReportOf(JsonElement v) => new(
        v.TryGetProperty("eventStatus", out var status) ? new EventStatus(EventPathOf(status.GetProperty("path")), StatusOf(status.GetProperty("status"))) : null,
        v.TryGetProperty("eventData", out var data)
            ? new EventData(EventPathOf(data.GetProperty("path")), U(data, "eventNumber")!.Value, (EventPriority)U(data, "priority")!,
                U(data, "epochTimestamp"), U(data, "systemTimestamp"), U(data, "deltaEpochTimestamp"), U(data, "deltaSystemTimestamp"),
                Convert.FromHexString(data.GetProperty("data").GetString()!))
            : null);

    private static CommandPath CommandPathOf(JsonElement v) => new((ushort?)U(v, "endpointId"), (uint)U(v, "clusterId")!, (uint)U(v, "commandId")!);

    private static CommandData CommandDataOf(JsonElement v) => new(
        CommandPathOf(v.GetProperty("commandPath")),
        v.TryGetProperty("commandFields", out var fields) ? Convert.FromHexString(fields.GetString()!) : null,
        (ushort?)U(v, "commandRef"));

    private static InvokeResponseItem InvokeResponseOf(JsonElement v) => new(
        v.TryGetProperty("command", out var command) ? CommandDataOf(command) : null,
        v.TryGetProperty("status", out var status)
            ? new CommandStatus(CommandPathOf(status.GetProperty("commandPath")), StatusOf(status.GetProperty("status")), (ushort?)U(status, "commandRef"))
            : null);

    private static List<T>? List<T>(JsonElement v, string name, Func<JsonElement, T> item) =>
        v.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(item).ToList() : null;

    private static ulong? U(JsonElement v, string name) => v.TryGetProperty(name, out var p)
        ? p.ValueKind == JsonValueKind.String ? ulong.Parse(p.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : p.GetUInt64()
        : null;

    private static bool? B(JsonElement v, string name) => v.TryGetProperty(name, out var p) ? p.GetBoolean() : null;
}
