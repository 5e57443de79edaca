namespace MatterGen.Generator.Model;

/// <summary>A diagnostic as value data: the descriptor's id, where, and the message arguments.</summary>
/// <remarks><see cref="AsError"/> raises a warning to an error (the user's strict mode).</remarks>
internal sealed record DiagnosticInfo(string Id, SourcePosition? Position, EquatableArray<string> Arguments, bool AsError = false)
{
    public static DiagnosticInfo Create(string id, SourcePosition? position, params string[] arguments) =>
        new(id, position, EquatableArray.From(arguments));

    /// <summary>An id (cluster, attribute, command, event) as messages write it: <c>0x0001</c>.</summary>
    public static string IdText(ulong id) => "0x" + id.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
