using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;
using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// Emits the server's constructor and its <c>ClusterDescription</c>: the cluster's metadata records for exactly
/// the elements present, attribute records copied with the user's tightened constraint and default where they
/// differ from the definition's, so the machinery checks what this server promises.
/// </summary>
internal static class DescriptionEmitter
{
    private const string Summary = "/// <summary>Creates the server: attributes at their defaults, then any non-volatile ones the store kept.</summary>";
    private const string OptionsParameter = "/// <param name=\"options\">Endpoint, clock, attribute store, event log and reporting pace; defaults when null.</param>";

    public static void Emit(CodeWriter writer, SpecializedCluster cluster, IReadOnlyList<StoredAttribute> stored, ClusterMemberNames names, string clusterClass, string? driverInterface)
    {
        var definition = cluster.Unit.Cluster.Attributes.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        var attributes = stored.Select(s => AttributeRecord(s.Attribute, definition, names, clusterClass));
        var accepted = cluster.AcceptedCommands.Select(c => clusterClass + ".Commands." + names.CommandMetadata[(c.Id, c.Direction)]);
        var generated = cluster.GeneratedCommands.Select(c => clusterClass + ".Commands." + names.CommandMetadata[(c.Id, c.Direction)]);
        var events = cluster.Events.Select(e => clusterClass + ".Events." + names.EventMetadata[e.Id]);
        writer.Lines($$"""
            private static readonly {{Interaction}}ClusterDescription description = new(
                ClusterId,
                ClusterRevision,
                FeatureMap,
                new {{DataModel}}AttributeMetadata[] { {{string.Join(", ", attributes)}} },
                new {{DataModel}}CommandMetadata[] { {{string.Join(", ", accepted)}} },
                new {{DataModel}}CommandMetadata[] { {{string.Join(", ", generated)}} },
                new {{DataModel}}EventMetadata[] { {{string.Join(", ", events)}} });

            """);

        var constructor = cluster.Declaration.TypeName.TrimStart('@');
        // A server that accepts no command has nothing to drive: it is made without a driver.
        writer.Lines(driverInterface is null
            ? $$"""
                {{Summary}}
                {{OptionsParameter}}
                public {{constructor}}({{Interaction}}ClusterServerOptions? options = null)
                    : base(options)
                {
                    RestoreNonVolatileAttributes();
                }
                """
            : $$"""
                private readonly {{driverInterface}} driver;

                {{Summary}}
                /// <param name="driver">What carries out the commands.</param>
                {{OptionsParameter}}
                public {{constructor}}({{driverInterface}} driver, {{Interaction}}ClusterServerOptions? options = null)
                    : base(options)
                {
                    this.driver = driver ?? throw new global::System.ArgumentNullException(nameof(driver));
                    RestoreNonVolatileAttributes();
                }
                """);
        writer.Lines($$"""

            /// <inheritdoc/>
            public override {{Interaction}}ClusterDescription Description => description;

            """);
    }

    private static string AttributeRecord(AttributeModel attribute, Dictionary<uint, AttributeModel> definition, ClusterMemberNames names, string clusterClass)
    {
        var record = clusterClass + ".Attributes." + names.AttributeMetadata[attribute.Id];
        if (!definition.TryGetValue(attribute.Id, out var original))
        {
            return record;
        }

        var changes = new List<string>();
        var constraint = attribute.Constraint;
        if (constraint.Min != original.Constraint.Min)
        {
            changes.Add($"Min = {Literals.Decimal(constraint.Min)}");
        }

        if (constraint.Max != original.Constraint.Max)
        {
            changes.Add($"Max = {Literals.Decimal(constraint.Max)}");
        }

        if (constraint.MinLength != original.Constraint.MinLength)
        {
            changes.Add($"MinLength = {Literals.NullableInt(constraint.MinLength)}");
        }

        if (constraint.MaxLength != original.Constraint.MaxLength)
        {
            changes.Add($"MaxLength = {Literals.NullableInt(constraint.MaxLength)}");
        }

        if (attribute.Default != original.Default)
        {
            changes.Add($"Default = {Literals.String(attribute.Default?.Text)}");
        }

        return changes.Count == 0 ? record : $"{record} with {{ {string.Join(", ", changes)} }}";
    }
}
