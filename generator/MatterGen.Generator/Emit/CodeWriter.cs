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

    /// <summary>Writes a header line, then opens a block.</summary>
    public void Block(string header)
    {
        Line(header);
        Open();
    }

    /// <inheritdoc/>
    public override string ToString() => builder.ToString();
}
