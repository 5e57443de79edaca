using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Emit.Client;

/// <summary>
/// Emits the nested <c>Client</c> class of a cluster: everything a controller needs, over an
/// <c>IInteractionTransport</c>: a typed read for every attribute, a typed write for every writable one, a
/// method for every request (with its typed response where it has one) and a decoder for every event.
/// </summary>
internal static class ClientEmitter
{
    private const string Interaction = "global::MatterGen.Interaction.";
    private const string Tlv = "global::MatterGen.Tlv.";
    private const string Token = "global::System.Threading.CancellationToken cancellationToken = default";

    /// <summary>Names of the members <c>ClusterClient</c> already has; generated members never take them.</summary>
    private static readonly string[] BaseMembers =
    {
        "Client", "Transport", "Endpoint", "ClusterId", "ReadEventsAsync", "ReadAsync", "WriteAsync", "InvokeAsync", "DecodeEvent",
    };

    /// <summary>Writes the client class into the cluster class being written.</summary>
    public static void Emit(CodeWriter writer, ClusterPlan plan, CancellationToken cancellationToken)
    {
        var cluster = plan.Unit.Cluster;
        var mapper = plan.Mapper;
        var names = plan.Members;
        var clusterClass = plan.ClassReference;
        var scope = new NameScope(BaseMembers.Concat(NameScope.ObjectMembers));

        writer.Line("/// <summary>A client of the " + Literals.Xml(cluster.Name) + " cluster: typed reads, writes, invokes and event decoding over any transport.</summary>");
        writer.Line("/// <remarks>Every method throws <see cref=\"global::MatterGen.Interaction.MatterStatusException\"/> when the server answers with a status other than success.</remarks>");
        writer.Line(Docs.GeneratedCode);
        writer.Block("public sealed class Client : " + Interaction + "ClusterClient");
        writer.Line("/// <summary>A client of the cluster on <paramref name=\"endpoint\"/>, reached through <paramref name=\"transport\"/>.</summary>");
        writer.Line("/// <param name=\"transport\">How requests reach the server.</param>");
        writer.Line("/// <param name=\"endpoint\">The server's endpoint.</param>");
        writer.Line("public Client(" + Interaction + "IInteractionTransport transport, ushort endpoint)");
        writer.Line("    : base(transport, endpoint, " + clusterClass + ".ClusterId)");
        writer.Open();
        writer.Close();

        foreach (var attribute in cluster.Attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!names.AttributeCodecs.TryGetValue(attribute.Id, out var codecs) || mapper.Map(attribute.Type.Name) is not { } type)
            {
                continue;
            }

            var valueType = TypeText.Property(type, attribute.Type.IsList, attribute.IsNullable ? FieldShape.Nullable : FieldShape.Mandatory);
            var bare = Identifier.FromName(attribute.Name).TrimStart('@');
            var label = Literals.Xml(attribute.Name) + " attribute (" + Docs.Id(attribute.Id) + ")";
            var provisional = Docs.IsProvisional(attribute.Maturity, attribute.Conformance);
            var deprecated = Docs.IsDeprecated(attribute.Maturity, attribute.Conformance);

            writer.Line();
            writer.Line("/// <summary>Reads the " + label + ".</summary>");
            writer.Line("/// <param name=\"cancellationToken\">Cancels the read.</param>");
            Docs.Maturity(writer, provisional, deprecated);
            writer.Line("public global::System.Threading.Tasks.ValueTask<" + valueType + "> " + scope.Claim("Read" + bare + "Async") + "(" + Token + ") =>");
            writer.Line("    ReadAsync(" + Literals.Hex(attribute.Id) + ", " + clusterClass + ".AttributeCodecs." + codecs.Decode + ", cancellationToken);");

            if (!attribute.IsWritable)
            {
                continue;
            }

            writer.Line();
            writer.Line("/// <summary>Writes the " + label + ".</summary>");
            writer.Line("/// <param name=\"value\">The new value.</param>");
            writer.Line("/// <param name=\"timed\">Send the write in a timed interaction" + (attribute.MustUseTimedWrite ? " (the attribute requires one)" : string.Empty) + ".</param>");
            writer.Line("/// <param name=\"cancellationToken\">Cancels the write.</param>");
            Docs.Maturity(writer, provisional, deprecated);
            writer.Line("public global::System.Threading.Tasks.ValueTask " + scope.Claim("Write" + bare + "Async") + "(" + valueType + " value, bool timed = " + Literals.Bool(attribute.MustUseTimedWrite) + ", " + Token + ") =>");
            writer.Line("    WriteAsync(" + Literals.Hex(attribute.Id) + ", value, " + clusterClass + ".AttributeCodecs." + codecs.Encode + ", timed, cancellationToken);");
        }

        foreach (var command in cluster.Commands.Where(c => c.Direction == CommandDirection.ClientToServer))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var requestType = clusterClass + "." + names.CommandRecords[(command.Id, command.Direction)];
            var encode = "static (ref " + Tlv + "TlvWriter writer, " + Tlv + "TlvTag tag, " + requestType + " value) => value.Encode(ref writer, tag)";
            var method = scope.Claim(Identifier.FromName(command.Name).TrimStart('@') + "Async");
            var response = ClusterMemberNames.ResponseOf(cluster, command);
            var responseType = response is null ? null : clusterClass + "." + names.CommandRecords[(response.Id, response.Direction)];

            writer.Line();
            Docs.Summary(writer, command.Description, "Invokes the " + command.Name + " command (" + Docs.Id(command.Id) + ").");
            writer.Line("/// <param name=\"request\">The request's fields.</param>");
            writer.Line("/// <param name=\"timed\">Send the invoke in a timed interaction" + (command.MustUseTimedInvoke ? " (the command requires one)" : string.Empty) + ".</param>");
            writer.Line("/// <param name=\"cancellationToken\">Cancels the invoke.</param>");
            if (responseType is not null)
            {
                writer.Line("/// <returns>The server's " + Literals.Xml(response!.Name) + ".</returns>");
            }

            Docs.Maturity(writer, Docs.IsProvisional(command.Maturity, command.Conformance), Docs.IsDeprecated(command.Maturity, command.Conformance));
            var parameters = "(" + requestType + " request, bool timed = " + Literals.Bool(command.MustUseTimedInvoke) + ", " + Token + ")";
            if (responseType is null)
            {
                writer.Line("public global::System.Threading.Tasks.ValueTask " + method + parameters + " =>");
                writer.Line("    InvokeAsync(" + Literals.Hex(command.Id) + ", request, " + encode + ", timed, cancellationToken);");
            }
            else
            {
                writer.Line("public global::System.Threading.Tasks.ValueTask<" + responseType + "> " + method + parameters + " =>");
                writer.Line("    InvokeAsync(" + Literals.Hex(command.Id) + ", request, " + encode + ", " + Literals.Hex(response!.Id) + ", " + responseType + ".Decode, timed, cancellationToken);");
            }
        }

        foreach (var clusterEvent in cluster.Events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var eventType = clusterClass + "." + names.EventRecords[clusterEvent.Id];
            writer.Line();
            writer.Line("/// <summary>Decodes the payload of a " + Literals.Xml(clusterEvent.Name) + " event (" + Docs.Id(clusterEvent.Id) + ") read from the server.</summary>");
            writer.Line("/// <param name=\"record\">The event as read; it must be this cluster's " + Literals.Xml(clusterEvent.Name) + " event.</param>");
            writer.Line("/// <returns>The typed payload.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">The record is another event.</exception>");
            writer.Line("/// <exception cref=\"global::MatterGen.Tlv.TlvException\">The payload is malformed.</exception>");
            Docs.Maturity(writer, Docs.IsProvisional(clusterEvent.Maturity, clusterEvent.Conformance), Docs.IsDeprecated(clusterEvent.Maturity, clusterEvent.Conformance));
            var bare = Identifier.FromName(clusterEvent.Name).TrimStart('@');
            writer.Line("public static " + eventType + " " + scope.Claim("Decode" + bare) + "(" + Interaction + "EventRecord record) =>");
            writer.Line("    DecodeEvent(record, " + clusterClass + ".ClusterId, " + Literals.Hex(clusterEvent.Id) + ", " + eventType + ".Decode);");
        }

        writer.Close();
    }
}
