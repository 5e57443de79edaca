using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MatterGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MatterGen.Generator.Diagnostics;

/// <summary>Turns value-data <see cref="DiagnosticInfo"/> into Roslyn diagnostics at report time.</summary>
internal static class DiagnosticFactory
{
    private static readonly Dictionary<string, DiagnosticDescriptor> DescriptorsById = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => field.GetValue(null))
        .OfType<DiagnosticDescriptor>()
        .ToDictionary(descriptor => descriptor.Id, StringComparer.Ordinal);

    /// <summary>The descriptor with the given id.</summary>
    public static DiagnosticDescriptor Descriptor(string id) =>
        DescriptorsById.TryGetValue(id, out var descriptor) ? descriptor : DiagnosticDescriptors.GeneratorFailure;

    /// <summary>Creates the Roslyn diagnostic.</summary>
    public static Diagnostic Create(DiagnosticInfo info)
    {
        var descriptor = Descriptor(info.Id);
        var arguments = info.Arguments.AsImmutableArray().Cast<object?>().ToArray();
        return info.AsError
            ? Diagnostic.Create(descriptor, ToLocation(info.Position), DiagnosticSeverity.Error, null, null, arguments)
            : Diagnostic.Create(descriptor, ToLocation(info.Position), arguments);
    }

    private static Location ToLocation(SourcePosition? position)
    {
        if (position is null)
        {
            return Location.None;
        }

        var start = new LinePosition(Math.Max(0, position.Line - 1), Math.Max(0, position.Column - 1));
        var span = position.SpanStart >= 0 ? new TextSpan(position.SpanStart, position.SpanLength) : default;
        return Location.Create(position.FilePath, span, new LinePositionSpan(start, start));
    }
}
