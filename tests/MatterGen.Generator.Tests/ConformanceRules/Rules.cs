using System.Linq;
using MatterGen.Generator.Model;
using Rule = MatterGen.Generator.Model.Conformance;

namespace MatterGen.Generator.Tests.ConformanceRules;

/// <summary>Short constructors for conformance rules and terms, in the specification's vocabulary.</summary>
internal static class Rules
{
    public static Rule M => Rule.Mandatory;

    public static Rule O => Rule.Optional;

    public static Rule P => Rule.Create(ConformanceKind.Provisional);

    public static Rule D => Rule.Create(ConformanceKind.Deprecated);

    public static Rule X => Rule.Create(ConformanceKind.Disallowed);

    public static Rule Desc => Rule.Create(ConformanceKind.Described);

    public static Rule Mandatory(ConformanceExpression condition) => Rule.Create(ConformanceKind.Mandatory, condition);

    public static Rule Optional(ConformanceExpression condition) => Rule.Create(ConformanceKind.Optional, condition);

    public static Rule Choice(string name, bool more = false, int min = 1, ConformanceExpression? condition = null) =>
        new(ConformanceKind.Optional, condition, name, more, min, EquatableArray<Rule>.Empty);

    public static Rule Otherwise(params Rule[] alternatives) =>
        new(ConformanceKind.Otherwise, null, null, false, 0, EquatableArray.From(alternatives));

    public static ConformanceExpression Feature(string name) => new FeatureTerm(name);

    public static ConformanceExpression Attribute(string name) => new AttributeTerm(name);

    public static ConformanceExpression Command(string name) => new CommandTerm(name);

    public static ConformanceExpression Event(string name) => new EventTerm(name);

    public static ConformanceExpression Condition(string name) => new ConditionTerm(name);

    public static ConformanceExpression Not(ConformanceExpression term) => new NotTerm(term);

    public static ConformanceExpression And(params ConformanceExpression[] terms) => new AndTerm(EquatableArray.From(terms));

    public static ConformanceExpression Or(params ConformanceExpression[] terms) => new OrTerm(EquatableArray.From(terms));

    public static ConformanceExpression Xor(params ConformanceExpression[] terms) => new XorTerm(EquatableArray.From(terms));

    public static ConformanceExpression Greater(string text) => new RuntimeComparisonTerm(text);

    public static ConformanceExpression Features(params string[] names) => And(names.Select(Feature).ToArray());
}
