using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Parsing;

/// <summary>Reads the fields of structs (<c>item</c>), commands (<c>arg</c>) and events (<c>field</c>).</summary>
internal static class FieldParser
{
    /// <summary>
    /// Reads every <paramref name="childName"/> child of <paramref name="parent"/> as a field; a missing id
    /// (<paramref name="idAttribute"/>) is the field's index. Duplicate ids are reported (MG0004).
    /// </summary>
    public static EquatableArray<FieldModel> ReadAll(XElement parent, string childName, string idAttribute, string owner, ParseContext context)
    {
        var fields = new List<FieldModel>();
        var index = 0;
        var elements = parent.Elements(childName).ToList();
        var positional = childName == "arg" && AllIdsEqual(elements, idAttribute);
        foreach (var element in elements)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (Read(element, positional ? null : idAttribute, (uint)index, owner, context) is { } field)
            {
                fields.Add(field);
            }

            index++;
        }

        DuplicateCheck.Ids(fields, f => f.Id, f => f.Name, f => f.Position, owner + " field", context);
        return fields.ToEquatableArray();
    }

    /// <summary>
    /// True when several command arguments all carry the same id: the ids were never assigned (upstream's thermostat
    /// AtomicRequest and AtomicResponse give every argument id 0, where the specification numbers them 0, 1, 2),
    /// so the fields are numbered by position instead. Partly duplicated ids are still reported.
    /// </summary>
    private static bool AllIdsEqual(List<XElement> elements, string idAttribute)
    {
        if (elements.Count < 2)
        {
            return false;
        }

        var first = elements[0].Attribute(idAttribute)?.Value.Trim();
        return first is not null && elements.All(e => e.Attribute(idAttribute)?.Value.Trim() == first);
    }

    private static FieldModel? Read(XElement element, string? idAttribute, uint index, string owner, ParseContext context)
    {
        var name = ParseContext.Attr(element, "name")?.Trim();
        var where = owner + " " + element.Name.LocalName + " " + (name ?? "#" + index);
        if (string.IsNullOrEmpty(name))
        {
            context.Report(DiagnosticIds.MissingRequiredValue, element, where, "name");
            return null;
        }

        var id = idAttribute is not null && element.Attribute(idAttribute) is { } idText ? context.Id(idText, where) : index;
        var type = TypeOf(element, where, context);
        if (id is null || type is null)
        {
            return null;
        }

        return new FieldModel(
            id.Value,
            name!,
            type,
            context.Bool(element, "isNullable", where),
            context.Bool(element, "optional", where),
            context.Bool(element, "isFabricSensitive", where),
            ParseContext.Default(element),
            context.Constraint(element, where),
            context.Maturity(element, where),
            ParseContext.ChildText(element, "description") ?? ParseContext.Attr(element, "description"),
            context.PositionOf(element));
    }

    /// <summary>
    /// The type of a field or attribute: <c>type</c>, as a list for <c>array="true"</c> or
    /// <c>type="array" entryType="X"</c>. Reports MG0007 when there is none.
    /// </summary>
    public static TypeReference? TypeOf(XElement element, string owner, ParseContext context)
    {
        var type = ParseContext.Attr(element, "type")?.Trim();
        var entryType = ParseContext.Attr(element, "entryType")?.Trim();
        if (ParseContext.Is(type, "array"))
        {
            if (string.IsNullOrEmpty(entryType))
            {
                context.Report(DiagnosticIds.MissingRequiredValue, element, owner, "entryType");
                return null;
            }

            return new TypeReference(entryType!, IsList: true);
        }

        if (string.IsNullOrEmpty(type))
        {
            context.Report(DiagnosticIds.MissingRequiredValue, element, owner, "type");
            return null;
        }

        return new TypeReference(type!, context.Bool(element, "array", owner));
    }
}
