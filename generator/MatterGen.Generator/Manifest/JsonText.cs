using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;

namespace MatterGen.Generator.Manifest;

/// <summary>A JSON value as <see cref="JsonText"/> reads it: only what a ZAP manifest needs is kept.</summary>
internal abstract record JsonValue(int Line, int Column);

/// <summary>A JSON object: its members in file order.</summary>
internal sealed record JsonObject(IReadOnlyList<KeyValuePair<string, JsonValue>> Members, int Line, int Column) : JsonValue(Line, Column);

/// <summary>A JSON array.</summary>
internal sealed record JsonArray(IReadOnlyList<JsonValue> Items, int Line, int Column) : JsonValue(Line, Column);

/// <summary>A JSON string.</summary>
internal sealed record JsonString(string Value, int Line, int Column) : JsonValue(Line, Column);

/// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>: read and checked, its value not kept.</summary>
internal sealed record JsonOther(int Line, int Column) : JsonValue(Line, Column);

/// <summary>
/// A small strict JSON reader (RFC 8259) with positions, for the generator's one JSON input (a ZAP
/// <c>zcl.json</c>). The generator targets netstandard2.0 and must not depend on a JSON package the compiler
/// host may not load. Bounded: nesting depth and the input length are capped; never throws but
/// <see cref="JsonException"/>.
/// </summary>
internal sealed class JsonText
{
    /// <summary>Deepest nesting accepted; a ZAP manifest nests four levels.</summary>
    public const int MaxDepth = 64;

    private readonly string text;
    private readonly CancellationToken cancellationToken;
    private int index;
    private int line = 1;
    private int lineStart;

    private JsonText(string text, CancellationToken cancellationToken)
    {
        this.text = text;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Reads one JSON document; throws <see cref="JsonException"/> (with a position) when it is not one.</summary>
    public static JsonValue Parse(string text, CancellationToken cancellationToken)
    {
        var reader = new JsonText(text, cancellationToken);
        reader.SkipWhitespace();
        var value = reader.ReadValue(1);
        reader.SkipWhitespace();
        if (reader.index != text.Length)
        {
            throw reader.Error("text after the end of the document");
        }

        return value;
    }

    private int Column => index - lineStart + 1;

    private JsonValue ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("values are nested more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep");
        }

        if (index >= text.Length)
        {
            throw Error("unexpected end of the document");
        }

        var (startLine, startColumn) = (line, Column);
        switch (text[index])
        {
            case '{':
                return ReadObject(depth, startLine, startColumn);
            case '[':
                return ReadArray(depth, startLine, startColumn);
            case '"':
                return new JsonString(ReadString(), startLine, startColumn);
            case 't':
                Expect("true");
                return new JsonOther(startLine, startColumn);
            case 'f':
                Expect("false");
                return new JsonOther(startLine, startColumn);
            case 'n':
                Expect("null");
                return new JsonOther(startLine, startColumn);
            default:
                ReadNumber();
                return new JsonOther(startLine, startColumn);
        }
    }

    private JsonObject ReadObject(int depth, int startLine, int startColumn)
    {
        index++;
        var members = new List<KeyValuePair<string, JsonValue>>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            index++;
            return new JsonObject(members, startLine, startColumn);
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("expected a member name in quotes");
            }

            var key = ReadString();
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error("expected ':' after a member name");
            }

            index++;
            SkipWhitespace();
            members.Add(new KeyValuePair<string, JsonValue>(key, ReadValue(depth + 1)));
            SkipWhitespace();
            switch (Peek())
            {
                case ',':
                    index++;
                    continue;
                case '}':
                    index++;
                    return new JsonObject(members, startLine, startColumn);
                default:
                    throw Error("expected ',' or '}' in an object");
            }
        }
    }

    private JsonArray ReadArray(int depth, int startLine, int startColumn)
    {
        index++;
        var items = new List<JsonValue>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            index++;
            return new JsonArray(items, startLine, startColumn);
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SkipWhitespace();
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            switch (Peek())
            {
                case ',':
                    index++;
                    continue;
                case ']':
                    index++;
                    return new JsonArray(items, startLine, startColumn);
                default:
                    throw Error("expected ',' or ']' in an array");
            }
        }
    }

    private string ReadString()
    {
        index++;
        var builder = new StringBuilder();
        while (true)
        {
            if (index >= text.Length)
            {
                throw Error("unterminated string");
            }

            var c = text[index++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < 0x20)
            {
                throw Error("control character in a string");
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (index >= text.Length)
            {
                throw Error("unterminated escape");
            }

            var escape = text[index++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (index + 4 > text.Length || !ushort.TryParse(text.Substring(index, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("invalid \\u escape");
                    }

                    builder.Append((char)code);
                    index += 4;
                    break;
                default:
                    throw Error("invalid escape '\\" + escape + "'");
            }
        }
    }

    private void ReadNumber()
    {
        var start = index;
        if (Peek() == '-')
        {
            index++;
        }

        var digits = 0;
        while (index < text.Length && (char.IsDigit(text[index]) || text[index] is '.' or 'e' or 'E' or '+' or '-'))
        {
            index++;
            digits++;
        }

        if (digits == 0 || !double.TryParse(text.Substring(start, index - start), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            index = start;
            throw Error("unexpected character '" + (start < text.Length ? text[start].ToString() : string.Empty) + "'");
        }
    }

    private void Expect(string literal)
    {
        if (string.CompareOrdinal(text, index, literal, 0, literal.Length) != 0)
        {
            throw Error("unexpected word");
        }

        index += literal.Length;
    }

    private char Peek() => index < text.Length ? text[index] : '\0';

    private void SkipWhitespace()
    {
        while (index < text.Length)
        {
            switch (text[index])
            {
                case '\n':
                    index++;
                    line++;
                    lineStart = index;
                    break;
                case ' ':
                case '\t':
                case '\r':
                    index++;
                    break;
                default:
                    return;
            }
        }
    }

    private JsonException Error(string message) => new(message, line, Column);
}

/// <summary>Text that is not valid JSON, with where.</summary>
internal sealed class JsonException(string message, int line, int column) : System.Exception(message)
{
    /// <summary>One-based line of the problem.</summary>
    public int Line { get; } = line;

    /// <summary>One-based column of the problem.</summary>
    public int Column { get; } = column;
}
