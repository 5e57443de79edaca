using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// Emits one typed emitter per event present: it encodes the payload and records it in the event log with the
/// definition's priority, the next event number and the server's clock.
/// </summary>
internal static class EventEmitter
{
    /// <summary>Writes the emitter of each event the server's plan holds.</summary>
    public static void Emit(CodeWriter writer, EquatableArray<EventMethod> emitters)
    {
        foreach (var emitter in emitters)
        {
            var (clusterEvent, method, payloadType) = (emitter.Event, emitter.Method, emitter.PayloadType);
            writer.Lines($$"""
                /// <summary>Records a {{Literals.Xml(clusterEvent.Name)}} event ({{Docs.Id(clusterEvent.Id)}}, priority {{clusterEvent.Priority}}).</summary>
                /// <param name="payload">The event's fields.</param>
                /// <returns>The event as recorded, with its number and timestamp.</returns>
                /// <exception cref="global::MatterGen.Tlv.TlvException">A field breaks its constraints.</exception>
                """);
            Docs.Maturity(writer, MaturityMarks.IsProvisional(clusterEvent.Maturity, clusterEvent.Conformance), MaturityMarks.IsDeprecated(clusterEvent.Maturity, clusterEvent.Conformance));
            writer.Lines($$"""
                public {{Interaction}}EventRecord {{method}}({{payloadType}} payload)
                {
                    global::System.ArgumentNullException.ThrowIfNull(payload);
                    return RecordEvent({{Literals.Hex(clusterEvent.Id)}}, EncodePayload(payload, static (ref {{Tlv}}TlvWriter writer, {{Tlv}}TlvTag tag, {{payloadType}} value) => value.Encode(ref writer, tag)));
                }

                """);
        }
    }
}
