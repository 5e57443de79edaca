using MatterGen.Generator.Model;

namespace MatterGen.Generator.Emit;

/// <summary>Writes XML doc comments and the attributes that mark generated, provisional and deprecated code.</summary>
internal static class Docs
{
    /// <summary>Version written into <c>GeneratedCode</c> attributes.</summary>
    public const string ToolVersion = "0.1.0";

    /// <summary>The <c>GeneratedCode</c> attribute for public types.</summary>
    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"MatterGen\", \"" + ToolVersion + "\")]";

    /// <summary>The marker attribute for provisional elements.</summary>
    public const string ProvisionalAttribute = "[global::MatterGen.DataModel.Provisional]";

    /// <summary>Writes a summary: the description, or <paramref name="fallback"/> when there is none.</summary>
    public static void Summary(CodeWriter writer, string? description, string fallback) =>
        writer.Line("/// <summary>" + Literals.Xml(string.IsNullOrWhiteSpace(description) ? fallback : description!) + "</summary>");

    /// <summary>Writes one remarks element (the note, then what the maturity means) and the maturity's attributes.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="provisional">The element is provisional.</param>
    /// <param name="deprecated">The element is deprecated.</param>
    /// <param name="allowObsolete">False where <c>[Obsolete]</c> is not allowed (a required member, CS9042).</param>
    /// <param name="note">Remarks text to put first, if any.</param>
    public static void Maturity(CodeWriter writer, bool provisional, bool deprecated, bool allowObsolete = true, string? note = null)
    {
        var parts = new System.Collections.Generic.List<string>();
        if (note is not null)
        {
            parts.Add(note);
        }

        if (provisional)
        {
            parts.Add("Provisional in the Matter specification: it may change or be removed in a later revision.");
        }

        if (deprecated && !allowObsolete)
        {
            parts.Add("Deprecated in the Matter specification.");
        }

        if (parts.Count > 0)
        {
            writer.Line("/// <remarks>" + Literals.Xml(string.Join(" ", parts)) + "</remarks>");
        }

        if (provisional)
        {
            writer.Line(ProvisionalAttribute);
        }

        if (deprecated && allowObsolete)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the Matter specification.\")]");
        }
    }

    /// <summary>An id in hex for doc text (<c>0x0005</c>), as diagnostics write it too.</summary>
    public static string Id(uint id) => DiagnosticInfo.IdText(id);
}
