using System.Text;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Writes C# line by line with indentation; lines end in <c>\n</c> on every platform so the output is the
/// same everywhere.
/// </summary>
internal sealed class CodeWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder builder = new();
    private int depth;

    /// <summary>Writes one line at the current indentation (an empty line has no indentation).</summary>
    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < depth; i++)
            {
                builder.Append(IndentUnit);
            }

            builder.Append(text);
        }

        builder.Append('\n');
    }

    /// <summary>
    /// Writes a block of lines at the current indentation: a template (usually a raw interpolated string) whose
    /// own indentation is kept relative to the writer's. Empty lines stay empty.
    /// </summary>
    public void Lines(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            Line(line.TrimEnd('\r'));
        }
    }

    /// <summary>
    /// Indents by <paramref name="levels"/> without writing: after a template that opened that many blocks
    /// (ended in <c>{</c>), so the code inside them and <see cref="Close"/> line up.
    /// </summary>
    public void Indent(int levels = 1) => depth += levels;

    /// <summary>Writes <c>{</c> and indents.</summary>
    public void Open()
    {
        Line("{");
        depth++;
    }

    /// <summary>Unindents and writes <c>}</c> followed by <paramref name="suffix"/>.</summary>
    public void Close(string suffix = "")
    {
        depth--;
        Line("}" + suffix);
    }

    /// <summary>
    /// Writes <c>if (condition)</c> with one statement in braces, then an empty line: a check that leaves early
    /// (throws or returns), the shape every generated constraint check has.
    /// </summary>
    public void Guard(string condition, string statement) =>
        Lines($$"""
            if ({{condition}})
            {
                {{statement}}
            }

            """);

    /// <summary>Writes a header line, then opens a block.</summary>
    public void Block(string header)
    {
        Line(header);
        Open();
    }

    /// <inheritdoc/>
    public override string ToString() => builder.ToString();
}
