using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Parsing;

/// <summary>Reads the named data types of a definition file: <c>&lt;enum&gt;</c>, <c>&lt;bitmap&gt;</c> and <c>&lt;struct&gt;</c>.</summary>
internal static class DataTypeParser
{
    /// <summary>Reads one enum, bitmap or struct element; null (with diagnostics) when it cannot be used.</summary>
    public static DataTypeModel? Read(XElement element, DataTypeKind kind, ParseContext context)
    {
        var keyword = element.Name.LocalName;
        var name = ParseContext.Attr(element, "name")?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            context.Report(DiagnosticIds.MissingRequiredValue, element, "<" + keyword + ">", "name");
            return null;
        }

        var owner = keyword + " '" + name + "'";
        var codes = new List<uint>();
        foreach (var cluster in element.Elements("cluster"))
        {
            if (context.RequiredId(cluster, "code", owner + " <cluster>") is { } code && !codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        codes.Sort();
        var values = EquatableArray<NamedValue>.Empty;
        var fields = EquatableArray<FieldModel>.Empty;
        string baseType;
        switch (kind)
        {
            case DataTypeKind.Struct:
                baseType = "struct";
                fields = FieldParser.ReadAll(element, "item", "fieldId", owner, context);
                break;
            default:
                var type = ParseContext.Attr(element, "type")?.Trim();
                if (string.IsNullOrEmpty(type))
                {
                    context.Report(DiagnosticIds.MissingRequiredValue, element, owner, "type");
                    return null;
                }

                baseType = type!;
                values = kind == DataTypeKind.Enum
                    ? ReadValues(element, "item", "value", owner, context)
                    : ReadValues(element, "field", "mask", owner, context);
                break;
        }

        return new DataTypeModel(
            name!,
            kind,
            baseType,
            codes.ToEquatableArray(),
            values,
            fields,
            context.Bool(element, "isFabricScoped", owner),
            context.Maturity(element, owner),
            ParseContext.ChildText(element, "description"),
            context.PositionOf(element));
    }

    /// <summary>The base types of an <c>&lt;atomic&gt;</c> block; entries without a name are reported and skipped.</summary>
    public static IEnumerable<BaseTypeDeclaration> ReadBaseTypes(XElement atomic, ParseContext context)
    {
        foreach (var element in atomic.Elements("type"))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var name = ParseContext.Attr(element, "name")?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                context.Report(DiagnosticIds.MissingRequiredValue, element, "<atomic> <type>", "name");
                continue;
            }

            yield return new BaseTypeDeclaration(
                name!,
                context.Length(element, "size", "base type '" + name + "'"),
                ParseContext.Attr(element, "description"),
                context.Bool(element, "composite", "base type '" + name + "'"),
                context.PositionOf(element));
        }
    }

    private static EquatableArray<NamedValue> ReadValues(XElement parent, string childName, string valueAttribute, string owner, ParseContext context)
    {
        var values = new List<NamedValue>();
        foreach (var element in parent.Elements(childName))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var name = ParseContext.Attr(element, "name")?.Trim();
            var where = owner + " " + childName + " '" + name + "'";
            if (string.IsNullOrEmpty(name))
            {
                context.Report(DiagnosticIds.MissingRequiredValue, element, owner + " <" + childName + ">", "name");
                continue;
            }

            var valueText = element.Attribute(valueAttribute);
            if (valueText is null)
            {
                context.Report(DiagnosticIds.MissingRequiredValue, element, where, valueAttribute);
                continue;
            }

            if (!NumberText.TryParseUnsigned(valueText.Value, out var value))
            {
                context.Report(DiagnosticIds.InvalidValue, valueText, where, valueText.Value, valueAttribute);
                continue;
            }

            values.Add(new NamedValue(name!, value, ParseContext.Attr(element, "description") ?? ParseContext.ChildText(element, "description")));
        }

        return values.ToEquatableArray();
    }

    /// <summary>
    /// Reports a type declared twice for the same scope (a cluster code, or global) in one file (MG0011), at
    /// the second declaration.
    /// </summary>
    public static void CheckDuplicateNames(IEnumerable<DataTypeModel> types, ParseContext context)
    {
        var seen = new HashSet<(uint? Scope, string Name)>();
        foreach (var type in types)
        {
            var scopes = type.ClusterCodes.Count == 0 ? new uint?[] { null } : type.ClusterCodes.Select(c => (uint?)c).ToArray();
            foreach (var scope in scopes)
            {
                if (!seen.Add((scope, type.Name)))
                {
                    var where = scope is { } code ? "cluster " + DiagnosticInfo.IdText(code) : "the global scope";
                    context.Report(DiagnosticInfo.Create(DiagnosticIds.DuplicateName, type.Position, "Type", type.Name, where));
                    break;
                }
            }
        }
    }
}
