using System.Collections.Immutable;
using System.Threading;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Manifest;
using MatterGen.Generator.Model;
using Xunit;

namespace MatterGen.Generator.Tests.Manifest;

/// <summary>The manifest's entries are found as ZAP finds them: under each root in order, the first that exists.</summary>
public sealed class CorpusSelectorTests
{
    private static CorpusSelection Select(string manifest, params string[] xmlPaths) =>
        CorpusSelector.Select(
            ImmutableArray.Create(ManifestParser.Parse("/tree/zcl/zcl.json", manifest, CancellationToken.None)),
            xmlPaths.ToImmutableArray());

    [Fact]
    public void Entries_are_found_under_the_roots_in_order_and_listed_once()
    {
        var selection = Select(
            """{"xmlRoot": [".", "./chip/", "./extra"], "xmlFile": ["b.xml", "a.xml", "b.xml", "sub/c.xml"]}""",
            "/tree/zcl/extra/a.xml", "/tree/zcl/chip/a.xml", "/tree/zcl/chip/b.xml", "/tree/zcl/extra/sub/c.xml");

        Assert.Empty(selection.Diagnostics);
        Assert.Equal(["/tree/zcl/chip/b.xml", "/tree/zcl/chip/a.xml", "/tree/zcl/extra/sub/c.xml"], selection.Listed);
    }

    [Fact]
    public void A_missing_entry_is_a_warning_at_its_line_and_the_rest_goes_on()
    {
        var selection = Select("{\"xmlFile\": [\n\"gone.xml\",\n\"here.xml\"]}", "/tree/zcl/here.xml");

        var diagnostic = Assert.Single(selection.Diagnostics);
        Assert.Equal((DiagnosticIds.ManifestFileNotFound, 2), (diagnostic.Id, diagnostic.Position!.Line));
        Assert.Equal(["/tree/zcl/here.xml"], selection.Listed);
    }

    [Fact]
    public void Entries_may_climb_out_of_the_folder_and_paths_may_use_backslashes()
    {
        var selection = Select("""{"xmlRoot": ["..\\shared"], "xmlFile": ["./x/../y.xml"]}""", "/tree/shared/y.xml");

        Assert.Equal(["/tree/shared/y.xml"], selection.Listed);
    }

    [Fact]
    public void Files_outside_the_manifest_folder_stay_in_and_unlisted_files_inside_it_are_out()
    {
        var selection = Select("""{"xmlFile": ["a.xml"]}""", "/tree/zcl/a.xml", "/tree/zcl/b.xml", "/mine/c.xml");

        Assert.True(CorpusSelector.Includes(selection, "/tree/zcl/a.xml"));
        Assert.False(CorpusSelector.Includes(selection, "/tree/zcl/b.xml"));
        Assert.True(CorpusSelector.Includes(selection, "/mine/c.xml"));
        Assert.Equal(["/tree/zcl/a.xml", "/mine/c.xml"], CorpusSelector.Order(new[] { "/mine/c.xml", "/tree/zcl/b.xml", "/tree/zcl/a.xml" }, p => p, selection));
    }

    [Fact]
    public void Two_manifests_use_the_first_by_path_and_warn_about_the_other()
    {
        var manifests = ImmutableArray.Create(
            ManifestParser.Parse("/b/zcl.json", """{"xmlFile": []}""", CancellationToken.None),
            ManifestParser.Parse("/a/zcl.json", """{"xmlFile": []}""", CancellationToken.None));

        var selection = CorpusSelector.Select(manifests, ImmutableArray<string>.Empty);

        Assert.Equal("/a/zcl.json", selection.ManifestPath);
        Assert.Equal(DiagnosticIds.SeveralManifests, Assert.Single(selection.Diagnostics).Id);
    }

    [Fact]
    public void An_unreadable_manifest_still_decides_and_lists_nothing()
    {
        var selection = Select("{ nope", "/tree/zcl/a.xml", "/elsewhere/b.xml");

        Assert.Equal(DiagnosticIds.UnreadableManifest, Assert.Single(selection.Diagnostics).Id);
        Assert.False(CorpusSelector.Includes(selection, "/tree/zcl/a.xml"));
        Assert.True(CorpusSelector.Includes(selection, "/elsewhere/b.xml"));
    }

    [Theory]
    [InlineData("/a/./b//c/../d.xml", "/a/b/d.xml")]
    [InlineData("C:\\a\\..\\..\\b.xml", "C:/b.xml")]
    [InlineData("a/../../b.xml", "../b.xml")]
    [InlineData("/../b.xml", "/b.xml")]
    public void Paths_are_normalized_as_text(string path, string expected) => Assert.Equal(expected, PathText.Normalize(path));
}
