using MatterGen.Generator.ConformanceRules;
using Xunit;
using static MatterGen.Generator.Tests.ConformanceRules.Rules;

namespace MatterGen.Generator.Tests.ConformanceRules;

public sealed class ConformanceEvaluatorTests
{
    private static readonly ConformanceContext NoFeatures = new(new string[0]);

    private static ConformanceContext WithFeatures(params string[] features) => new(features);

    private static ConformanceStatus Status(Model.Conformance rule, ConformanceContext context) =>
        ConformanceEvaluator.Evaluate(rule, context).Status;

    [Fact]
    public void Mandatory_is_mandatory() =>
        Assert.Equal(ConformanceResult.Mandatory, ConformanceEvaluator.Evaluate(M, NoFeatures));

    [Fact]
    public void Optional_is_optional() =>
        Assert.Equal(ConformanceResult.Optional, ConformanceEvaluator.Evaluate(O, NoFeatures));

    [Fact]
    public void Disallowed_is_disallowed() =>
        Assert.Equal(ConformanceResult.Disallowed, ConformanceEvaluator.Evaluate(X, WithFeatures("V2X")));

    [Fact]
    public void Mandatory_with_condition_is_mandatory_when_it_holds_and_disallowed_otherwise()
    {
        Assert.Equal(ConformanceStatus.Mandatory, Status(Mandatory(Feature("V2X")), WithFeatures("V2X")));
        Assert.Equal(ConformanceStatus.Disallowed, Status(Mandatory(Feature("V2X")), WithFeatures("PREF")));
    }

    [Fact]
    public void Optional_with_condition_is_optional_when_it_holds_and_disallowed_otherwise()
    {
        Assert.Equal(ConformanceStatus.Optional, Status(Optional(Feature("RFID")), WithFeatures("RFID")));
        Assert.Equal(ConformanceStatus.Disallowed, Status(Optional(Feature("RFID")), NoFeatures));
    }

    [Fact]
    public void Provisional_is_optional_and_flagged()
    {
        var result = ConformanceEvaluator.Evaluate(P, NoFeatures);
        Assert.Equal(ConformanceStatus.Optional, result.Status);
        Assert.True(result.IsProvisional);
        Assert.False(result.IsDeprecated);
    }

    [Fact]
    public void Deprecated_is_optional_and_flagged()
    {
        var result = ConformanceEvaluator.Evaluate(D, NoFeatures);
        Assert.Equal(ConformanceStatus.Optional, result.Status);
        Assert.True(result.IsDeprecated);
        Assert.False(result.IsProvisional);
    }

    [Fact]
    public void Described_is_optional() =>
        Assert.Equal(ConformanceResult.Optional, ConformanceEvaluator.Evaluate(Desc, NoFeatures));

    [Fact]
    public void Otherwise_with_provisional_first_is_provisional()
    {
        // Energy EVSE's SOC feature: "P, O".
        var result = ConformanceEvaluator.Evaluate(Otherwise(P, O), NoFeatures);
        Assert.Equal(ConformanceStatus.Optional, result.Status);
        Assert.True(result.IsProvisional);
    }

    [Fact]
    public void Otherwise_takes_the_first_alternative_whose_condition_holds()
    {
        // Thermostat's ThermostatRunningMode: "TEVT & AUTO, [AUTO]".
        var rule = Otherwise(Mandatory(Features("TEVT", "AUTO")), Optional(Feature("AUTO")));
        Assert.Equal(ConformanceStatus.Mandatory, Status(rule, WithFeatures("TEVT", "AUTO")));
        Assert.Equal(ConformanceStatus.Optional, Status(rule, WithFeatures("AUTO")));
        Assert.Equal(ConformanceStatus.Disallowed, Status(rule, WithFeatures("TEVT")));
    }

    [Fact]
    public void Otherwise_ending_in_disallowed_is_disallowed() =>
        Assert.Equal(ConformanceStatus.Disallowed, Status(Otherwise(Mandatory(Feature("LT")), X), NoFeatures));

    [Fact]
    public void Choice_carries_its_group()
    {
        var result = ConformanceEvaluator.Evaluate(Otherwise(Mandatory(Feature("AUTO")), Choice("a", more: true)), NoFeatures);
        Assert.Equal(ConformanceStatus.Optional, result.Status);
        Assert.Equal(new ChoiceGroup("a", true, 1), result.Choice);
    }

    [Fact]
    public void Choice_minimum_defaults_to_one() =>
        Assert.Equal(new ChoiceGroup("b", false, 1), ConformanceEvaluator.Evaluate(Choice("b", min: 0), NoFeatures).Choice);

    [Fact]
    public void Choice_with_false_condition_is_disallowed_and_has_no_group()
    {
        var result = ConformanceEvaluator.Evaluate(Choice("b", more: true, condition: Feature("ICTL")), NoFeatures);
        Assert.Equal(ConformanceResult.Disallowed, result);
    }

    [Fact]
    public void Mandatory_feature_wins_over_the_choice()
    {
        var result = ConformanceEvaluator.Evaluate(Otherwise(Mandatory(Feature("AUTO")), Choice("a", more: true)), WithFeatures("AUTO"));
        Assert.Equal(ConformanceResult.Mandatory, result);
    }

    [Fact]
    public void Feature_terms_match_code_or_name_given_in_the_context()
    {
        Assert.True(ConformanceEvaluator.Test(Feature("pref"), WithFeatures("PREF", "ChargingPreferences")));
        Assert.True(ConformanceEvaluator.Test(Feature("ChargingPreferences"), WithFeatures("PREF", "ChargingPreferences")));
        Assert.False(ConformanceEvaluator.Test(Feature("SOC"), WithFeatures("PREF", "ChargingPreferences")));
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, true)]
    public void And_needs_every_term(bool a, bool b, bool expected) =>
        Assert.Equal(expected, ConformanceEvaluator.Test(And(Feature("A"), Feature("B")), Context(a, b)));

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, true, true)]
    public void Or_needs_one_term(bool a, bool b, bool expected) =>
        Assert.Equal(expected, ConformanceEvaluator.Test(Or(Feature("A"), Feature("B")), Context(a, b)));

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, true, false)]
    public void Xor_needs_exactly_one_term(bool a, bool b, bool expected) =>
        Assert.Equal(expected, ConformanceEvaluator.Test(Xor(Feature("A"), Feature("B")), Context(a, b)));

    [Fact]
    public void Xor_of_three_needs_exactly_one()
    {
        var rule = Xor(Feature("A"), Feature("B"), Feature("C"));
        Assert.True(ConformanceEvaluator.Test(rule, WithFeatures("B")));
        Assert.False(ConformanceEvaluator.Test(rule, WithFeatures("A", "B", "C")));
    }

    [Fact]
    public void Not_inverts_its_term()
    {
        // On/Off's Lighting feature: "[!OFFONLY]".
        var rule = Optional(Not(Feature("OFFONLY")));
        Assert.Equal(ConformanceStatus.Optional, Status(rule, NoFeatures));
        Assert.Equal(ConformanceStatus.Disallowed, Status(rule, WithFeatures("OFFONLY")));
    }

    [Fact]
    public void Element_terms_ask_whether_the_element_is_present()
    {
        var context = new ConformanceContext(new string[0], attributes: new[] { "NumberOfPrimaries" }, commands: new[] { "MoveToHue" }, events: new[] { "Fault" });
        Assert.True(ConformanceEvaluator.Test(Attribute("NumberOfPrimaries"), context));
        Assert.True(ConformanceEvaluator.Test(Command("MoveToHue"), context));
        Assert.True(ConformanceEvaluator.Test(Event("Fault"), context));
        Assert.False(ConformanceEvaluator.Test(Attribute("MoveToHue"), context));
        Assert.False(ConformanceEvaluator.Test(Command("Fault"), context));
        Assert.False(ConformanceEvaluator.Test(Event("NumberOfPrimaries"), context));
    }

    [Fact]
    public void Matter_condition_holds_by_default_and_others_do_not()
    {
        Assert.True(ConformanceEvaluator.Test(Condition("Matter"), NoFeatures));
        Assert.False(ConformanceEvaluator.Test(Condition("Zigbee"), NoFeatures));
        Assert.True(ConformanceEvaluator.Test(Condition("Zigbee"), new ConformanceContext(new string[0], conditions: new[] { "Zigbee" })));
    }

    [Fact]
    public void Greater_term_guarded_mandatory_counts_as_optional()
    {
        // Color Control's Primary1X: "NumberOfPrimaries > 0, O".
        var rule = Otherwise(Mandatory(Greater("NumberOfPrimaries > 0")), O);
        var result = ConformanceEvaluator.Evaluate(rule, NoFeatures);
        Assert.Equal(ConformanceStatus.Optional, result.Status);
        Assert.True(result.IsRuntimeDependent);
    }

    [Fact]
    public void Greater_term_guarded_disallowed_counts_as_optional()
    {
        var result = ConformanceEvaluator.Evaluate(Otherwise(Create(Model.ConformanceKind.Disallowed, Greater("Count > 3")), M), NoFeatures);
        Assert.Equal(ConformanceStatus.Optional, result.Status);
        Assert.True(result.IsRuntimeDependent);
    }

    [Fact]
    public void Runtime_comparison_uses_three_valued_logic()
    {
        Assert.Null(ConformanceEvaluator.Test(Greater("X > 0"), NoFeatures));
        Assert.False(ConformanceEvaluator.Test(And(Feature("A"), Greater("X > 0")), NoFeatures));
        Assert.Null(ConformanceEvaluator.Test(And(Feature("A"), Greater("X > 0")), WithFeatures("A")));
        Assert.True(ConformanceEvaluator.Test(Or(Feature("A"), Greater("X > 0")), WithFeatures("A")));
        Assert.Null(ConformanceEvaluator.Test(Or(Feature("A"), Greater("X > 0")), NoFeatures));
        Assert.Null(ConformanceEvaluator.Test(Not(Greater("X > 0")), NoFeatures));
        Assert.Null(ConformanceEvaluator.Test(Xor(Feature("A"), Greater("X > 0")), WithFeatures("A")));

        // A false conjunct decides the rule at compile time even beside a run-time comparison.
        Assert.Equal(ConformanceResult.Disallowed, ConformanceEvaluator.Evaluate(Mandatory(And(Feature("A"), Greater("X > 0"))), NoFeatures));
    }

    [Fact]
    public void Runtime_guarded_choice_drops_its_group()
    {
        var result = ConformanceEvaluator.Evaluate(Choice("a", more: true, condition: Greater("X > 0")), NoFeatures);
        Assert.Equal(ConformanceStatus.Optional, result.Status);
        Assert.Null(result.Choice);
    }

    private static ConformanceContext Context(bool a, bool b)
    {
        var features = new System.Collections.Generic.List<string>();
        if (a)
        {
            features.Add("A");
        }

        if (b)
        {
            features.Add("B");
        }

        return new ConformanceContext(features);
    }

    private static Model.Conformance Create(Model.ConformanceKind kind, Model.ConformanceExpression condition) =>
        Model.Conformance.Create(kind, condition);
}
