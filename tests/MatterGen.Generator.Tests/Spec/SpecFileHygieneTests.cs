using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using MatterGen.Tests;
using Xunit;

namespace MatterGen.Generator.Tests.Spec;

/// <summary>
/// The spec/ files are ours: well-formed ZAP files with our own header, no other project's licence or banner,
/// modern conformance and names, and descriptions in our own words.
/// </summary>
public sealed class SpecFileHygieneTests
{
    /// <summary>Texts longer than this may not equal, contain or be contained in an upstream description.</summary>
    private const int LongestSharedText = 40;

    private static readonly string[] ForeignMarkers =
    [
        "Copyright", "License", "Licence", "Project CHIP", "Alchemy", "DO NOT EDIT", "Connectivity Standards Alliance",
        "for now optional",
    ];

    private static readonly string[] ElementsWithConformance = ["feature", "attribute", "command", "event"];

    public static TheoryData<string> SpecFiles() => SpecMatchesUpstreamTests.SpecFiles();

    [Theory]
    [MemberData(nameof(SpecFiles))]
    public void Spec_file_is_well_formed_with_a_configurator_root(string fileName)
    {
        var document = Load(fileName);

        Assert.Equal("configurator", document.Root!.Name.LocalName);
        Assert.Equal(XNamespace.None, document.Root.Name.Namespace);
    }

    [Theory]
    [MemberData(nameof(SpecFiles))]
    public void Spec_file_has_our_header_and_no_other_projects_licence_or_banner(string fileName)
    {
        var document = Load(fileName);
        var comments = document.DescendantNodes().OfType<XComment>().Select(c => c.Value).ToList();

        var header = Assert.IsType<XComment>(document.Nodes().First(n => n is not XText));
        Assert.Contains("MatterGen definition", header.Value, StringComparison.Ordinal);
        Assert.Contains("ZAP schema", header.Value, StringComparison.Ordinal);
        foreach (var marker in ForeignMarkers)
        {
            Assert.DoesNotContain(comments, c => c.Contains(marker, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [MemberData(nameof(SpecFiles))]
    public void Spec_file_names_every_attribute_and_states_conformance_only_with_elements(string fileName)
    {
        var document = Load(fileName);
        var elements = document.Descendants("cluster").Elements()
            .Concat(document.Descendants("features").Elements())
            .Where(e => ElementsWithConformance.Contains(e.Name.LocalName))
            .ToList();

        Assert.All(document.Descendants("attribute"), a => Assert.False(string.IsNullOrWhiteSpace(a.Attribute("name")?.Value), $"attribute {a.Attribute("code")?.Value} has no name attribute"));
        Assert.All(elements, e => Assert.NotNull(DefinitionFacts.ConformanceOf(e)));
        Assert.All(elements, e => Assert.Null(e.Attribute("optional")));
    }

    [SharedTheory]
    [MemberData(nameof(SpecFiles))]
    public void Spec_file_descriptions_are_our_own_words(string fileName)
    {
        var upstreamTexts = Directory.GetFiles(SharedMaterial.ChipClusterDirectory, "*.xml")
            .SelectMany(f => Prose(XDocument.Load(f)))
            .Where(t => t.Length > LongestSharedText)
            .ToHashSet(StringComparer.Ordinal);
        var ours = Prose(Load(fileName)).ToList();

        Assert.NotEmpty(upstreamTexts);
        foreach (var text in ours)
        {
            Assert.DoesNotContain(text, upstreamTexts);
            Assert.DoesNotContain(upstreamTexts, u => text.Contains(u, StringComparison.Ordinal));
            if (text.Length > LongestSharedText)
            {
                Assert.DoesNotContain(upstreamTexts, u => u.Contains(text, StringComparison.Ordinal));
            }
        }
    }

    [SharedFact]
    public void Spec_files_together_define_every_type_they_use()
    {
        var atomic = XDocument.Load(Path.Combine(SharedMaterial.ChipClusterDirectory, "chip-types.xml"))
            .Descendants("atomic").Elements("type").Select(t => t.Attribute("name")!.Value.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        var documents = SpecDirectory.Files().Select(f => XDocument.Load(f)).ToList();
        var roots = documents.Select(d => d.Root!).ToList();
        var declared = roots.SelectMany(r => r.Elements().Where(e => e.Name.LocalName is "enum" or "bitmap" or "struct"))
            .SelectMany(t => t.Elements("cluster").Select(c => (Type: t.Attribute("name")!.Value.ToLowerInvariant(), Cluster: DefinitionFacts.Number(c.Attribute("code")?.Value))))
            .ToHashSet();

        // A type with no cluster binding is global (the data model's semantic tag structure): any cluster may use it.
        var global = roots.SelectMany(r => r.Elements().Where(e => e.Name.LocalName is "enum" or "bitmap" or "struct"))
            .Where(t => !t.Elements("cluster").Any())
            .Select(t => t.Attribute("name")!.Value.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);

        var uses = new List<(string Type, string? Cluster, string Where)>();
        foreach (var type in roots.SelectMany(r => r.Elements("struct")))
        {
            foreach (var cluster in type.Elements("cluster").Select(c => DefinitionFacts.Number(c.Attribute("code")?.Value)))
            {
                uses.AddRange(type.Elements("item").Select(i => (i.Attribute("type")!.Value, cluster, $"struct {type.Attribute("name")?.Value}")));
            }
        }

        foreach (var cluster in roots.SelectMany(r => r.Elements("cluster")))
        {
            var code = DefinitionFacts.Number(cluster.Element("code")?.Value);
            var typed = cluster.Elements("attribute")
                .Concat(cluster.Elements("command").Elements("arg"))
                .Concat(cluster.Elements("event").Elements("field"));
            foreach (var element in typed)
            {
                var where = $"cluster {code} {element.Name.LocalName} {element.Attribute("name")?.Value}";
                uses.Add((element.Attribute("type")!.Value, code, where));
                if (element.Attribute("entryType") is { } entryType)
                {
                    uses.Add((entryType.Value, code, where));
                }
            }
        }

        Assert.NotEmpty(uses);
        var missing = uses.Where(u => !atomic.Contains(u.Type.ToLowerInvariant()) && !declared.Contains((u.Type.ToLowerInvariant(), u.Cluster)) && !global.Contains(u.Type.ToLowerInvariant()))
            .Select(u => $"{u.Where}: {u.Type}").ToList();
        Assert.True(missing.Count == 0, "types used but neither atomic nor declared in spec/ for that cluster:\n" + string.Join("\n", missing));
    }

    /// <summary>Every description and summary, with whitespace collapsed and in lower case.</summary>
    private static IEnumerable<string> Prose(XDocument document) =>
        document.Descendants("description").Select(d => d.Value)
            .Concat(document.Descendants().Attributes("summary").Select(a => a.Value))
            .Select(t => string.Join(" ", t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant())
            .Where(t => t.Length > 0);

    private static XDocument Load(string fileName)
    {
        try
        {
            return XDocument.Load(SpecDirectory.PathOf(fileName), LoadOptions.None);
        }
        catch (XmlException e)
        {
            Assert.Fail($"spec/{fileName} is not well-formed XML: {e.Message}");
            throw;
        }
    }
}
