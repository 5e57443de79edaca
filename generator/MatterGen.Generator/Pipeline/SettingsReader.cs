using MatterGen.Generator.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MatterGen.Generator.Pipeline;

/// <summary>Reads the MSBuild properties the generator honours (made visible by the package's props).</summary>
internal static class SettingsReader
{
    /// <summary>The MSBuild property that names the namespace of generated cluster types.</summary>
    public const string NamespaceProperty = "build_property.MatterGenNamespace";

    public static GeneratorSettings Read(AnalyzerConfigOptions options)
    {
        if (options.TryGetValue(NamespaceProperty, out var ns) && IsValidNamespace(ns))
        {
            return new GeneratorSettings(ns.Trim());
        }

        return GeneratorSettings.Default;
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
