using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// Emits <c>DispatchAsync</c>: for each accepted command, decode the request (a malformed one is
/// INVALID_COMMAND, a field outside its constraint CONSTRAINT_ERROR), call the driver, and answer with its
/// encoded response or success. The TLV reader and writer are ref structs, so they live only in static lambdas,
/// never in the async method itself.
/// </summary>
internal static class DispatchEmitter
{
    private const string Parameters = "(uint commandId, global::System.ReadOnlyMemory<byte> fields, " + Interaction + "RequestContext context, global::System.Threading.CancellationToken cancellationToken)";
    private const string Returns = "global::System.Threading.Tasks.ValueTask<" + Interaction + "InvokeResult>";
    private const string Result = Interaction + "InvokeResult.FromStatus(" + Interaction + "MatterStatus.";

    /// <summary>Writes <c>DispatchAsync</c> for the server's driver methods, each with its request's bound checks.</summary>
    public static void Emit(CodeWriter writer, ServerMemberPlan plan)
    {
        var members = plan.DriverMethods;
        if (members.Count == 0)
        {
            writer.Lines($$"""
                /// <inheritdoc/>
                protected override {{Returns}} DispatchAsync{{Parameters}} =>
                    new({{Result}}UnsupportedCommand));

                """);
            return;
        }

        writer.Lines($$"""
            /// <inheritdoc/>
            protected override async {{Returns}} DispatchAsync{{Parameters}}
            {
                switch (commandId)
                {
            """);
        writer.Indent(2);
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            writer.Lines($$"""
                case {{Literals.Hex(member.Command.Id)}}:
                {
                    var status = TryDecodeRequest(fields, static message => {{member.RequestType}}.Decode(message), out var request);
                """);
            writer.Indent();
            writer.Guard($"status != {Interaction}MatterStatus.Success", $"return {Interaction}InvokeResult.FromStatus(status);");
            foreach (var violation in RequestBoundChecks.Conditions(plan.RequestChecks[i]))
            {
                writer.Guard(violation, $"return {Result}ConstraintError);");
            }

            var call = $"driver.{member.Method}(request!, context, cancellationToken).ConfigureAwait(false)";
            writer.Lines(member.ResponseType is null
                ? $$"""
                    await {{call}};
                    return {{Result}}Success);
                    """
                : $$"""
                    var response = await {{call}};
                    return Respond({{Literals.Hex(member.Response!.Id)}}, response, static (ref {{Tlv}}TlvWriter writer, {{Tlv}}TlvTag tag, {{member.ResponseType}} value) => value.Encode(ref writer, tag));
                    """);
            writer.Close();
        }

        writer.Lines($$"""
            default:
                return {{Result}}UnsupportedCommand);
            """);
        writer.Close();
        writer.Close();
        writer.Line();
    }
}
