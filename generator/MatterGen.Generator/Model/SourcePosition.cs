namespace MatterGen.Generator.Model;

/// <summary>
/// Where something stands in a source file: plain data, so models stay cacheable
/// (a Roslyn <c>Location</c> is made from it only when a diagnostic is reported).
/// </summary>
/// <param name="FilePath">The file's path as the compiler gave it.</param>
/// <param name="Line">One-based line.</param>
/// <param name="Column">One-based column.</param>
/// <param name="SpanStart">Character offset of the span in the file, or -1 where only line and column are known (XML).</param>
/// <param name="SpanLength">Length of the span in characters.</param>
internal sealed record SourcePosition(string FilePath, int Line, int Column, int SpanStart = -1, int SpanLength = 0)
{
    public override string ToString() => $"{FilePath}({Line},{Column})";
}
