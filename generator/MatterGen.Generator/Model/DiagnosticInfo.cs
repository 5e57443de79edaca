namespace MatterGen.Generator.Model;

/// <summary>A diagnostic as value data: the descriptor's id, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, SourcePosition? Position, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(string id, SourcePosition? position, params string[] arguments) =>
        new(id, position, EquatableArray.From(arguments));
}
