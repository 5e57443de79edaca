using System.Threading;
using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit.Client;

/// <summary>
/// Emits the nested <c>Client</c> class of a cluster: everything a controller needs, over an
/// <c>IInteractionTransport</c>: a typed read for every attribute, a typed write for every writable one, a
/// method for every request (with its typed response where it has one) and a decoder for every event.
/// </summary>
internal static class ClientEmitter
{
    private const string Token = "global::System.Threading.CancellationToken cancellationToken = default";

    /// <summary>Writes the client class into the cluster class being written.</summary>
    public static void Emit(CodeWriter writer, ClusterPlan plan, CancellationToken cancellationToken)
    {
        var cluster = plan.Unit.Cluster;
        var clusterClass = plan.ClassReference;

        writer.Lines($$"""
            /// <summary>A client of the {{Literals.Xml(cluster.Name)}} cluster: typed reads, writes, invokes and event decoding over any transport.</summary>
            /// <remarks>Every method throws <see cref="global::MatterGen.Interaction.MatterStatusException"/> when the server answers with a status other than success.</remarks>
            {{Docs.GeneratedCode}}
            public sealed class Client : {{Interaction}}ClusterClient
            {
                /// <summary>A client of the cluster on <paramref name="endpoint"/>, reached through <paramref name="transport"/>.</summary>
                /// <param name="transport">How requests reach the server.</param>
                /// <param name="endpoint">The server's endpoint.</param>
                public Client({{Interaction}}IInteractionTransport transport, ushort endpoint)
                    : base(transport, endpoint, {{clusterClass}}.ClusterId)
                {
                }
            """);
        writer.Indent();

        foreach (var read in plan.Client.Attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attribute = read.Attribute;
            var label = Literals.Xml(attribute.Name) + " attribute (" + Docs.Id(attribute.Id) + ")";
            var provisional = MaturityMarks.IsProvisional(attribute.Maturity, attribute.Conformance);
            var deprecated = MaturityMarks.IsDeprecated(attribute.Maturity, attribute.Conformance);

            writer.Lines($$"""

                /// <summary>Reads the {{label}}.</summary>
                /// <param name="cancellationToken">Cancels the read.</param>
                """);
            Docs.Maturity(writer, provisional, deprecated);
            writer.Lines($$"""
                public global::System.Threading.Tasks.ValueTask<{{read.ValueType}}> {{read.Read}}({{Token}}) =>
                    ReadAsync({{Literals.Hex(attribute.Id)}}, {{clusterClass}}.AttributeCodecs.{{read.Codecs.Decode}}, cancellationToken);
                """);

            if (read.Write is null)
            {
                continue;
            }

            writer.Lines($$"""

                /// <summary>Writes the {{label}}.</summary>
                /// <param name="value">The new value.</param>
                /// <param name="timed">Send the write in a timed interaction{{(attribute.MustUseTimedWrite ? " (the attribute requires one)" : string.Empty)}}.</param>
                /// <param name="cancellationToken">Cancels the write.</param>
                """);
            Docs.Maturity(writer, provisional, deprecated);
            writer.Lines($$"""
                public global::System.Threading.Tasks.ValueTask {{read.Write}}({{read.ValueType}} value, bool timed = {{Literals.Bool(attribute.MustUseTimedWrite)}}, {{Token}}) =>
                    WriteAsync({{Literals.Hex(attribute.Id)}}, value, {{clusterClass}}.AttributeCodecs.{{read.Codecs.Encode}}, timed, cancellationToken);
                """);
        }

        foreach (var invoke in plan.Client.Invokes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (command, response, requestType, responseType) = (invoke.Command, invoke.Response, invoke.RequestType, invoke.ResponseType);
            var encode = "static (ref " + Tlv + "TlvWriter writer, " + Tlv + "TlvTag tag, " + requestType + " value) => value.Encode(ref writer, tag)";

            writer.Line();
            Docs.Summary(writer, command.Description, "Invokes the " + command.Name + " command (" + Docs.Id(command.Id) + ").");
            writer.Lines($$"""
                /// <param name="request">The request's fields.</param>
                /// <param name="timed">Send the invoke in a timed interaction{{(command.MustUseTimedInvoke ? " (the command requires one)" : string.Empty)}}.</param>
                /// <param name="cancellationToken">Cancels the invoke.</param>
                """);
            if (response is not null)
            {
                writer.Line("/// <returns>The server's " + Literals.Xml(response.Name) + ".</returns>");
            }

            Docs.Maturity(writer, MaturityMarks.IsProvisional(command.Maturity, command.Conformance), MaturityMarks.IsDeprecated(command.Maturity, command.Conformance));
            var parameters = $"({requestType} request, bool timed = {Literals.Bool(command.MustUseTimedInvoke)}, {Token})";
            writer.Lines(response is null
                ? $$"""
                    public global::System.Threading.Tasks.ValueTask {{invoke.Method}}{{parameters}} =>
                        InvokeAsync({{Literals.Hex(command.Id)}}, request, {{encode}}, timed, cancellationToken);
                    """
                : $$"""
                    public global::System.Threading.Tasks.ValueTask<{{responseType}}> {{invoke.Method}}{{parameters}} =>
                        InvokeAsync({{Literals.Hex(command.Id)}}, request, {{encode}}, {{Literals.Hex(response.Id)}}, {{responseType}}.Decode, timed, cancellationToken);
                    """);
        }

        foreach (var decoder in plan.Client.EventDecoders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (clusterEvent, eventType) = (decoder.Event, decoder.PayloadType);
            writer.Lines($$"""

                /// <summary>Decodes the payload of a {{Literals.Xml(clusterEvent.Name)}} event ({{Docs.Id(clusterEvent.Id)}}) read from the server.</summary>
                /// <param name="record">The event as read; it must be this cluster's {{Literals.Xml(clusterEvent.Name)}} event.</param>
                /// <returns>The typed payload.</returns>
                /// <exception cref="global::System.ArgumentException">The record is another event.</exception>
                /// <exception cref="global::MatterGen.Tlv.TlvException">The payload is malformed.</exception>
                """);
            Docs.Maturity(writer, MaturityMarks.IsProvisional(clusterEvent.Maturity, clusterEvent.Conformance), MaturityMarks.IsDeprecated(clusterEvent.Maturity, clusterEvent.Conformance));
            writer.Lines($$"""
                public static {{eventType}} {{decoder.Method}}({{Interaction}}EventRecord record) =>
                    DecodeEvent(record, {{clusterClass}}.ClusterId, {{Literals.Hex(clusterEvent.Id)}}, {{eventType}}.Decode);
                """);
        }

        writer.Close();
    }
}
