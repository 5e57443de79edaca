using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MatterGen.Generator.Pipeline;

/// <summary>
/// Reads a <c>[MatterServer]</c> type into a <see cref="ServerDeclaration"/>: plain data, no symbols or
/// syntax, so the step caches across edits that do not touch the declaration.
/// </summary>
internal static class ServerDeclarationReader
{
    public const string ServerAttributeName = "MatterGen.MatterServerAttribute";
    private const string DefaultAttributeName = "MatterGen.MatterAttributeDefaultAttribute";
    private const string ConstraintAttributeName = "MatterGen.MatterAttributeConstraintAttribute";

    public static ServerDeclaration? Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.IsEmpty)
        {
            return null;
        }

        var serverAttribute = context.Attributes[0];
        var position = PositionOf(serverAttribute, context.TargetNode);
        var cluster = serverAttribute.ConstructorArguments.Length == 1 ? serverAttribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
        string? features = null;
        string? enable = null;
        foreach (var argument in serverAttribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Features":
                    features = argument.Value.Value as string;
                    break;
                case "Enable":
                    enable = argument.Value.Value as string;
                    break;
            }
        }

        var defaults = new List<AttributeDefaultOverride>();
        var constraints = new List<AttributeConstraintOverride>();
        foreach (var attribute in type.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name == DefaultAttributeName && attribute.ConstructorArguments.Length == 2)
            {
                defaults.Add(new AttributeDefaultOverride(
                    attribute.ConstructorArguments[0].Value as string ?? string.Empty,
                    DefaultOf(attribute.ConstructorArguments[1]),
                    PositionOf(attribute, context.TargetNode)));
            }
            else if (name == ConstraintAttributeName && attribute.ConstructorArguments.Length == 1)
            {
                constraints.Add(new AttributeConstraintOverride(
                    attribute.ConstructorArguments[0].Value as string ?? string.Empty,
                    ConstraintOf(attribute),
                    PositionOf(attribute, context.TargetNode)));
            }
        }

        return new ServerDeclaration(
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            ContainingTypeDeclarations(type),
            AccessibilityText(type.DeclaredAccessibility),
            IsPartialAll(type, cancellationToken),
            cluster,
            SplitList(features),
            SplitList(enable),
            defaults.ToEquatableArray(),
            constraints.ToEquatableArray(),
            position);
    }

    /// <summary>Splits a comma- or pipe-separated list, trimming blanks.</summary>
    public static EquatableArray<string> SplitList(string? text) =>
        (text ?? string.Empty)
            .Split(new[] { ',', '|', ';' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(item => item.Trim())
            .Where(item => item.Length > 0)
            .ToEquatableArray();

    private static Constraint ConstraintOf(AttributeData attribute)
    {
        decimal? min = null;
        decimal? max = null;
        int? maxLength = null;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Min" when argument.Value.Value is long value && value != long.MinValue:
                    min = value;
                    break;
                case "Max" when argument.Value.Value is long value && value != long.MaxValue:
                    max = value;
                    break;
                case "MaxLength" when argument.Value.Value is int value && value >= 0:
                    maxLength = value;
                    break;
            }
        }

        return new Constraint(min, max, null, maxLength);
    }

    private static DefaultValue? DefaultOf(TypedConstant constant) =>
        LiteralText(constant) is { } text ? new DefaultValue(text, NumberOf(constant)) : null;

    // The number a numeric constant holds; null for other constants and for reals beyond a decimal (NaN, 1e30).
    private static decimal? NumberOf(TypedConstant constant)
    {
        if (constant.IsNull || constant.Value is string or bool or char || constant.Value is not IConvertible number)
        {
            return null;
        }

        try
        {
            return number.ToDecimal(CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static string? LiteralText(TypedConstant constant)
    {
        if (constant.IsNull)
        {
            return null;
        }

        return constant.Value switch
        {
            string text => SymbolDisplay.FormatLiteral(text, quote: true),
            bool flag => flag ? "true" : "false",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            var other => other?.ToString(),
        };
    }

    private static SourcePosition PositionOf(AttributeData attribute, SyntaxNode fallback)
    {
        var location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? fallback.GetLocation();
        var span = location.GetLineSpan();
        return new SourcePosition(
            span.Path,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            location.SourceSpan.Start,
            location.SourceSpan.Length);
    }

    private static EquatableArray<string> ContainingTypeDeclarations(INamedTypeSymbol type)
    {
        var declarations = new List<string>();
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            var keyword = container.IsRecord
                ? (container.IsValueType ? "record struct" : "record")
                : container.TypeKind switch
                {
                    TypeKind.Struct => "struct",
                    TypeKind.Interface => "interface",
                    _ => "class",
                };
            var staticModifier = container.IsStatic ? "static " : string.Empty;
            declarations.Insert(0, $"{staticModifier}partial {keyword} {container.Name}");
        }

        return declarations.ToEquatableArray();
    }

    private static bool IsPartialAll(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var partial = current.DeclaringSyntaxReferences
                .Select(reference => reference.GetSyntax(cancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .Any(declaration => declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!partial)
            {
                return false;
            }
        }

        return true;
    }

    private static string AccessibilityText(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Internal => "internal",
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "internal",
    };
}
