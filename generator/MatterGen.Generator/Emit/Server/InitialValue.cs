using System;
using System.Globalization;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;

namespace MatterGen.Generator.Emit.Server;

/// <summary>The C# expression an attribute's storage starts at, from the definition's or the user's default.</summary>
internal static class InitialValue
{
    public static string Expression(MappedType type, bool isList, bool nullable, DefaultValue? value)
    {
        if (isList)
        {
            return $"global::System.Array.Empty<{type.CSharpType}>()";
        }

        var trimmed = value?.Text.Trim();
        if (value is null || trimmed is null || trimmed.Length == 0 || string.Equals(trimmed, "null", StringComparison.OrdinalIgnoreCase))
        {
            return Fallback(type, nullable);
        }

        return Literal(type, trimmed, value.Number) ?? Fallback(type, nullable);
    }

    private static string? Literal(MappedType type, string text, decimal? number)
    {
        switch (type.Wire)
        {
            case WireKind.UnsignedInteger:
            case WireKind.SignedInteger:
            case WireKind.Enum:
            case WireKind.Bitmap:
            case WireKind.UnsignedWrapper:
                if (number is not { } value || decimal.Truncate(value) != value || value < (type.TypeMin ?? decimal.MinValue) || value > (type.TypeMax ?? decimal.MaxValue))
                {
                    return null;
                }

                var literal = value.ToString(CultureInfo.InvariantCulture);
                return type.Wire == WireKind.UnsignedWrapper
                    ? $"new {type.CSharpType}({literal})"
                    : $"({type.CSharpType})({literal})";
            case WireKind.Boolean:
                return text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1" ? "true"
                    : text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0" ? "false" : null;
            case WireKind.Single:
            case WireKind.Double:
                return number is { } real
                    ? real.ToString(CultureInfo.InvariantCulture) + (type.Wire == WireKind.Single ? "f" : "d")
                    : null;
            case WireKind.String:
                return text.StartsWith("\"", StringComparison.Ordinal) ? text : Literals.String(text);
            default:
                return null;
        }
    }

    private static string Fallback(MappedType type, bool nullable)
    {
        if (nullable)
        {
            return "null";
        }

        return type.Wire switch
        {
            WireKind.String => "\"\"",
            WireKind.Struct => "null",
            _ => "default",
        };
    }
}
