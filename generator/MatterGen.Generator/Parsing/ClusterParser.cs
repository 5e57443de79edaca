using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Parsing;

/// <summary>Reads <c>&lt;cluster&gt;</c> definitions and <c>&lt;clusterExtension&gt;</c> additions.</summary>
internal static class ClusterParser
{
    private const uint ClusterRevisionId = 0xFFFD;

    /// <summary>Reads one cluster definition; null (with diagnostics) when it has no usable name or code.</summary>
    public static ClusterModel? ReadCluster(XElement element, ParseContext context)
    {
        var name = ParseContext.ChildText(element, "name");
        if (name is null)
        {
            context.Report(DiagnosticIds.MissingRequiredValue, element, "<cluster>", "<name>");
        }

        var codeElement = element.Element("code");
        uint? code = null;
        if (codeElement is null)
        {
            context.Report(DiagnosticIds.MissingRequiredValue, element, "Cluster '" + (name ?? "?") + "'", "<code>");
        }
        else
        {
            code = context.Id(codeElement, "Cluster '" + (name ?? "?") + "'");
        }

        if (name is null || code is null)
        {
            return null;
        }

        var (attributes, commands, events) = ReadElements(element, name, context);
        return new ClusterModel(
            code.Value,
            name,
            ParseContext.ChildText(element, "domain"),
            ParseContext.ChildText(element, "description"),
            ReadRevision(element, name, context),
            ReadFeatures(element, name, context),
            attributes,
            commands,
            events,
            context.Maturity(element, name),
            context.PositionOf(element));
    }

    /// <summary>Reads one <c>&lt;clusterExtension code&gt;</c>; null (with diagnostics) when its code is unusable.</summary>
    public static ClusterExtensionModel? ReadExtension(XElement element, ParseContext context)
    {
        var code = context.RequiredId(element, "code", "<clusterExtension>");
        if (code is null)
        {
            return null;
        }

        var (attributes, commands, events) = ReadElements(element, "Cluster " + DiagnosticInfo.IdText(code.Value) + " extension", context);
        return new ClusterExtensionModel(code.Value, attributes, commands, events, context.PositionOf(element));
    }

    private static (EquatableArray<AttributeModel>, EquatableArray<CommandModel>, EquatableArray<EventModel>) ReadElements(
        XElement element, string clusterName, ParseContext context)
    {
        var attributes = new List<AttributeModel>();
        var commands = new List<CommandModel>();
        var events = new List<EventModel>();
        foreach (var child in element.Elements())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            switch (child.Name.LocalName)
            {
                case "attribute":
                    if (ElementParser.ReadAttribute(child, clusterName, context) is { } attribute)
                    {
                        attributes.Add(attribute);
                    }

                    break;
                case "command":
                    if (ElementParser.ReadCommand(child, clusterName, context) is { } command)
                    {
                        commands.Add(command);
                    }

                    break;
                case "event":
                    if (ElementParser.ReadEvent(child, clusterName, context) is { } ev)
                    {
                        events.Add(ev);
                    }

                    break;
            }
        }

        DuplicateCheck.Ids(attributes, a => a.Id, a => a.Name, a => a.Position, clusterName + " attribute", context);
        DuplicateCheck.Ids(commands.Where(c => c.Direction == CommandDirection.ClientToServer), c => c.Id, c => c.Name, c => c.Position, clusterName + " request", context);
        DuplicateCheck.Ids(commands.Where(c => c.Direction == CommandDirection.ServerToClient), c => c.Id, c => c.Name, c => c.Position, clusterName + " response", context);
        DuplicateCheck.Ids(events, e => e.Id, e => e.Name, e => e.Position, clusterName + " event", context);
        return (ElementOrder.Attributes(attributes), ElementOrder.Commands(commands), ElementOrder.Events(events));
    }

    private static int ReadRevision(XElement cluster, string name, ParseContext context)
    {
        foreach (var global in cluster.Elements("globalAttribute"))
        {
            if (!NumberText.TryParseId(ParseContext.Attr(global, "code"), out var id) || id != ClusterRevisionId)
            {
                continue;
            }

            var value = global.Attribute("value");
            if (value is not null && NumberText.TryParseUnsigned(value.Value, out var revision) && revision >= 1 && revision <= ushort.MaxValue)
            {
                return (int)revision;
            }

            context.Report(DiagnosticIds.InvalidValue, (XObject?)value ?? global, name + " ClusterRevision", value?.Value ?? string.Empty, "value");
        }

        return 1;
    }

    private static EquatableArray<FeatureModel> ReadFeatures(XElement cluster, string clusterName, ParseContext context)
    {
        var features = new List<FeatureModel>();
        foreach (var element in cluster.Elements("features").Elements("feature"))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var name = ParseContext.Attr(element, "name")?.Trim();
            var code = ParseContext.Attr(element, "code")?.Trim();
            var where = clusterName + " feature " + (code ?? name ?? "?");
            var bitAttribute = element.Attribute("bit");
            if (bitAttribute is null)
            {
                context.Report(DiagnosticIds.MissingRequiredValue, element, where, "bit");
                continue;
            }

            if (!NumberText.TryParseUnsigned(bitAttribute.Value, out var bit) || bit > 31)
            {
                context.Report(DiagnosticIds.InvalidValue, bitAttribute, where, bitAttribute.Value, "bit (0 to 31)");
                continue;
            }

            if (string.IsNullOrEmpty(code) && string.IsNullOrEmpty(name))
            {
                context.Report(DiagnosticIds.MissingRequiredValue, element, where, "code or name");
                continue;
            }

            features.Add(new FeatureModel(
                (int)bit,
                string.IsNullOrEmpty(code) ? name! : code!,
                string.IsNullOrEmpty(name) ? code! : name!,
                ParseContext.Attr(element, "summary"),
                ConformanceReader.Read(element, context),
                context.PositionOf(element)));
        }

        DuplicateCheck.Ids(features, f => (ulong)f.Bit, f => f.Code, f => f.Position, clusterName + " feature bit", context);
        return features.OrderBy(f => f.Bit).ToEquatableArray();
    }
}
