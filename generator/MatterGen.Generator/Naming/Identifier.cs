using System.Globalization;
using System.Text;

namespace MatterGen.Generator.Naming;

/// <summary>
/// Turns names from the definitions into C# identifiers. Names keep the specification's spelling
/// (<c>SessionID</c> stays <c>SessionID</c>) so that code and specification can be read side by side;
/// only what C# cannot take is changed.
/// </summary>
internal static class Identifier
{
    /// <summary>Members every object has; a generated member of that name would hide or clash with them.</summary>
    public static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals" };

    /// <summary>
    /// A PascalCase identifier from a name: words are split at spaces and punctuation, each word's first
    /// letter is upper-cased and the rest kept (<c>Energy EVSE</c> → <c>EnergyEVSE</c>,
    /// <c>On/Off</c> → <c>OnOff</c>). A leading digit gets an underscore; a C# keyword gets an <c>@</c>.
    /// </summary>
    public static string FromName(string name)
    {
        var builder = new StringBuilder(name.Length);
        var startOfWord = true;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                startOfWord = false;
            }
            else
            {
                startOfWord = true;
            }
        }

        if (builder.Length == 0)
        {
            return "_";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var result = builder.ToString();
        return IsKeyword(result) ? "@" + result : result;
    }

    /// <summary>The same as <see cref="FromName"/> with the first letter lower-cased, for parameters and locals.</summary>
    public static string CamelCase(string name)
    {
        var pascal = FromName(name).TrimStart('@');
        var camel = char.ToLowerInvariant(pascal[0]).ToString(CultureInfo.InvariantCulture) + pascal.Substring(1);
        return IsKeyword(camel) ? "@" + camel : camel;
    }

    // Only reserved keywords need escaping; contextual keywords are valid identifiers.
    private static bool IsKeyword(string text) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(text) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None;
}
