using System;
using System.Collections.Generic;
using System.Globalization;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Resolution;

/// <summary>
/// Base types a tree declares in its own <c>chip-types.xml</c> that the built-in table does not know (older
/// trees' <c>utc</c>, <c>bitmap24</c>): each becomes an alias of the built-in integer of the same width and sign,
/// so the rest of the generator sees only table types. A name the table knows keeps the table's meaning (the
/// table also knows ranges and wrapper types a size alone does not say). A declaration whose encoding its size
/// and description do not settle (composite, sizeless, floating point) gives no alias: an element of that type
/// is left out (MG0003).
/// </summary>
internal static class TreeBaseTypes
{
    /// <summary>Declared name → the built-in base type it travels as, for names the table lacks.</summary>
    public static Dictionary<string, string> Aliases(IEnumerable<BaseTypeDeclaration> declarations)
    {
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var declaration in declarations)
        {
            if (BaseTypeTable.TryGetIgnoringCase(declaration.Name, out _) || aliases.ContainsKey(declaration.Name))
            {
                continue;
            }

            if (Derive(declaration) is { } tableName)
            {
                aliases.Add(declaration.Name, tableName);
            }
        }

        return aliases;
    }

    /// <summary>The table integer a declaration travels as, or null when its size and description do not settle it.</summary>
    public static string? Derive(BaseTypeDeclaration declaration)
    {
        if (declaration.IsComposite || declaration.Size is not (>= 1 and <= 8) || declaration.Size is not { } size)
        {
            return null;
        }

        var description = declaration.Description ?? string.Empty;
        if (Contains(description, "precision") || Contains(description, "float"))
        {
            return null;
        }

        var signed = Contains(description, "signed") && !Contains(description, "unsigned");
        return "int" + (size * 8).ToString(CultureInfo.InvariantCulture) + (signed ? "s" : "u");
    }

    private static bool Contains(string text, string word) => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;
}
