using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Parsing;

/// <summary>
/// State shared while one definition file is read: its path, the diagnostics found so far, the
/// cancellation token, and helpers that read typed values from XML attributes and report what is wrong.
/// </summary>
internal sealed class ParseContext
{
    private readonly List<DiagnosticInfo> diagnostics = new();

    public ParseContext(string filePath, CancellationToken cancellationToken)
    {
        FilePath = filePath;
        CancellationToken = cancellationToken;
    }

    /// <summary>The file being read.</summary>
    public string FilePath { get; }

    /// <summary>Cancels the read.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The diagnostics reported so far, in the order found.</summary>
    public IReadOnlyList<DiagnosticInfo> Diagnostics => diagnostics;

    /// <summary>Records a diagnostic.</summary>
    public void Report(string id, XObject? at, params string[] arguments) =>
        diagnostics.Add(DiagnosticInfo.Create(id, PositionOf(at), arguments));

    /// <summary>Records a diagnostic made elsewhere.</summary>
    public void Report(DiagnosticInfo diagnostic) => diagnostics.Add(diagnostic);

    /// <summary>The file, line and column of an XML node (line 1, column 1 where the reader gave none).</summary>
    public SourcePosition PositionOf(XObject? node)
    {
        if (node is IXmlLineInfo info && info.HasLineInfo())
        {
            return new SourcePosition(FilePath, info.LineNumber, info.LinePosition);
        }

        return new SourcePosition(FilePath, 1, 1);
    }

    /// <summary>An attribute's value, or null when it is absent.</summary>
    public static string? Attr(XElement element, string name) => element.Attribute(name)?.Value;

    /// <summary>A boolean attribute (<c>true</c>/<c>1</c>); absent means <paramref name="fallback"/>; anything else is reported.</summary>
    public bool Bool(XElement element, string name, string owner, bool fallback = false)
    {
        var attribute = element.Attribute(name);
        if (attribute is null)
        {
            return fallback;
        }

        switch (attribute.Value.Trim().ToLowerInvariant())
        {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
            case "":
                return false;
            default:
                Report(DiagnosticIds.InvalidValue, attribute, owner, attribute.Value, name);
                return fallback;
        }
    }

    /// <summary>
    /// A required 32-bit id; reports MG0007 when it is missing and MG0002 when it is not a number.
    /// </summary>
    public uint? RequiredId(XElement element, string attributeName, string owner)
    {
        var attribute = element.Attribute(attributeName);
        if (attribute is null)
        {
            Report(DiagnosticIds.MissingRequiredValue, element, owner, attributeName);
            return null;
        }

        return Id(attribute, owner);
    }

    /// <summary>Reads an id from an attribute or element text; reports MG0002 when it is not a 32-bit number.</summary>
    public uint? Id(XObject source, string owner)
    {
        var (text, what) = source switch
        {
            XAttribute a => (a.Value, a.Name.LocalName),
            XElement e => (e.Value, e.Name.LocalName),
            _ => (string.Empty, "value"),
        };
        if (NumberText.TryParseId(text, out var id))
        {
            return id;
        }

        Report(DiagnosticIds.InvalidValue, source, owner, text, what);
        return null;
    }

    /// <summary>An optional non-negative length or count; reports MG0002 when it is not one.</summary>
    public int? Length(XElement element, string name, string owner)
    {
        var attribute = element.Attribute(name);
        if (attribute is null)
        {
            return null;
        }

        if (NumberText.TryParseUnsigned(attribute.Value, out var value) && value <= int.MaxValue)
        {
            return (int)value;
        }

        Report(DiagnosticIds.InvalidValue, attribute, owner, attribute.Value, name);
        return null;
    }

    /// <summary>The <c>default</c> attribute as written, with the number it reads as; null when absent.</summary>
    public static DefaultValue? Default(XElement element) =>
        Attr(element, "default") is { } text ? new DefaultValue(text, NumberText.ParseDefinitionNumber(text)) : null;

    /// <summary>
    /// A numeric bound: an integer (decimal or hex, within 64 bits) or a real number; anything else is
    /// reported and dropped.
    /// </summary>
    public decimal? Bound(XElement element, string name, string owner)
    {
        var attribute = element.Attribute(name);
        if (attribute is null)
        {
            return null;
        }

        if (NumberText.TryParseInteger(attribute.Value, out var integer) && integer >= long.MinValue && integer <= ulong.MaxValue)
        {
            return integer;
        }

        if (decimal.TryParse(attribute.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real;
        }

        Report(DiagnosticIds.InvalidValue, attribute, owner, attribute.Value, name);
        return null;
    }

    /// <summary>
    /// The constraint attributes (<c>min max length minLength</c>, and the upstream typo <c>lenght</c>). A bound
    /// written as a name (<c>min="MIN_POWER"</c>) refers to another attribute and is kept as a reference.
    /// </summary>
    public Constraint Constraint(XElement element, string owner)
    {
        // A constraint that cannot be read is left out with a warning, not an error: the element stays usable
        // in the complete view, and a server that has it is refused (MG1009).
        var checkpoint = diagnostics.Count;
        var maxLength = Length(element, "length", owner) ?? Length(element, "lenght", owner);
        var minReference = Reference(element, "min");
        var maxReference = Reference(element, "max");
        var constraint = new Constraint(
            minReference is null ? Bound(element, "min", owner) : null,
            maxReference is null ? Bound(element, "max", owner) : null,
            Length(element, "minLength", owner),
            maxLength,
            minReference,
            maxReference);
        if (diagnostics.Count > checkpoint)
        {
            var unreadable = new List<string>();
            for (var i = checkpoint; i < diagnostics.Count; i++)
            {
                var problem = diagnostics[i];
                unreadable.Add(problem.Arguments[2] + "=\"" + problem.Arguments[1] + "\"");
                diagnostics[i] = DiagnosticInfo.Create(DiagnosticIds.ElementLeftOut, problem.Position, "The " + problem.Arguments[2] + " constraint of " + owner,
                    "'" + problem.Arguments[1] + "' is not a number");
            }

            constraint = constraint with { Unreadable = string.Join(", ", unreadable) };
        }

        return constraint.IsEmpty ? Model.Constraint.None : constraint;
    }

    /// <summary>A bound written as a name (a letter, then letters, digits and underscores), or null.</summary>
    private static string? Reference(XElement element, string name)
    {
        var text = element.Attribute(name)?.Value.Trim();
        if (string.IsNullOrEmpty(text) || !char.IsLetter(text![0]) || text.Length > 128)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (!(c is >= 'a' and <= 'z' || c is >= 'A' and <= 'Z' || c is >= '0' and <= '9' || c == '_'))
            {
                return null;
            }
        }

        // Words that read as numbers stay numbers (the bound reader reports what it cannot parse).
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || NumberText.TryNormalizeInteger(text, out _) ? null : text;
    }

    /// <summary>API maturity from <c>apiMaturity</c>; unknown values are reported and read as stable.</summary>
    public Maturity Maturity(XElement element, string owner)
    {
        var attribute = element.Attribute("apiMaturity");
        switch (attribute?.Value.Trim().ToLowerInvariant())
        {
            case null:
            case "":
            case "stable":
                return Model.Maturity.Stable;
            case "provisional":
                return Model.Maturity.Provisional;
            case "internal":
                return Model.Maturity.Internal;
            case "deprecated":
                return Model.Maturity.Deprecated;
            default:
                Report(DiagnosticIds.InvalidValue, attribute, owner, attribute!.Value, "apiMaturity");
                return Model.Maturity.Stable;
        }
    }

    /// <summary>Text of a child element with whitespace collapsed, or null when absent or empty.</summary>
    public static string? ChildText(XElement element, string childName) => Collapse(element.Element(childName)?.Value);

    /// <summary>The text directly inside an element (not inside its children), collapsed, or null.</summary>
    public static string? OwnText(XElement element) =>
        Collapse(string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)));

    /// <summary>Collapses runs of whitespace to one space and trims; empty becomes null.</summary>
    public static string? Collapse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>Case-insensitive comparison of an attribute value against a keyword.</summary>
    public static bool Is(string? value, string keyword) =>
        value is not null && string.Equals(value.Trim(), keyword, StringComparison.OrdinalIgnoreCase);
}
