using System.Collections.Generic;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// Emits <c>DispatchAsync</c>: for each accepted command, decode the request (a malformed one is
/// INVALID_COMMAND, a field outside its constraint CONSTRAINT_ERROR), call the driver, and answer with its
/// encoded response or success. The TLV reader and writer are ref structs, so they live only in static lambdas,
/// never in the async method itself.
/// </summary>
internal static class DispatchEmitter
{
    private const string Interaction = "global::MatterGen.Interaction.";
    private const string Tlv = "global::MatterGen.Tlv.";

    public static void Emit(CodeWriter writer, IReadOnlyList<DriverMember> members)
    {
        const string parameters = "(uint commandId, global::System.ReadOnlyMemory<byte> fields, " + Interaction + "RequestContext context, global::System.Threading.CancellationToken cancellationToken)";
        const string returns = "global::System.Threading.Tasks.ValueTask<" + Interaction + "InvokeResult>";
        writer.Line("/// <inheritdoc/>");
        if (members.Count == 0)
        {
            writer.Line("protected override " + returns + " DispatchAsync" + parameters + " =>");
            writer.Line("    new(" + Interaction + "InvokeResult.FromStatus(" + Interaction + "MatterStatus.UnsupportedCommand));");
            writer.Line();
            return;
        }

        writer.Block("protected override async " + returns + " DispatchAsync" + parameters);
        writer.Block("switch (commandId)");
        foreach (var member in members)
        {
            writer.Line("case " + Literals.Hex(member.Command.Id) + ":");
            writer.Open();
            writer.Line("var status = TryDecodeRequest(fields, static message => " + member.RequestType + ".Decode(message), out var request);");
            writer.Line("if (status != " + Interaction + "MatterStatus.Success)");
            writer.Open();
            writer.Line("return " + Interaction + "InvokeResult.FromStatus(status);");
            writer.Close();
            writer.Line();
            foreach (var violation in member.BoundChecks ?? System.Array.Empty<string>())
            {
                writer.Line("if (" + violation + ")");
                writer.Open();
                writer.Line("return " + Interaction + "InvokeResult.FromStatus(" + Interaction + "MatterStatus.ConstraintError);");
                writer.Close();
                writer.Line();
            }

            var call = "driver." + member.Method + "(request!, context, cancellationToken).ConfigureAwait(false)";
            if (member.ResponseType is null)
            {
                writer.Line("await " + call + ";");
                writer.Line("return " + Interaction + "InvokeResult.FromStatus(" + Interaction + "MatterStatus.Success);");
            }
            else
            {
                writer.Line("var response = await " + call + ";");
                writer.Line("return Respond(" + Literals.Hex(member.Response!.Id) + ", response, static (ref " + Tlv + "TlvWriter writer, " + Tlv + "TlvTag tag, " + member.ResponseType + " value) => value.Encode(ref writer, tag));");
            }

            writer.Close();
        }

        writer.Line("default:");
        writer.Line("    return " + Interaction + "InvokeResult.FromStatus(" + Interaction + "MatterStatus.UnsupportedCommand);");
        writer.Close();
        writer.Close();
        writer.Line();
    }
}
