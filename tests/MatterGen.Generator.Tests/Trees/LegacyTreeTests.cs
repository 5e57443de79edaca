using System.Linq;
using MatterGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MatterGen.Generator.Tests.Trees;

/// <summary>
/// A build driven by a tree's zcl.json, over our own miniature tree with each legacy construct and hostile
/// variants: the manifest decides the files and their order, and whatever the generator cannot understand is a
/// warning at its file and line with the rest generated.
/// </summary>
public sealed class LegacyTreeTests
{
    [Fact]
    public void The_manifest_driven_build_has_no_errors_and_warns_once_per_thing_the_files_leave_undefined()
    {
        var run = GeneratorHarness.Run(["namespace User;"], LegacyTree.Files());

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Equal(
            [
                "model/core/gadget.xml(19): MG0003",  // Ratio: 'half' is declared without an encoding its size settles
                "model/core/gadget.xml(21): MG0012",  // Glint: max="-" is not a number (min="bright" names nothing)
                "model/core/gadget.xml(21): MG0012",
                "model/core/gadget.xml(29): MG0003",  // Blink's Mystery: the no_data placeholder
                "model/core/gadget.xml(33): MG0012",  // Aim.Angle: min names nothing
                "model/core/gadget.xml(34): MG0012",  // Aim.Reach: max names a list attribute
                "model/extra/records.xml(7): MG0003", // the legacy record's NO_DATA field
                "model/extra/shadow.xml(4): MG0015",  // MoodEnum again: the first loaded wins
                "model/extra/shadow.xml(8): MG0015",  // cluster 0xFFF3 again: the first loaded wins
                "zcl.json(12): MG0014",               // a listed file that is not in the tree
            ],
            LegacyTree.Describe(run.GeneratorDiagnostics));
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
    }

    [Fact]
    public void Without_the_manifest_every_file_is_read_and_the_duplicates_and_broken_file_are_errors()
    {
        var run = GeneratorHarness.Run(["namespace User;"], LegacyTree.XmlFiles());

        var errors = run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();
        Assert.Contains("MG0001", errors); // broken.xml is read
        Assert.Contains("MG0004", errors); // two clusters 0xFFF3, no load order to decide
    }

    [Fact]
    public void The_complete_view_has_what_the_files_define_and_says_why_the_rest_is_missing()
    {
        var run = GeneratorHarness.Run(["namespace User;"], LegacyTree.Files());
        var gadget = run.GeneratedSources["MatterGen.Clusters.Gadget.g.cs"];

        // Base types from the tree's own declarations travel as the table's integers.
        Assert.Contains("EncodeLastSeen(ref global::MatterGen.Tlv.TlvWriter writer, global::MatterGen.Tlv.TlvTag tag, uint value)", gadget, System.StringComparison.Ordinal);
        Assert.Contains("EncodePattern(ref global::MatterGen.Tlv.TlvWriter writer, global::MatterGen.Tlv.TlvTag tag, uint value)", gadget, System.StringComparison.Ordinal);
        Assert.Contains("EncodeNudge(ref global::MatterGen.Tlv.TlvWriter writer, global::MatterGen.Tlv.TlvTag tag, sbyte value)", gadget, System.StringComparison.Ordinal);

        // Left out, with the reason in the code.
        Assert.Contains("// Left out: attribute Ratio (0x0007) has type 'half'", gadget, System.StringComparison.Ordinal);
        Assert.Contains("// Left out: field Mystery (id 0) has type 'no_data'", gadget, System.StringComparison.Ordinal);

        // Features from the Feature bitmap (a mask of two bits is not a feature), the extension merged, the
        // struct declared after use and the enum shared with Gizmo generated, the shadowing definitions ignored.
        var start = gadget.IndexOf("public enum Feature : uint", System.StringComparison.Ordinal);
        Assert.True(start >= 0, "no Feature enum");
        var featureEnum = gadget.Substring(start, gadget.IndexOf('}', start) - start);
        Assert.Contains("Spin = 0x00000001", featureEnum, System.StringComparison.Ordinal);
        Assert.Contains("Glow = 0x00000002", featureEnum, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Twin", featureEnum, System.StringComparison.Ordinal);
        Assert.Contains("ExtraCount", gadget, System.StringComparison.Ordinal);
        Assert.Contains("record SlotStruct", gadget, System.StringComparison.Ordinal);
        Assert.Contains("Busy", run.GeneratedSources["MatterGen.Clusters.Gizmo.g.cs"], System.StringComparison.Ordinal);
        Assert.DoesNotContain("Grumpy", gadget, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Gadget Old", string.Concat(run.GeneratedSources.Values), System.StringComparison.Ordinal);

        // The reference bounds are documented on the field.
        Assert.Contains("at least the current value of the LowestSpeed attribute and at most the current value of the HighestSpeed attribute", gadget, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Signed_bounds_written_as_two_s_complement_hex_mean_negative_numbers()
    {
        var catalog = ChipTreeTests.Catalog(LegacyTree.Files());
        var tilt = catalog.Clusters.Single(u => u.Cluster.Code == 0xFFF3).Cluster.Attributes.Single(a => a.Name == "Tilt");

        Assert.Equal(((decimal?)-200m, (decimal?)200m), (tilt.Constraint.Min, tilt.Constraint.Max));
    }

    [Theory]
    [InlineData("Features = \"Spin\"", null)]
    [InlineData("Features = \"spin, Glow\", Enable = \"LastSeen, Pattern, Slots\"", null)]
    [InlineData("Features = \"Spin\", Enable = \"Blink\"", "MG1009")]
    [InlineData("Features = \"Spin\", Enable = \"Ratio\"", "MG1009")]
    [InlineData("Features = \"Spin\", Enable = \"Glint\"", "MG1009")]
    [InlineData("Features = \"Twin\"", "MG1002")]
    public void A_server_builds_unless_it_needs_what_the_files_leave_undefined(string arguments, string? error)
    {
        var source = $"namespace User;\n[MatterGen.MatterServer(\"Gadget\", {arguments})]\npublic partial class MyGadget {{ }}\n";

        var run = GeneratorHarness.Run([source, Driver], LegacyTree.Files());

        var errors = run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (error is null)
        {
            Assert.Empty(errors.Select(d => d.ToString()));
            Assert.Empty(run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        }
        else
        {
            var diagnostic = Assert.Single(errors);
            Assert.Equal(error, diagnostic.Id);
            Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        }
    }

    [Fact]
    public void A_listed_file_whose_problems_the_manifest_hides_is_still_reported_when_it_is_listed()
    {
        var manifest = new InMemoryAdditionalText(LegacyTree.Manifest, """{ "xmlRoot": ["./model/extra/"], "xmlFile": ["broken.xml"] }""");
        var run = GeneratorHarness.Run(["namespace User;"], LegacyTree.XmlFiles().Append(manifest));

        Assert.Equal(["model/extra/broken.xml(5): MG0001"], LegacyTree.Describe(run.GeneratorDiagnostics));
    }

    internal const string Driver = """
        namespace User;

        public sealed class GadgetDriver
        {
            public int Calls { get; private set; }
        }
        """;
}
