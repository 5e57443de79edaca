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
    public void MandatoryIsMandatory() =>
        Assert.Equal(ConformanceResult.Mandatory, ConformanceEvaluator.Evaluate(M, NoFeatures));

    [Fact]
    public void OptionalIsOptional() =>
        Assert.Equal(ConformanceResult.Optional, ConformanceEvaluator.Evaluate(O, NoFeatures));

    [Fact]
    public void DisallowedIsDisallowed() =>
        Assert.Equal(ConformanceResult.Disallowed, ConformanceEvaluator.Evaluate(X, WithFeatures("V2X")));

    [Fact]
    public void MandatoryWithConditionIsMandatoryWhenItHoldsAndDisallowedOtherwise()
    {
        Assert.Equal(ConformanceStatus.Mandatory, Status(Mandatory(Feature("V2X")), WithFeatures("V2X")));
        Assert.Equal(ConformanceStatus.Disallowed, Status(Mandatory(Feature("V2X")), WithFeatures("PREF")));
    }

    [Fact]
    public void OptionalWithConditionIsOptionalWhenItHoldsAndDisallowedOtherwise()
    {
        Assert.Equal(ConformanceStatus.Optional, Status(Optional(Feature("RFID")), WithFeatures("RFID")));
        Assert.Equal(ConformanceStatus.Disallowed, Status(Optional(Feature("RFID")), NoFeatures));
    }

    [Fact]
    public void ProvisionalIsOptionalAndFlagged()
    {
        var result = ConformanceEvaluator.Evaluate(P, NoFeatures);
        Assert.Equal(ConformanceStatus.Optional, result.Status);
        Assert.True(result.IsProvisional);
        Assert.False(result.IsDeprecated);
    }

    [Fact]
    public void DeprecatedIsOptionalAndFlagged()
    {
        var result = ConformanceEvaluator.Evaluate(D, NoFeatures);
        Assert.Equal(ConformanceStatus.Optional, result.Status);
        Assert.True(result.IsDeprecated);
        Assert.False(result.IsProvisional);
    }

    [Fact]
    public void DescribedIsOptional() =>
        Assert.Equal(ConformanceResult.Optional, ConformanceEvaluator.Evaluate(Desc, NoFeatures));

    [Fact]
    public void OtherwiseWithProvisionalFirstIsProvisional()
    {
        // Energy EVSE's SOC feature: "P, O".
        var result = ConformanceEvaluator.Evaluate(Otherwise(P, O), NoFeatures);
        Assert.Equal(ConformanceStatus.Optional, result.Status);
        Assert.True(result.IsProvisional);
    }

    [Fact]
    public void OtherwiseTakesTheFirstAlternativeWhoseConditionHolds()
    {
        // Thermostat's ThermostatRunningMode: "TEVT & AUTO, [AUTO]".
        var rule = Otherwise(Mandatory(Features("TEVT", "AUTO")), Optional(Feature("AUTO")));
        Assert.Equal(ConformanceStatus.Mandatory, Status(rule, WithFeatures("TEVT", "AUTO")));
        Assert.Equal(ConformanceStatus.Optional, Status(rule, WithFeatures("AUTO")));
        Assert.Equal(ConformanceStatus.Disallowed, Status(rule, WithFeatures("TEVT")));
    }

    [Fact]
    public void OtherwiseEndingInDisallowedIsDisallowed() =>
        Assert.Equal(ConformanceStatus.Disallowed, Status(Otherwise(Mandatory(Feature("LT")), X), NoFeatures));

    [Fact]
    public void ChoiceCarriesItsGroup()
    {
        var result = ConformanceEvaluator.Evaluate(Otherwise(Mandatory(Feature("AUTO")), Choice("a", more: true)), NoFeatures);
        Assert.Equal(ConformanceStatus.Optional, result.Status);
        Assert.Equal(new ChoiceGroup("a", true, 1), result.Choice);
    }

    [Fact]
    public void ChoiceMinimumDefaultsToOne() =>
        Assert.Equal(new ChoiceGroup("b", false, 1), ConformanceEvaluator.Evaluate(Choice("b", min: 0), NoFeatures).Choice);

    [Fact]
    public void ChoiceWithFalseConditionIsDisallowedAndHasNoGroup()
    {
        var result = ConformanceEvaluator.Evaluate(Choice("b", more: true, condition: Feature("ICTL")), NoFeatures);
        Assert.Equal(ConformanceResult.Disallowed, result);
    }

    [Fact]
    public void MandatoryFeatureWinsOverTheChoice()
    {
        var result = ConformanceEvaluator.Evaluate(Otherwise(Mandatory(Feature("AUTO")), Choice("a", more: true)), WithFeatures("AUTO"));
        Assert.Equal(ConformanceResult.Mandatory, result);
    }

    [Fact]
    public void FeatureTermsMatchCodeOrNameGivenInTheContext()
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
    public void AndNeedsEveryTerm(bool a, bool b, bool expected) =>
        Assert.Equal(expected, ConformanceEvaluator.Test(And(Feature("A"), Feature("B")), Context(a, b)));

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, true, true)]
    public void OrNeedsOneTerm(bool a, bool b, bool expected) =>
        Assert.Equal(expected, ConformanceEvaluator.Test(Or(Feature("A"), Feature("B")), Context(a, b)));

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, true, false)]
    public void XorNeedsExactlyOneTerm(bool a, bool b, bool expected) =>
        Assert.Equal(expected, ConformanceEvaluator.Test(Xor(Feature("A"), Feature("B")), Context(a, b)));

    [Fact]
    public void XorOfThreeNeedsExactlyOne()
    {
        var rule = Xor(Feature("A"), Feature("B"), Feature("C"));
        Assert.True(ConformanceEvaluator.Test(rule, WithFeatures("B")));
        Assert.False(ConformanceEvaluator.Test(rule, WithFeatures("A", "B", "C")));
    }

    [Fact]
    public void NotInverts()
    {
        // On/Off's Lighting feature: "[!OFFONLY]".
        var rule = Optional(Not(Feature("OFFONLY")));
        Assert.Equal(ConformanceStatus.Optional, Status(rule, NoFeatures));
        Assert.Equal(ConformanceStatus.Disallowed, Status(rule, WithFeatures("OFFONLY")));
    }

    [Fact]
    public void ElementTermsAskWhetherTheElementIsPresent()
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
    public void MatterConditionHoldsByDefaultAndOthersDoNot()
    {
        Assert.True(ConformanceEvaluator.Test(Condition("Matter"), NoFeatures));
        Assert.False(ConformanceEvaluator.Test(Condition("Zigbee"), NoFeatures));
        Assert.True(ConformanceEvaluator.Test(Condition("Zigbee"), new ConformanceContext(new string[0], conditions: new[] { "Zigbee" })));
    }

    [Fact]
    public void GreaterTermGuardedMandatoryCountsAsOptional()
    {
        // Color Control's Primary1X: "NumberOfPrimaries > 0, O".
        var rule = Otherwise(Mandatory(Greater("NumberOfPrimaries > 0")), O);
        var result = ConformanceEvaluator.Evaluate(rule, NoFeatures);
        Assert.Equal(ConformanceStatus.Optional, result.Status);
        Assert.True(result.IsRuntimeDependent);
    }

    [Fact]
    public void GreaterTermGuardedDisallowedCountsAsOptional()
    {
        var result = ConformanceEvaluator.Evaluate(Otherwise(Create(Model.ConformanceKind.Disallowed, Greater("Count > 3")), M), NoFeatures);
        Assert.Equal(ConformanceStatus.Optional, result.Status);
        Assert.True(result.IsRuntimeDependent);
    }

    [Fact]
    public void RuntimeComparisonUsesThreeValuedLogic()
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
    public void RuntimeGuardedChoiceDropsItsGroup()
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
