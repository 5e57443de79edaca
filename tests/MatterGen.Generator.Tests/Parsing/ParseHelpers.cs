using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;
using MatterGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace MatterGen.Generator.Tests.Parsing;

/// <summary>Shared helpers for the parser and catalog tests.</summary>
internal static class ParseHelpers
{
    public const string TestPath = "test.xml";

    private static readonly Dictionary<string, DiagnosticSeverity> Severities = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetValue(null))
        .OfType<DiagnosticDescriptor>()
        .ToDictionary(d => d.Id, d => d.DefaultSeverity);

    public static DefinitionFile Parse(string text, string path = TestPath) => DefinitionParser.Parse(path, text, CancellationToken.None);

    public static bool IsError(DiagnosticInfo diagnostic) => Severities[diagnostic.Id] == DiagnosticSeverity.Error;

    public static string Describe(IEnumerable<DiagnosticInfo> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Position} {d.Id}: {string.Join(" | ", d.Arguments)}"));

    /// <summary>The one-based line of the first occurrence of <paramref name="marker"/> in <paramref name="text"/>.</summary>
    public static int LineOf(string text, string marker)
    {
        var index = text.IndexOf(marker, System.StringComparison.Ordinal);
        Xunit.Assert.True(index >= 0, "marker not found: " + marker);
        return text.Take(index).Count(c => c == '\n') + 1;
    }

    /// <summary>Wraps cluster content in a configurator with a minimal cluster 0xFFF1 ("Test Cluster").</summary>
    public static string Cluster(string body, string types = "") => $"""
        <?xml version="1.0"?>
        <configurator>
        {types}
          <cluster>
            <name>Test Cluster</name>
            <domain>General</domain>
            <code>0xFFF1</code>
        {body}
          </cluster>
        </configurator>
        """;
}
