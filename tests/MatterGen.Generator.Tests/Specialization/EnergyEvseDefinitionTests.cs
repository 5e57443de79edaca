using System.Linq;
using System.Xml.Linq;
using MatterGen.Generator.ConformanceRules;
using MatterGen.Tests;
using Xunit;

namespace MatterGen.Generator.Tests.Specialization;

/// <summary>Guards the hand-built Energy EVSE against drifting from the upstream file it copies.</summary>
public sealed class EnergyEvseDefinitionTests
{
    [SharedFact]
    public void Hand_built_cluster_matches_the_upstream_definition()
    {
        var xml = XDocument.Load(SharedMaterial.PathOf("chip-zcl/data-model/chip/energy-evse-cluster.xml")).Descendants("cluster").Single(element => element.Element("name") is not null);
        var cluster = EnergyEvseDefinition.Unit().Cluster;

        Assert.Equal(
            xml.Element("features")!.Elements("feature").Select(feature => $"{Number(feature.Attribute("bit")!.Value)} {feature.Attribute("code")!.Value} {Notation(feature)}"),
            cluster.Features.Select(feature => $"{feature.Bit} {feature.Code} {ConformanceFormatter.Format(feature.Conformance)}"));
        Assert.Equal(
            xml.Elements("attribute").Select(attribute => $"{Number(attribute.Attribute("code")!.Value)} {Name(attribute)} {Notation(attribute)}"),
            cluster.Attributes.Select(attribute => $"{attribute.Id} {attribute.Name} {ConformanceFormatter.Format(attribute.Conformance)}"));
        Assert.Equal(
            xml.Elements("command").Select(command => $"{command.Attribute("source")!.Value} {Number(command.Attribute("code")!.Value)} {Name(command)} {command.Attribute("response")?.Value} {Notation(command)}").OrderBy(text => text, System.StringComparer.Ordinal),
            cluster.Commands.Select(command => $"{(command.Direction == Model.CommandDirection.ClientToServer ? "client" : "server")} {command.Id} {command.Name} {command.ResponseName} {ConformanceFormatter.Format(command.Conformance)}").OrderBy(text => text, System.StringComparer.Ordinal));
        Assert.Equal(
            xml.Elements("event").Select(@event => $"{Number(@event.Attribute("code")!.Value)} {Name(@event)} {Notation(@event)}"),
            cluster.Events.Select(@event => $"{@event.Id} {@event.Name} {ConformanceFormatter.Format(@event.Conformance)}"));
    }

    private static uint Number(string text) => System.Convert.ToUInt32(text, text.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase) ? 16 : 10);

    // Unnamed attributes carry their name in <description>.
    private static string Name(XElement element) => element.Attribute("name")?.Value ?? element.Element("description")!.Value;

    // Just enough of the notation for this file's rules: M, O, P, a feature condition, and otherwise lists.
    private static string Notation(XElement element)
    {
        var rule = element.Elements().Single(child => child.Name.LocalName.EndsWith("Conform", System.StringComparison.Ordinal));
        return Rule(rule);
    }

    private static string Rule(XElement rule)
    {
        var feature = rule.Element("feature")?.Attribute("name")?.Value;
        return rule.Name.LocalName switch
        {
            "otherwiseConform" => string.Join(", ", rule.Elements().Select(Rule)),
            "mandatoryConform" => feature ?? "M",
            "optionalConform" => feature is null ? "O" : "[" + feature + "]",
            "provisionalConform" => "P",
            _ => rule.Name.LocalName,
        };
    }
}
