using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

// In the Parsing namespace: a MatterGen.Generator.ConformanceRules namespace would hide the Model.Conformance type
// from every sibling namespace.
namespace MatterGen.Generator.Parsing;

/// <summary>
/// Reads the conformance of a feature, attribute, command or event from its <c>*Conform</c> child
/// (Matter Core Specification 7.3) into <see cref="Model.Conformance"/>.
/// </summary>
internal static class ConformanceReader
{
    /// <summary>Deepest nesting of conformance elements and terms accepted; deeper input is reported, not recursed into.</summary>
    public const int MaxDepth = 32;

    private const string Suffix = "Conform";

    private static readonly Dictionary<string, string> ComparisonOperators = new()
    {
        ["greaterTerm"] = ">",
        ["greaterOrEqualTerm"] = ">=",
        ["lessTerm"] = "<",
        ["lessOrEqualTerm"] = "<=",
        ["equalTerm"] = "==",
        ["notEqualTerm"] = "!=",
    };

    /// <summary>
    /// The conformance stated by <paramref name="owner"/>'s first <c>*Conform</c> child. Without one, the
    /// old <c>optional="true"</c> flag decides: Optional, else Mandatory.
    /// </summary>
    public static Model.Conformance Read(XElement owner, ParseContext context)
    {
        var element = owner.Elements().FirstOrDefault(e => e.Name.LocalName.EndsWith(Suffix, System.StringComparison.Ordinal));
        if (element is null)
        {
            return context.Bool(owner, "optional", owner.Name.LocalName) ? Model.Conformance.Optional : Model.Conformance.Mandatory;
        }

        return ReadRule(element, context, 1) ?? Model.Conformance.Optional;
    }

    /// <summary>True when the element is a conformance rule (its name ends in <c>Conform</c>).</summary>
    public static bool IsConformanceElement(XElement element) =>
        element.Name.LocalName.EndsWith(Suffix, System.StringComparison.Ordinal);

    private static Model.Conformance? ReadRule(XElement element, ParseContext context, int depth)
    {
        if (!CheckDepth(element, context, depth))
        {
            return null;
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        switch (element.Name.LocalName)
        {
            case "mandatoryConform":
                return Model.Conformance.Create(ConformanceKind.Mandatory, Condition(element, context, depth));
            case "optionalConform":
                return ReadOptional(element, context, depth);
            case "provisionalConform":
                return Model.Conformance.Create(ConformanceKind.Provisional, Condition(element, context, depth));
            case "deprecateConform":
                return Model.Conformance.Create(ConformanceKind.Deprecated, Condition(element, context, depth));
            case "disallowConform":
                return Model.Conformance.Create(ConformanceKind.Disallowed, Condition(element, context, depth));
            case "describedConform":
                return Model.Conformance.Create(ConformanceKind.Described, Condition(element, context, depth));
            case "otherwiseConform":
                var alternatives = new List<Model.Conformance>();
                foreach (var child in element.Elements())
                {
                    if (ReadRule(child, context, depth + 1) is { } alternative)
                    {
                        alternatives.Add(alternative);
                    }
                }

                return new Model.Conformance(ConformanceKind.Otherwise, null, null, false, 0, alternatives.ToEquatableArray());
            default:
                context.Report(DiagnosticIds.UnknownConformanceElement, element, element.Name.LocalName);
                return null;
        }
    }

    private static Model.Conformance ReadOptional(XElement element, ParseContext context, int depth)
    {
        var choice = ParseContext.Attr(element, "choice");
        var more = context.Bool(element, "more", "optionalConform");
        var min = context.Length(element, "min", "optionalConform") ?? 1;
        var condition = Condition(element, context, depth);
        return choice is null
            ? Model.Conformance.Create(ConformanceKind.Optional, condition)
            : new Model.Conformance(ConformanceKind.Optional, condition, choice, more, min, EquatableArray<Model.Conformance>.Empty);
    }

    // Several terms directly inside a rule are read as all of them holding.
    private static ConformanceExpression? Condition(XElement rule, ParseContext context, int depth)
    {
        var terms = Terms(rule, context, depth + 1);
        return terms.Count switch
        {
            0 => null,
            1 => terms[0],
            _ => new AndTerm(terms.ToEquatableArray()),
        };
    }

    private static List<ConformanceExpression> Terms(XElement parent, ParseContext context, int depth)
    {
        var terms = new List<ConformanceExpression>();
        foreach (var child in parent.Elements())
        {
            if (ReadTerm(child, context, depth) is { } term)
            {
                terms.Add(term);
            }
        }

        return terms;
    }

    private static ConformanceExpression? ReadTerm(XElement element, ParseContext context, int depth)
    {
        if (!CheckDepth(element, context, depth))
        {
            return null;
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        var name = element.Name.LocalName;
        switch (name)
        {
            case "feature":
                return Named(element, context, n => new FeatureTerm(n));
            case "attribute":
                return Named(element, context, n => new AttributeTerm(n));
            case "command":
                return Named(element, context, n => new CommandTerm(n));
            case "event":
                return Named(element, context, n => new EventTerm(n));
            case "condition":
                return Named(element, context, n => new ConditionTerm(n));
            case "andTerm":
                return new AndTerm(Terms(element, context, depth + 1).ToEquatableArray());
            case "orTerm":
                return new OrTerm(Terms(element, context, depth + 1).ToEquatableArray());
            case "xorTerm":
                return new XorTerm(Terms(element, context, depth + 1).ToEquatableArray());
            case "notTerm":
                var inner = Terms(element, context, depth + 1);
                return inner.Count switch
                {
                    0 => null,
                    1 => new NotTerm(inner[0]),
                    _ => new NotTerm(new AndTerm(inner.ToEquatableArray())),
                };
            case "description":
                return null;
            default:
                if (ComparisonOperators.TryGetValue(name, out var op))
                {
                    return new RuntimeComparisonTerm(ComparisonText(element, op));
                }

                context.Report(DiagnosticIds.UnknownConformanceElement, element, name);
                return null;
        }
    }

    private static ConformanceExpression? Named(XElement element, ParseContext context, System.Func<string, ConformanceExpression> create)
    {
        var name = ParseContext.Attr(element, "name")?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            context.Report(DiagnosticIds.MissingRequiredValue, element, "<" + element.Name.LocalName + "> conformance term", "name");
            return null;
        }

        return create(name!);
    }

    // The operands are a named element and a literal; the text is kept only for documentation.
    private static string ComparisonText(XElement element, string op)
    {
        var operands = element.Elements()
            .Take(2)
            .Select(e => ParseContext.Attr(e, "name") ?? ParseContext.Attr(e, "value") ?? e.Name.LocalName)
            .ToList();
        return operands.Count == 2 ? operands[0] + " " + op + " " + operands[1] : element.Name.LocalName;
    }

    private static bool CheckDepth(XElement element, ParseContext context, int depth)
    {
        if (depth <= MaxDepth)
        {
            return true;
        }

        context.Report(DiagnosticIds.InvalidValue, element, "Conformance", "<" + element.Name.LocalName + "> nested more than " + MaxDepth + " levels deep", "a conformance expression");
        return false;
    }
}
