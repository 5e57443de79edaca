using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Xml.Linq;

namespace MatterGen.Generator.Tests.Spec;

/// <summary>
/// The facts a ZAP definition file states, flattened to <c>element path → property → normalised value</c> so two
/// files can be compared element by element. Read with System.Xml.Linq only, independent of the generator's parser.
/// Normalisation: numbers to decimal (0x0A == 10), flags to true/false with their ZAP defaults, type names to
/// lower case, conformance to one canonical string, access to the Matter default privileges where the XML is silent.
/// Descriptions and feature summaries are prose, not facts, and are left out.
/// </summary>
internal sealed class DefinitionFacts
{
    /// <summary>Property that holds the legacy <c>optional</c> flag; compared only where upstream states no conformance.</summary>
    public const string LegacyOptional = "optional (legacy)";

    /// <summary>Property that holds the normalised conformance.</summary>
    public const string Conformance = "conformance";

    private readonly Dictionary<string, SortedDictionary<string, string?>> elements = new(StringComparer.Ordinal);

    private DefinitionFacts()
    {
    }

    /// <summary>Every element path with its properties.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, string?>> Elements => elements;

    /// <summary>Reads the facts of a loaded definition document.</summary>
    public static DefinitionFacts From(XDocument document)
    {
        var root = document.Root ?? throw new InvalidOperationException("The document has no root element.");
        var facts = new DefinitionFacts();
        foreach (var element in root.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "enum":
                    facts.AddNamedValues(element, "enum", "item", "value");
                    break;
                case "bitmap":
                    facts.AddNamedValues(element, "bitmap", "field", "mask");
                    break;
                case "struct":
                    facts.AddStruct(element);
                    break;
                case "cluster":
                    facts.AddCluster(element);
                    break;
            }
        }

        return facts;
    }

    private void AddNamedValues(XElement type, string kind, string itemName, string valueAttribute)
    {
        var path = $"{kind} {Attr(type, "name")}";
        Add(path, new()
        {
            ["type"] = Lower(Attr(type, "type")),
            ["clusters"] = ClusterCodes(type),
            ["apiMaturity"] = Attr(type, "apiMaturity"),
        });
        foreach (var item in type.Elements(itemName))
        {
            Add($"{path}/{itemName} {Number(Attr(item, valueAttribute))}", new() { ["name"] = Attr(item, "name") });
        }
    }

    private void AddStruct(XElement type)
    {
        var path = $"struct {Attr(type, "name")}";
        Add(path, new()
        {
            ["clusters"] = ClusterCodes(type),
            ["isFabricScoped"] = Flag(type, "isFabricScoped"),
            ["apiMaturity"] = Attr(type, "apiMaturity"),
        });
        AddFields(path, "field", type.Elements("item"), "fieldId");
    }

    private void AddCluster(XElement cluster)
    {
        var code = Hex(Child(cluster, "code"));
        var path = $"cluster {code}";
        Add(path, new()
        {
            ["name"] = Child(cluster, "name"),
            ["domain"] = Child(cluster, "domain"),
            ["define"] = Child(cluster, "define"),
            ["client"] = Lower(Child(cluster, "client")),
            ["server"] = Lower(Child(cluster, "server")),
            ["revision"] = Number(cluster.Elements("globalAttribute")
                .FirstOrDefault(g => Number(Attr(g, "code")) == "65533")?.Attribute("value")?.Value),
        });

        foreach (var feature in cluster.Elements("features").Elements("feature"))
        {
            Add($"{path}/feature {Number(Attr(feature, "bit"))}", new()
            {
                ["code"] = Attr(feature, "code"),
                ["name"] = Attr(feature, "name"),
                [Conformance] = ConformanceOf(feature),
            });
        }

        foreach (var attribute in cluster.Elements("attribute"))
        {
            AddAttribute(path, attribute);
        }

        foreach (var command in cluster.Elements("command"))
        {
            AddCommand(path, command);
        }

        foreach (var @event in cluster.Elements("event"))
        {
            AddEvent(path, @event);
        }
    }

    private void AddAttribute(string clusterPath, XElement attribute)
    {
        var writable = Flag(attribute, "writable");
        var properties = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            // Legacy files give the name only as the description (or the element's own text).
            ["name"] = Attr(attribute, "name") ?? Child(attribute, "description") ?? OwnText(attribute),
            ["side"] = Attr(attribute, "side"),
            ["define"] = Attr(attribute, "define"),
            ["type"] = Lower(Attr(attribute, "type")),
            ["entryType"] = Lower(Attr(attribute, "entryType")),
            ["isNullable"] = Flag(attribute, "isNullable"),
            ["writable"] = writable,
            ["min"] = Number(Attr(attribute, "min")),
            ["max"] = Number(Attr(attribute, "max")),
            ["length"] = Number(Attr(attribute, "length")),
            ["minLength"] = Number(Attr(attribute, "minLength")),
            ["default"] = Number(Attr(attribute, "default")),
            ["mustUseTimedWrite"] = Flag(attribute, "mustUseTimedWrite"),
            ["access.read"] = Privilege(attribute, "read") ?? "view",
            ["access.write"] = Privilege(attribute, "write") ?? (writable == "true" ? "operate" : null),
            ["apiMaturity"] = Attr(attribute, "apiMaturity"),
            [Conformance] = ConformanceOf(attribute),
            [LegacyOptional] = Flag(attribute, "optional"),
        };
        foreach (var quality in attribute.Elements("quality").Attributes())
        {
            properties["quality." + quality.Name.LocalName] = Lower(quality.Value);
        }

        Add($"{clusterPath}/attribute {Hex(Attr(attribute, "code"))}", properties);
    }

    private void AddCommand(string clusterPath, XElement command)
    {
        var source = Attr(command, "source");
        var path = $"{clusterPath}/command {source} {Hex(Attr(command, "code"))}";
        Add(path, new()
        {
            ["name"] = Attr(command, "name"),
            ["response"] = Attr(command, "response"),
            ["mustUseTimedInvoke"] = Flag(command, "mustUseTimedInvoke"),
            ["disableDefaultResponse"] = Flag(command, "disableDefaultResponse"),
            ["isFabricScoped"] = Flag(command, "isFabricScoped"),
            ["access.invoke"] = Privilege(command, "invoke") ?? (source == "client" ? "operate" : null),
            ["apiMaturity"] = Attr(command, "apiMaturity"),
            [Conformance] = ConformanceOf(command),
            [LegacyOptional] = Flag(command, "optional"),
        });
        AddFields(path, "arg", command.Elements("arg"), "id");
    }

    private void AddEvent(string clusterPath, XElement @event)
    {
        var path = $"{clusterPath}/event {Hex(Attr(@event, "code"))}";
        Add(path, new()
        {
            ["name"] = Attr(@event, "name"),
            ["side"] = Attr(@event, "side"),
            ["priority"] = Lower(Attr(@event, "priority")),
            ["isFabricSensitive"] = Flag(@event, "isFabricSensitive"),
            ["access.read"] = Privilege(@event, "read") ?? "view",
            ["apiMaturity"] = Attr(@event, "apiMaturity"),
            [Conformance] = ConformanceOf(@event),
            [LegacyOptional] = Flag(@event, "optional"),
        });
        AddFields(path, "field", @event.Elements("field"), "id");
    }

    /// <summary>Struct items, command args and event fields: keyed by id, or by position where no id is written.</summary>
    private void AddFields(string parentPath, string kind, IEnumerable<XElement> fields, string idAttribute)
    {
        var position = 0;
        foreach (var field in fields)
        {
            var id = Number(Attr(field, idAttribute)) ?? position.ToString(CultureInfo.InvariantCulture);
            position++;
            Add($"{parentPath}/{kind} {id}", new()
            {
                ["name"] = Attr(field, "name"),
                ["type"] = Lower(Attr(field, "type")),
                ["array"] = Flag(field, "array"),
                ["isNullable"] = Flag(field, "isNullable"),
                ["optional"] = Flag(field, "optional"),
                ["isFabricSensitive"] = Flag(field, "isFabricSensitive"),
                ["min"] = Number(Attr(field, "min")),
                ["max"] = Number(Attr(field, "max")),
                ["length"] = Number(Attr(field, "length")),
                ["minLength"] = Number(Attr(field, "minLength")),
                ["default"] = Number(Attr(field, "default")),
                ["apiMaturity"] = Attr(field, "apiMaturity"),
            });
        }
    }

    private void Add(string path, SortedDictionary<string, string?> properties)
    {
        if (!elements.TryAdd(path, properties))
        {
            throw new InvalidOperationException($"Element '{path}' is defined twice.");
        }
    }

    /// <summary>
    /// The conformance elements (<c>*Conform</c>) directly under an element, rendered canonically:
    /// <c>name[attr=value,...](child,...)</c>; null when there are none.
    /// </summary>
    public static string? ConformanceOf(XElement element)
    {
        var rules = element.Elements().Where(e => e.Name.LocalName.EndsWith("Conform", StringComparison.Ordinal)).ToList();
        return rules.Count == 0 ? null : string.Join(",", rules.Select(Render));

        static string Render(XElement node)
        {
            var text = new StringBuilder(node.Name.LocalName);
            var attributes = node.Attributes().Where(a => !a.IsNamespaceDeclaration)
                .OrderBy(a => a.Name.LocalName, StringComparer.Ordinal)
                .Select(a => $"{a.Name.LocalName}={Number(a.Value)}").ToList();
            if (attributes.Count > 0)
            {
                text.Append('[').Append(string.Join(",", attributes)).Append(']');
            }

            var children = node.Elements().ToList();
            if (children.Count > 0)
            {
                text.Append('(').Append(string.Join(",", children.Select(Render))).Append(')');
            }

            return text.ToString();
        }
    }

    /// <summary>A number as decimal (hex 0x.. or decimal in); other text trimmed and kept as it is.</summary>
    public static string? Number(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && BigInteger.TryParse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return hex.ToString(CultureInfo.InvariantCulture);
        }

        return BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : text;
    }

    /// <summary>An element code for a path: 0x and four upper-case hex digits, so paths read like the specification.</summary>
    private static string? Hex(string? value) =>
        BigInteger.TryParse(Number(value), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? "0x" + number.ToString("X4", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(4, '0')
            : value;

    private static string? Attr(XElement element, string name) => element.Attribute(name)?.Value.Trim();

    private static string Flag(XElement element, string name) =>
        string.Equals(Attr(element, name), "true", StringComparison.OrdinalIgnoreCase) ? "true" : "false";

    private static string? Lower(string? value) => value?.Trim().ToLowerInvariant();

    private static string? Child(XElement element, string name) =>
        element.Element(name) is { } child ? NormaliseSpace(child.Value) : null;

    private static string? OwnText(XElement element)
    {
        var text = NormaliseSpace(string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)));
        return text.Length == 0 ? null : text;
    }

    private static string NormaliseSpace(string text) =>
        string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string ClusterCodes(XElement type) =>
        string.Join(",", type.Elements("cluster").Select(c => Number(Attr(c, "code")) ?? "")
            .OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal));

    /// <summary>The privilege an <c>&lt;access op=...&gt;</c> child grants, by <c>privilege</c> or the older <c>role</c>.</summary>
    private static string? Privilege(XElement element, string operation) =>
        element.Elements("access")
            .Where(a => string.Equals(Attr(a, "op"), operation, StringComparison.OrdinalIgnoreCase))
            .Select(a => Lower(Attr(a, "privilege") ?? Attr(a, "role")))
            .FirstOrDefault();
}
