using System.Linq;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.ConformanceRules;

/// <summary>
/// Decides conformance at compile time (Matter Core Specification 7.3). Conditions are evaluated in three-valued
/// logic: a <see cref="RuntimeComparisonTerm"/> is unknown, <c>and</c>/<c>or</c>/<c>not</c> follow Kleene's rules
/// (so <c>false &amp; unknown</c> is still false), and a rule whose condition stays unknown applies as optional.
/// </summary>
internal static class ConformanceEvaluator
{
    /// <summary>Evaluates a conformance rule for a context.</summary>
    public static ConformanceResult Evaluate(Model.Conformance conformance, ConformanceContext context) =>
        Apply(conformance, context) ?? ConformanceResult.Disallowed;

    /// <summary>
    /// Evaluates a condition: <see langword="true"/> or <see langword="false"/> when it can be decided at compile
    /// time, <see langword="null"/> when it depends on a run-time value.
    /// </summary>
    public static bool? Test(ConformanceExpression expression, ConformanceContext context)
    {
        switch (expression)
        {
            case FeatureTerm feature:
                return context.HasFeature(feature.Name);
            case AttributeTerm attribute:
                return context.HasAttribute(attribute.Name);
            case CommandTerm command:
                return context.HasCommand(command.Name);
            case EventTerm @event:
                return context.HasEvent(@event.Name);
            case ConditionTerm condition:
                return context.HasCondition(condition.Name);
            case NotTerm not:
                return !Test(not.Term, context);
            case AndTerm and:
                return And(and, context);
            case OrTerm or:
                return Or(or, context);
            case XorTerm xor:
                return Xor(xor, context);
            default:
                // RuntimeComparisonTerm, and any term this evaluator does not know: undecidable here.
                return null;
        }
    }

    // The rule's result, or null when its condition is false (so an otherwise rule moves on).
    private static ConformanceResult? Apply(Model.Conformance rule, ConformanceContext context)
    {
        if (rule.Kind == ConformanceKind.Otherwise)
        {
            foreach (var alternative in rule.Alternatives)
            {
                if (Apply(alternative, context) is { } result)
                {
                    return result;
                }
            }

            return null;
        }

        var holds = rule.Condition is null ? true : Test(rule.Condition, context);
        if (holds == false)
        {
            return null;
        }

        var undecided = holds is null;
        switch (rule.Kind)
        {
            case ConformanceKind.Mandatory:
                return undecided ? RuntimeOptional : ConformanceResult.Mandatory;
            case ConformanceKind.Optional:
                // A run-time guarded choice cannot be enforced at compile time, so the group is dropped.
                var choice = rule.Choice is null || undecided ? null : new ChoiceGroup(rule.Choice, rule.ChoiceMore, rule.ChoiceMin < 1 ? 1 : rule.ChoiceMin);
                return new ConformanceResult(ConformanceStatus.Optional, false, false, undecided, choice);
            case ConformanceKind.Provisional:
                return new ConformanceResult(ConformanceStatus.Optional, true, false, undecided, null);
            case ConformanceKind.Deprecated:
                return new ConformanceResult(ConformanceStatus.Optional, false, true, undecided, null);
            case ConformanceKind.Disallowed:
                return undecided ? RuntimeOptional : ConformanceResult.Disallowed;
            default:
                // Described: the rule is prose, so the element is optional.
                return undecided ? RuntimeOptional : ConformanceResult.Optional;
        }
    }

    private static ConformanceResult RuntimeOptional { get; } = new(ConformanceStatus.Optional, false, false, true, null);

    private static bool? And(AndTerm and, ConformanceContext context)
    {
        bool? result = true;
        foreach (var term in and.Terms)
        {
            var value = Test(term, context);
            if (value == false)
            {
                return false;
            }

            if (value is null)
            {
                result = null;
            }
        }

        return result;
    }

    private static bool? Or(OrTerm or, ConformanceContext context)
    {
        bool? result = false;
        foreach (var term in or.Terms)
        {
            var value = Test(term, context);
            if (value == true)
            {
                return true;
            }

            if (value is null)
            {
                result = null;
            }
        }

        return result;
    }

    private static bool? Xor(XorTerm xor, ConformanceContext context)
    {
        var values = xor.Terms.Select(term => Test(term, context)).ToList();
        if (values.Any(value => value is null))
        {
            return null;
        }

        return values.Count(value => value == true) == 1;
    }
}
