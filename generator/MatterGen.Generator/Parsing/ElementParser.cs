using System.Xml.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Parsing;

/// <summary>Reads the attributes, commands and events of a <c>&lt;cluster&gt;</c> or <c>&lt;clusterExtension&gt;</c>.</summary>
internal static class ElementParser
{
    /// <summary>Reads one attribute; null (with diagnostics) when it cannot be used.</summary>
    public static AttributeModel? ReadAttribute(XElement element, string clusterName, ParseContext context)
    {
        var codeText = element.Attribute("code");
        var provisional = clusterName + " attribute " + (codeText?.Value ?? "?");
        var code = context.RequiredId(element, "code", provisional);

        // The name is the name attribute, else the element's own text (older files), else the description.
        var name = ParseContext.Attr(element, "name")?.Trim();
        var description = ParseContext.ChildText(element, "description");
        if (string.IsNullOrEmpty(name))
        {
            name = ParseContext.OwnText(element);
        }

        if (string.IsNullOrEmpty(name))
        {
            name = description;
            description = null;
        }

        if (string.IsNullOrEmpty(name))
        {
            context.Report(DiagnosticIds.MissingRequiredValue, element, provisional, "name");
            return null;
        }

        var where = clusterName + "." + name;
        var type = FieldParser.TypeOf(element, "Attribute '" + where + "'", context);
        if (code is null || type is null)
        {
            return null;
        }

        var isNullable = context.Bool(element, "isNullable", where);
        return new AttributeModel(
            code.Value,
            name!,
            type,
            isNullable,
            context.Bool(element, "writable", where),
            context.Bool(element, "mustUseTimedWrite", where),
            AccessReader.Read(element, where, context),
            ReadQuality(element, isNullable, where, context),
            ParseContext.Default(element),
            context.Constraint(element, where),
            ConformanceReader.Read(element, context),
            context.Maturity(element, where),
            description,
            context.PositionOf(element),
            ParseContext.Attr(element, "define")?.Trim());
    }

    /// <summary>Reads one command; null (with diagnostics) when it cannot be used.</summary>
    public static CommandModel? ReadCommand(XElement element, string clusterName, ParseContext context)
    {
        var name = ParseContext.Attr(element, "name")?.Trim();
        var where = clusterName + " command " + (name ?? ParseContext.Attr(element, "code") ?? "?");
        var code = context.RequiredId(element, "code", where);
        if (string.IsNullOrEmpty(name))
        {
            context.Report(DiagnosticIds.MissingRequiredValue, element, where, "name");
            return null;
        }

        var sourceAttribute = element.Attribute("source");
        CommandDirection direction;
        if (sourceAttribute is null || ParseContext.Is(sourceAttribute.Value, "client"))
        {
            direction = CommandDirection.ClientToServer;
        }
        else if (ParseContext.Is(sourceAttribute.Value, "server"))
        {
            direction = CommandDirection.ServerToClient;
        }
        else
        {
            context.Report(DiagnosticIds.InvalidValue, sourceAttribute, where, sourceAttribute.Value, "source");
            return null;
        }

        var fields = FieldParser.ReadAll(element, "arg", "id", clusterName + "." + name, context);
        if (code is null)
        {
            return null;
        }

        var response = ParseContext.Attr(element, "response")?.Trim();
        return new CommandModel(
            code.Value,
            name!,
            direction,
            string.IsNullOrEmpty(response) ? null : response,
            fields,
            context.Bool(element, "mustUseTimedInvoke", where),
            context.Bool(element, "isFabricScoped", where),
            AccessReader.Read(element, where, context),
            ConformanceReader.Read(element, context),
            context.Maturity(element, where),
            ParseContext.ChildText(element, "description"),
            context.PositionOf(element));
    }

    /// <summary>Reads one event; null (with diagnostics) when it cannot be used.</summary>
    public static EventModel? ReadEvent(XElement element, string clusterName, ParseContext context)
    {
        var name = ParseContext.Attr(element, "name")?.Trim();
        var where = clusterName + " event " + (name ?? ParseContext.Attr(element, "code") ?? "?");
        var code = context.RequiredId(element, "code", where);
        if (string.IsNullOrEmpty(name))
        {
            context.Report(DiagnosticIds.MissingRequiredValue, element, where, "name");
            return null;
        }

        var priority = EventPriority.Info;
        if (element.Attribute("priority") is { } priorityAttribute)
        {
            switch (priorityAttribute.Value.Trim().ToLowerInvariant())
            {
                case "debug":
                    priority = EventPriority.Debug;
                    break;
                case "info":
                    priority = EventPriority.Info;
                    break;
                case "critical":
                    priority = EventPriority.Critical;
                    break;
                default:
                    context.Report(DiagnosticIds.InvalidValue, priorityAttribute, where, priorityAttribute.Value, "priority");
                    break;
            }
        }

        var fields = FieldParser.ReadAll(element, "field", "id", clusterName + "." + name, context);
        if (code is null)
        {
            return null;
        }

        return new EventModel(
            code.Value,
            name!,
            priority,
            fields,
            context.Bool(element, "isFabricSensitive", where),
            AccessReader.Read(element, where, context),
            ConformanceReader.Read(element, context),
            context.Maturity(element, where),
            ParseContext.ChildText(element, "description"),
            context.PositionOf(element));
    }

    private static AttributeQuality ReadQuality(XElement element, bool isNullable, string where, ParseContext context)
    {
        var quality = isNullable ? AttributeQuality.Nullable : AttributeQuality.None;
        if (context.Bool(element, "mustUseAtomicWrite", where))
        {
            quality |= AttributeQuality.Atomic;
        }

        foreach (var q in element.Elements("quality"))
        {
            quality |= Flag(q, "changeOmitted", AttributeQuality.ChangesOmitted, where, context);
            quality |= Flag(q, "largeMessage", AttributeQuality.LargeMessage, where, context);
            quality |= Flag(q, "quieterReporting", AttributeQuality.QuieterReporting, where, context);
            quality |= Flag(q, "scene", AttributeQuality.Scene, where, context);
            quality |= Flag(q, "atomic", AttributeQuality.Atomic, where, context);
            quality |= Flag(q, "nullable", AttributeQuality.Nullable, where, context);
            if (q.Attribute("persistence") is { } persistence)
            {
                switch (persistence.Value.Trim().ToLowerInvariant())
                {
                    case "nonvolatile":
                        quality |= AttributeQuality.NonVolatile;
                        break;
                    case "fixed":
                        quality |= AttributeQuality.Fixed;
                        break;
                    case "volatile":
                        break;
                    default:
                        context.Report(DiagnosticIds.InvalidValue, persistence, where, persistence.Value, "persistence");
                        break;
                }
            }
        }

        return quality;
    }

    private static AttributeQuality Flag(XElement quality, string name, AttributeQuality flag, string where, ParseContext context) =>
        context.Bool(quality, name, where) ? flag : AttributeQuality.None;
}
