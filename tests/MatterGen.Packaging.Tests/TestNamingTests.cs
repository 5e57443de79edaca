using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MatterGen.Tests;
using Xunit;

namespace MatterGen.Packaging.Tests;

/// <summary>
/// Every test in the repository is named as a sentence with underscores (DEVELOPERS.md, "Code style"); a new
/// PascalCase name fails here with its file and line, so the style does not drift back.
/// </summary>
public sealed partial class TestNamingTests
{
    /// <summary>What the scan reports when no method declaration follows a test attribute (it has no underscore, so it fails).</summary>
    private const string NoDeclaration = "(no method declaration after the attribute)";

    [Fact]
    public void Every_test_in_the_repository_is_named_as_a_sentence_with_underscores()
    {
        var testsFolder = Path.Combine(SharedMaterial.RepositoryRoot, "tests");
        var projects = Directory.GetDirectories(testsFolder, "*.Tests");
        Assert.NotEmpty(projects);

        var unnamed = new List<string>();
        foreach (var project in projects)
        {
            var tests = SourceFiles(project).SelectMany(file => TestMethods(File.ReadAllText(file)).Select(test => (File: file, test.Line, test.Name))).ToList();
            Assert.True(tests.Count > 0, $"no test methods found in {project}: the scan no longer recognises the declarations");
            unnamed.AddRange(tests
                .Where(test => !test.Name.Contains('_', StringComparison.Ordinal))
                .Select(test => $"{Path.GetRelativePath(SharedMaterial.RepositoryRoot, test.File)}:{test.Line} {test.Name}"));
        }

        Assert.True(unnamed.Count == 0, "Name these tests as sentences with underscores (DEVELOPERS.md):\n" + string.Join("\n", unnamed));
    }

    [Fact]
    public void The_scan_finds_the_method_after_any_fact_or_theory_attribute()
    {
        // Quoted line by line so that the repository scan does not take the sample for tests of this project.
        var source = string.Join('\n',
            "public sealed class Sample",
            "{",
            "    [Fact]",
            "    public void Reads_a_value() { }",
            "",
            "    [Theory]",
            "    [InlineData(1)]",
            "    // a comment between the attributes and the method",
            "    public async Task WritesAValue(int value) => await Task.Yield();",
            "",
            "    [SharedFact]",
            "    public void Vectors_round_trip() { }",
            "",
            "    [Fact(Timeout = 1000)]",
            "    public static void Fails() { }",
            "",
            "    [Fact]",
            "    private int field;",
            "",
            "    public void NotATest() { }",
            "}");

        Assert.Equal(
            new[] { (4, "Reads_a_value"), (9, "WritesAValue"), (12, "Vectors_round_trip"), (15, "Fails"), (17, NoDeclaration) },
            TestMethods(source).ToArray());
    }

    /// <summary>The methods that carry an xUnit fact or theory attribute (ours derive from them: SharedFact, InteropFact…).</summary>
    private static IEnumerable<(int Line, string Name)> TestMethods(string source)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!TestAttribute().IsMatch(lines[i]))
            {
                continue;
            }

            // The declaration follows the attributes (and any comments between them).
            var j = i + 1;
            while (j < lines.Length && (lines[j].TrimStart().StartsWith('[') || lines[j].TrimStart().StartsWith("//", StringComparison.Ordinal) || lines[j].Trim().Length == 0))
            {
                j++;
            }

            var declaration = j < lines.Length ? MethodDeclaration().Match(lines[j]) : Match.Empty;
            yield return declaration.Success ? (j + 1, declaration.Groups["name"].Value) : (i + 1, NoDeclaration);
            i = j;
        }
    }

    private static IEnumerable<string> SourceFiles(string project) =>
        Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"^\s*\[\w*(Fact|Theory)\b")]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"^\s*public\s+(static\s+)?(async\s+)?[\w<>\[\]?,. ]+?\s+(?<name>\w+)\s*\(")]
    private static partial Regex MethodDeclaration();
}
