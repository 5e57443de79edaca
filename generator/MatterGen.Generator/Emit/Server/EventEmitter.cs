using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// Emits one typed emitter per event present: it encodes the payload and records it in the event log with the
/// definition's priority, the next event number and the server's clock.
/// </summary>
internal static class EventEmitter
{
    private const string Tlv = "global::MatterGen.Tlv.";

    public static void Emit(CodeWriter writer, SpecializedCluster cluster, ClusterMemberNames names, string clusterClass, NameScope scope)
    {
        foreach (var clusterEvent in cluster.Events)
        {
            var payloadType = clusterClass + "." + names.EventRecords[clusterEvent.Id];
            var method = scope.Claim("Emit" + Identifier.FromName(clusterEvent.Name).TrimStart('@'));
            writer.Line("/// <summary>Records a " + Literals.Xml(clusterEvent.Name) + " event (" + Docs.Id(clusterEvent.Id) + ", priority " + clusterEvent.Priority + ").</summary>");
            writer.Line("/// <param name=\"payload\">The event's fields.</param>");
            writer.Line("/// <returns>The event as recorded, with its number and timestamp.</returns>");
            writer.Line("/// <exception cref=\"global::MatterGen.Tlv.TlvException\">A field breaks its constraints.</exception>");
            Docs.Maturity(writer, Docs.IsProvisional(clusterEvent.Maturity, clusterEvent.Conformance), Docs.IsDeprecated(clusterEvent.Maturity, clusterEvent.Conformance));
            writer.Block("public global::MatterGen.Interaction.EventRecord " + method + "(" + payloadType + " payload)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(payload);");
            writer.Line("return RecordEvent(" + Literals.Hex(clusterEvent.Id) + ", EncodePayload(payload, static (ref " + Tlv + "TlvWriter writer, " + Tlv + "TlvTag tag, " + payloadType + " value) => value.Encode(ref writer, tag)));");
            writer.Close();
            writer.Line();
        }
    }
}
