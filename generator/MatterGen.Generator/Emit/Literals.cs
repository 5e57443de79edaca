using System.Globalization;
using System.Text;

namespace MatterGen.Generator.Emit;

/// <summary>C# literals and XML doc text, culture-invariant.</summary>
internal static class Literals
{
    /// <summary>A C# string literal, or <c>null</c>.</summary>
    public static string String(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c > '\u007e')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>A hexadecimal literal (<c>0x0099</c>) with at least <paramref name="digits"/> digits.</summary>
    public static string Hex(ulong value, int digits = 4) =>
        "0x" + value.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A decimal integer literal.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A C# <c>decimal</c> literal (<c>1439m</c>), or <c>null</c>.</summary>
    public static string Decimal(decimal? value) =>
        value is { } v ? v.ToString(CultureInfo.InvariantCulture) + "m" : "null";

    /// <summary>A C# <c>bool</c> literal.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>An <c>int?</c> literal.</summary>
    public static string NullableInt(int? value) =>
        value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";

    /// <summary>Text made safe inside an XML doc comment: &amp;, &lt; and &gt; escaped, whitespace collapsed.</summary>
    public static string Xml(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
