using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Tests.Infrastructure;
using Rule = MatterGen.Generator.Model.Conformance;

namespace MatterGen.Generator.Tests.Specialization;

/// <summary>Builds <see cref="ClusterModel"/> and <see cref="ClusterUnit"/> values by hand, as the XML reader would.</summary>
internal sealed class ClusterBuilder
{
    private static readonly SourcePosition Here = new("test.xml", 1, 1);

    private readonly List<FeatureModel> features = new();
    private readonly List<AttributeModel> attributes = new();
    private readonly List<CommandModel> commands = new();
    private readonly List<EventModel> events = new();
    private readonly List<DataTypeModel> localTypes = new();
    private readonly string name;
    private readonly uint code;
    private readonly int revision;

    public ClusterBuilder(string name, uint code, int revision = 1)
    {
        this.name = name;
        this.code = code;
        this.revision = revision;
    }

    public ClusterBuilder Feature(int bit, string featureCode, string featureName, Rule conformance)
    {
        features.Add(new FeatureModel(bit, featureCode, featureName, null, conformance, Here));
        return this;
    }

    public ClusterBuilder Attribute(
        uint id,
        string attributeName,
        string type,
        Rule conformance,
        bool nullable = false,
        bool writable = false,
        string? @default = null,
        string? min = null,
        string? max = null,
        int? length = null,
        bool list = false)
    {
        attributes.Add(new AttributeModel(
            id, attributeName, new TypeReference(type, list), nullable, writable, false, Access.Default,
            nullable ? AttributeQuality.Nullable : AttributeQuality.None, Definitions.Default(@default), Definitions.Bounds(min, max, length),
            conformance, Maturity.Stable, null, Here));
        return this;
    }

    public ClusterBuilder Request(uint id, string commandName, Rule conformance, string? response = null) =>
        Command(id, commandName, CommandDirection.ClientToServer, conformance, response);

    public ClusterBuilder Response(uint id, string commandName, Rule conformance) =>
        Command(id, commandName, CommandDirection.ServerToClient, conformance, null);

    public ClusterBuilder Event(uint id, string eventName, Rule conformance)
    {
        events.Add(new EventModel(id, eventName, EventPriority.Info, EquatableArray<FieldModel>.Empty, false, Access.Default,
            conformance, Maturity.Stable, null, Here));
        return this;
    }

    public ClusterBuilder Enum(string typeName, string baseType, params (string Name, ulong Value)[] items) =>
        NamedType(typeName, DataTypeKind.Enum, baseType, items);

    public ClusterBuilder Bitmap(string typeName, string baseType, params (string Name, ulong Value)[] fields) =>
        NamedType(typeName, DataTypeKind.Bitmap, baseType, fields);

    public ClusterModel Build() => new(
        code, name, "Test", null, revision,
        features.ToEquatableArray(),
        attributes.OrderBy(attribute => attribute.Id).ToEquatableArray(),
        commands.OrderBy(command => command.Direction).ThenBy(command => command.Id).ToEquatableArray(),
        events.OrderBy(@event => @event.Id).ToEquatableArray(),
        Maturity.Stable,
        Here);

    public ClusterUnit Unit() => new(Build(), Naming.Identifier.FromName(name), localTypes.ToEquatableArray(), EquatableArray<DataTypeModel>.Empty);

    private ClusterBuilder Command(uint id, string commandName, CommandDirection direction, Rule conformance, string? response)
    {
        commands.Add(new CommandModel(id, commandName, direction, response, EquatableArray<FieldModel>.Empty, false, false,
            Access.Default, conformance, Maturity.Stable, null, Here));
        return this;
    }

    private ClusterBuilder NamedType(string typeName, DataTypeKind kind, string baseType, (string Name, ulong Value)[] values)
    {
        localTypes.Add(new DataTypeModel(typeName, kind, baseType, EquatableArray.From(new[] { code }),
            values.Select(value => new NamedValue(value.Name, value.Value, null)).ToEquatableArray(),
            EquatableArray<FieldModel>.Empty, false, Maturity.Stable, null, Here));
        return this;
    }
}

/// <summary>Builds <see cref="ServerDeclaration"/> values.</summary>
internal static class Declarations
{
    public static readonly SourcePosition Position = new("Server.cs", 10, 5, 120, 40);

    public static readonly SourcePosition OverridePosition = new("Server.cs", 11, 5, 170, 30);

    public static ServerDeclaration For(
        string cluster,
        string[]? features = null,
        string[]? enable = null,
        (string Attribute, string? Value)[]? defaults = null,
        (string Attribute, Constraint Constraint)[]? constraints = null) =>
        new(
            "Sample",
            "Server",
            EquatableArray<string>.Empty,
            "public",
            true,
            cluster,
            EquatableArray.From(features ?? System.Array.Empty<string>()),
            EquatableArray.From(enable ?? System.Array.Empty<string>()),
            (defaults ?? System.Array.Empty<(string, string?)>()).Select(d => new AttributeDefaultOverride(d.Attribute, CSharpLiteral.Read(d.Value), OverridePosition)).ToEquatableArray(),
            (constraints ?? System.Array.Empty<(string, Constraint)>()).Select(c => new AttributeConstraintOverride(c.Attribute, c.Constraint, OverridePosition)).ToEquatableArray(),
            Position);
}
