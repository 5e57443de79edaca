using MatterGen.Generator.Model;
using MatterGen.Generator.Parsing;

namespace MatterGen.Generator.Tests.Infrastructure;

/// <summary>Model values from text as a definition file writes it, read as the parser reads it.</summary>
internal static class Definitions
{
    /// <summary>A default as the parser reads <c>default="..."</c>.</summary>
    public static DefaultValue? Default(string? text) =>
        text is null ? null : new DefaultValue(text, NumberText.ParseDefinitionNumber(text));

    /// <summary>A number as the parser reads a bound.</summary>
    public static decimal? Number(string? text) => NumberText.ParseDefinitionNumber(text);

    /// <summary>A constraint with the given bounds and length as the parser reads <c>min max length</c>.</summary>
    public static Constraint Bounds(string? min, string? max, int? length = null, int? minLength = null) =>
        new(Number(min), Number(max), minLength, length);
}
