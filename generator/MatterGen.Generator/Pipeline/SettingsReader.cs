using MatterGen.Generator.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MatterGen.Generator.Pipeline;

/// <summary>Reads the MSBuild properties the generator honours (made visible by the package's props).</summary>
internal static class SettingsReader
{
    /// <summary>The MSBuild property that names the namespace of generated cluster types.</summary>
    public const string NamespaceProperty = "build_property.MatterGenNamespace";

    /// <summary>The MSBuild property that turns choices certification rejects into errors.</summary>
    public const string StrictConformanceProperty = "build_property.MatterGenStrictConformance";

    public static GeneratorSettings Read(AnalyzerConfigOptions options)
    {
        var strict = options.TryGetValue(StrictConformanceProperty, out var flag) && string.Equals(flag?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
        var ns = options.TryGetValue(NamespaceProperty, out var written) && IsValidNamespace(written) ? written.Trim() : GeneratorSettings.DefaultNamespace;
        return new GeneratorSettings(ns, strict);
    }

    private static bool IsValidNamespace(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var part in text!.Trim().Split('.'))
        {
            if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }
}
