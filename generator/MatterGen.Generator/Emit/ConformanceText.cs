using System.Globalization;
using System.Linq;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Renders a conformance rule in the specification's notation (Core Specification 7.3): <c>M</c>, <c>O</c>,
/// <c>PREF</c> (mandatory when PREF), <c>[PREF]</c> (optional when PREF), <c>O.a+</c>, <c>P</c>, <c>D</c>,
/// <c>X</c>, <c>desc</c>, expressions such as <c>!A &amp; (B | C)</c>, and otherwise rules as a comma list.
/// </summary>
internal static class ConformanceText
{
    /// <summary>The rule as the specification writes it.</summary>
    public static string Render(Conformance conformance) => conformance.Kind switch
    {
        ConformanceKind.Mandatory => conformance.Condition is { } condition ? Expression(condition, topLevel: true) : "M",
        ConformanceKind.Optional => Optional(conformance),
        ConformanceKind.Provisional => "P",
        ConformanceKind.Deprecated => "D",
        ConformanceKind.Disallowed => "X",
        ConformanceKind.Described => "desc",
        ConformanceKind.Otherwise => string.Join(", ", conformance.Alternatives.Select(Render)),
        _ => conformance.Kind.ToString(),
    };

    private static string Optional(Conformance conformance)
    {
        var text = conformance.Condition is { } condition ? "[" + Expression(condition, topLevel: true) + "]" : "O";
        if (conformance.Choice is { } choice)
        {
            text += "." + choice;
            if (conformance.ChoiceMin > 1)
            {
                text += conformance.ChoiceMin.ToString(CultureInfo.InvariantCulture);
            }

            if (conformance.ChoiceMore)
            {
                text += "+";
            }
        }

        return text;
    }

    private static string Expression(ConformanceExpression expression, bool topLevel) => expression switch
    {
        FeatureTerm term => term.Name,
        AttributeTerm term => term.Name,
        CommandTerm term => term.Name,
        EventTerm term => term.Name,
        ConditionTerm term => term.Name,
        RuntimeComparisonTerm term => term.Text,
        NotTerm term => "!" + Expression(term.Term, topLevel: false),
        AndTerm term => Join(term.Terms, " & ", topLevel),
        OrTerm term => Join(term.Terms, " | ", topLevel),
        XorTerm term => Join(term.Terms, " ^ ", topLevel),
        _ => expression.ToString(),
    };

    private static string Join(EquatableArray<ConformanceExpression> terms, string separator, bool topLevel)
    {
        if (terms.Count == 1)
        {
            return Expression(terms[0], topLevel);
        }

        var text = string.Join(separator, terms.Select(t => Expression(t, topLevel: false)));
        return topLevel ? text : "(" + text + ")";
    }
}
