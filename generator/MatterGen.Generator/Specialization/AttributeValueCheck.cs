using System;
using System.Globalization;
using System.Linq;
using System.Text;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Specialization;

/// <summary>
/// Checks a default value against an attribute's type and constraint and normalises it: integers (and enum
/// items given by name) and reals become invariant decimal text with their number, booleans <c>true</c>/<c>false</c>,
/// null <c>null</c>; strings keep their C# literal. An octet string is written as a string literal of hex digits (<c>"0A1B"</c>).
/// </summary>
internal static class AttributeValueCheck
{
    /// <summary>The normalised value, or null with <paramref name="error"/> saying why the value is not allowed.</summary>
    public static DefaultValue? Check(DefaultValue? value, AttributeModel attribute, ValueDomain domain, Constraint constraint, out string error)
    {
        error = string.Empty;
        if (value is null || value.Text.Trim() == "null")
        {
            if (!attribute.IsNullable)
            {
                error = "null is not allowed, the attribute is not nullable";
                return null;
            }

            return new DefaultValue("null", null);
        }

        switch (domain.Kind)
        {
            case ValueKind.Integer:
                return CheckInteger(value, domain, constraint, out error);
            case ValueKind.Float:
                return CheckFloat(value, constraint, out error);
            case ValueKind.Boolean:
                var text = value.Text.Trim();
                if (text is "true" or "false")
                {
                    return new DefaultValue(text, null);
                }

                error = $"'{value}' is not a boolean (true or false)";
                return null;
            case ValueKind.CharString:
            case ValueKind.OctetString:
                return CheckString(value.Text, domain, constraint, out error) is { } literal ? new DefaultValue(literal, null) : null;
            default:
                error = $"a default cannot be set for type '{domain.TypeName}'; only numbers, enums, bitmaps, booleans and strings take one";
                return null;
        }
    }

    private static DefaultValue? CheckInteger(DefaultValue value, ValueDomain domain, Constraint constraint, out string error)
    {
        error = string.Empty;
        var named = domain.NamedType;
        decimal number;
        var item = named?.Values.FirstOrDefault(candidate => string.Equals(candidate.Name, value.Text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (named is { Kind: DataTypeKind.Enum } && item is not null)
        {
            number = item.Value;
        }
        else if (value.Number is { } written && written == decimal.Truncate(written))
        {
            number = decimal.Truncate(written);
        }
        else
        {
            error = $"'{value}' is not an integer{(named is { Kind: DataTypeKind.Enum } ? " or an item of " + named.Name : string.Empty)}";
            return null;
        }

        // The definition's own bounds first: they say more to the user than the type's range.
        if (!InConstraint(number, constraint, out error))
        {
            return null;
        }

        if (number < domain.Min || number > domain.Max)
        {
            error = $"{Text(number)} is outside the range of {domain.TypeName} ({Text(domain.Min)} to {Text(domain.Max)})";
            return null;
        }

        if (named is { Kind: DataTypeKind.Enum } && named.Values.Count > 0 && named.Values.All(candidate => candidate.Value != number))
        {
            error = $"{Text(number)} is not a value of {named.Name}";
            return null;
        }

        if (named is { Kind: DataTypeKind.Bitmap } && named.Values.Count > 0)
        {
            var mask = named.Values.Aggregate(0UL, (all, field) => all | field.Value);
            if (((ulong)number & ~mask) != 0)
            {
                error = $"{Text(number)} sets bits that {named.Name} does not define (its fields cover 0x{mask:X})";
                return null;
            }
        }

        return Normalized(number);
    }

    private static DefaultValue? CheckFloat(DefaultValue value, Constraint constraint, out string error)
    {
        error = string.Empty;
        if (value.Number is not { } number)
        {
            error = $"'{value}' is not a number";
            return null;
        }

        return InConstraint(number, constraint, out error) ? Normalized(number) : null;
    }

    private static DefaultValue Normalized(decimal number) => new(Text(number), number);

    private static string? CheckString(string value, ValueDomain domain, Constraint constraint, out string error)
    {
        var content = Unquote(value, out error);
        if (content is null)
        {
            return null;
        }

        int length;
        if (domain.Kind == ValueKind.CharString)
        {
            length = Encoding.UTF8.GetByteCount(content);
        }
        else
        {
            if (content.Length % 2 != 0 || !content.All(Uri.IsHexDigit))
            {
                error = $"an octet string default is written as hex digits, two per byte; '{content}' is not";
                return null;
            }

            length = content.Length / 2;
        }

        if (constraint.MaxLength is { } max && length > max)
        {
            error = $"its length {length} exceeds the maximum length {max}";
            return null;
        }

        if (constraint.MinLength is { } min && length < min)
        {
            error = $"its length {length} is below the minimum length {min}";
            return null;
        }

        return value.Trim();
    }

    /// <summary>True when a number lies within a constraint's min and max (those that are numbers).</summary>
    public static bool InConstraint(decimal number, Constraint constraint, out string error)
    {
        error = string.Empty;
        if (constraint.Min is { } min && number < min)
        {
            error = $"{Text(number)} is below the minimum {Text(min)}";
            return false;
        }

        if (constraint.Max is { } max && number > max)
        {
            error = $"{Text(number)} is above the maximum {Text(max)}";
            return false;
        }

        return true;
    }

    /// <summary>Invariant decimal text of a number.</summary>
    public static string Text(decimal number) => number.ToString(CultureInfo.InvariantCulture);

    // The content of a C# regular string literal, with its simple escapes undone.
    private static string? Unquote(string value, out string error)
    {
        error = string.Empty;
        var text = value.Trim();
        if (text.Length < 2 || text[0] != '"' || text[text.Length - 1] != '"')
        {
            error = $"'{value}' is not a string literal";
            return null;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= text.Length - 1)
            {
                error = $"'{value}' ends inside an escape sequence";
                return null;
            }

            switch (text[i])
            {
                case '\\': builder.Append('\\'); break;
                case '"': builder.Append('"'); break;
                case '\'': builder.Append('\''); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case '0': builder.Append('\0'); break;
                case 'u' when i + 4 < text.Length - 1
                    && ushort.TryParse(text.Substring(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    error = $"'{value}' has an escape sequence this generator does not read (\\{text[i]})";
                    return null;
            }
        }

        return builder.ToString();
    }
}
