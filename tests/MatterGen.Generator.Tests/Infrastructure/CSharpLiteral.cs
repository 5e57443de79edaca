using System;
using System.Globalization;
using MatterGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MatterGen.Generator.Tests.Infrastructure;

/// <summary>
/// The default a <c>[MatterAttributeDefault]</c> argument written as a C# literal reaches the generator
/// as: the compiler turns the literal into a typed constant, the declaration reader turns that into text and a number.
/// Text that is not a valid literal (a name, a bad escape) stays as written, with no number.
/// </summary>
internal static class CSharpLiteral
{
    /// <summary>Reads a C# literal as the compiler and the declaration reader would.</summary>
    public static DefaultValue? Read(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var expression = SyntaxFactory.ParseExpression(text);
        var negative = false;
        if (expression is PrefixUnaryExpressionSyntax minus && minus.IsKind(SyntaxKind.UnaryMinusExpression))
        {
            negative = true;
            expression = minus.Operand;
        }

        if (expression is not LiteralExpressionSyntax literal || expression.ContainsDiagnostics)
        {
            return new DefaultValue(text, null);
        }

        switch (literal.Token.Value)
        {
            case null:
                return null;
            case string value:
                return new DefaultValue(SymbolDisplay.FormatLiteral(value, quote: true), null);
            case bool flag:
                return new DefaultValue(flag ? "true" : "false", null);
            case IConvertible number and not char:
                var written = (negative ? "-" : string.Empty) + ((IFormattable)number).ToString(null, CultureInfo.InvariantCulture);
                try
                {
                    var value = number.ToDecimal(CultureInfo.InvariantCulture);
                    return new DefaultValue(written, negative ? -value : value);
                }
                catch (OverflowException)
                {
                    return new DefaultValue(written, null);
                }

            default:
                return new DefaultValue(text, null);
        }
    }
}
