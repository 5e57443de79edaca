using System.Globalization;
using System.Linq;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.ConformanceRules;

/// <summary>
/// Writes conformance in the specification's notation (<c>M</c>, <c>V2X</c>, <c>[PREF]</c>, <c>AUTO, O.a+</c>,
/// <c>!OFFONLY</c>), so that diagnostics read like the specification's tables.
/// </summary>
internal static class ConformanceFormatter
{
    /// <summary>The rule in specification notation.</summary>
    public static string Format(Model.Conformance conformance)
    {
        switch (conformance.Kind)
        {
            case ConformanceKind.Otherwise:
                return string.Join(", ", conformance.Alternatives.Select(Format));
            case ConformanceKind.Mandatory:
                return conformance.Condition is null ? "M" : Format(conformance.Condition, nested: false);
            case ConformanceKind.Optional:
                var optional = conformance.Condition is null ? "O" : "[" + Format(conformance.Condition, nested: false) + "]";
                return conformance.Choice is null ? optional : optional + "." + conformance.Choice + MinText(conformance) + (conformance.ChoiceMore ? "+" : string.Empty);
            default:
                var letter = conformance.Kind switch
                {
                    ConformanceKind.Provisional => "P",
                    ConformanceKind.Deprecated => "D",
                    ConformanceKind.Disallowed => "X",
                    _ => "desc",
                };
                return conformance.Condition is null ? letter : "[" + Format(conformance.Condition, nested: false) + "] " + letter;
        }
    }

    /// <summary>The condition in specification notation.</summary>
    public static string Format(ConformanceExpression expression) => Format(expression, nested: false);

    private static string MinText(Model.Conformance conformance) =>
        conformance.ChoiceMin > 1 ? conformance.ChoiceMin.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static string Format(ConformanceExpression expression, bool nested)
    {
        switch (expression)
        {
            case FeatureTerm feature:
                return feature.Name;
            case AttributeTerm attribute:
                return attribute.Name;
            case CommandTerm command:
                return command.Name;
            case EventTerm @event:
                return @event.Name;
            case ConditionTerm condition:
                return condition.Name;
            case RuntimeComparisonTerm comparison:
                return comparison.Text;
            case NotTerm not:
                return "!" + Format(not.Term, nested: true);
            case AndTerm and:
                return Join(and.Terms, " & ", nested);
            case OrTerm or:
                return Join(or.Terms, " | ", nested);
            case XorTerm xor:
                return Join(xor.Terms, " ^ ", nested);
            default:
                return expression.GetType().Name;
        }
    }

    private static string Join(EquatableArray<ConformanceExpression> terms, string separator, bool nested)
    {
        var text = string.Join(separator, terms.Select(term => Format(term, nested: true)));
        return nested && terms.Count > 1 ? "(" + text + ")" : text;
    }
}
