using System.Linq;
using System.Threading;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Manifest;
using MatterGen.Generator.Model;
using Xunit;

namespace MatterGen.Generator.Tests.Manifest;

/// <summary>zcl.json is read strictly and boundedly: bad input is one error at its line, never an exception.</summary>
public sealed class ManifestParserTests
{
    private const string Path = "/tree/zcl.json";

    private static CorpusManifest Parse(string text) => ManifestParser.Parse(Path, text, CancellationToken.None);

    [Fact]
    public void Roots_and_files_are_read_in_order_with_their_positions()
    {
        var manifest = Parse("{\n \"xmlRoot\": [\".\", \"./a/\"],\n \"xmlFile\": [\"one.xml\",\n  \"two.xml\"],\n \"other\": {\"x\": [1, 2.5e3, true, null, \"\\u00e9\"]}\n}");

        Assert.Empty(manifest.Diagnostics);
        Assert.Equal([".", "./a/"], manifest.Roots);
        Assert.Equal(["one.xml", "two.xml"], manifest.Files.Select(f => f.Name));
        Assert.Equal((4, 3), (manifest.Files[1].Position.Line, manifest.Files[1].Position.Column));
    }

    [Fact]
    public void Without_roots_the_manifest_folder_is_searched()
    {
        Assert.Equal(["."], Parse("{\"xmlFile\": []}").Roots);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("{\"xmlFile\": [\"a.xml\",]}", 1)]
    [InlineData("{\"xmlFile\": [\"a.xml\"]} trailing", 1)]
    [InlineData("{\n\"xmlFile\": [\"unterminated]}", 2)]
    [InlineData("{\"xmlFile\": [\"bad \\q escape\"]}", 1)]
    [InlineData("{\"xmlFile\": [\"control \u0001 char\"]}", 1)]
    [InlineData("[\"not an object\"]", 1)]
    [InlineData("{\"xmlFile\": \"not a list\"}", 1)]
    [InlineData("{\"xmlFile\": [\"a.xml\", 7]}", 1)]
    [InlineData("{\"xmlRoot\": [\".\"]}", 1)]
    [InlineData("{\"xmlFile\": [] , \"n\": -}", 1)]
    public void Bad_input_is_one_error_at_its_line(string text, int line)
    {
        var manifest = Parse(text);

        var diagnostic = Assert.Single(manifest.Diagnostics);
        Assert.Equal(DiagnosticIds.UnreadableManifest, diagnostic.Id);
        Assert.Equal(line, diagnostic.Position!.Line);
    }

    [Fact]
    public void Deep_nesting_is_refused_not_recursed()
    {
        var text = "{\"xmlFile\": [], \"x\": " + new string('[', 100_000) + new string(']', 100_000) + "}";

        var diagnostic = Assert.Single(Parse(text).Diagnostics);
        Assert.Contains("nested more than 64", diagnostic.Arguments[1], System.StringComparison.Ordinal);
    }

    [Fact]
    public void Null_text_and_oversized_text_are_errors()
    {
        Assert.Single(ManifestParser.Parse(Path, null, CancellationToken.None).Diagnostics);
        Assert.Single(Parse(new string(' ', MatterGen.Generator.Parsing.DefinitionParser.MaxCharacters + 1)).Diagnostics);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<System.OperationCanceledException>(() => ManifestParser.Parse(Path, "{\"xmlFile\": [\"a\", \"b\"]}", cancelled.Token));
    }

    [Theory]
    [InlineData("/tree/zcl.json", true)]
    [InlineData("C:\\tree\\ZCL.JSON", true)]
    [InlineData("/tree/zcl-with-test-extensions.json", false)]
    [InlineData("/tree/zcl.json.bak", false)]
    public void Only_files_named_zcl_json_are_manifests(string path, bool expected) =>
        Assert.Equal(expected, ManifestParser.IsManifest(path));
}
