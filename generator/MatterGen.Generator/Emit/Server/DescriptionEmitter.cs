using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// Emits the server's constructor and its <c>ClusterDescription</c>: the cluster's metadata records for exactly
/// the elements present, attribute records copied with the user's tightened constraint and default where they
/// differ from the definition's, so the machinery checks what this server promises.
/// </summary>
internal static class DescriptionEmitter
{
    private const string Interaction = "global::MatterGen.Interaction.";

    public static void Emit(CodeWriter writer, SpecializedCluster cluster, IReadOnlyList<StoredAttribute> stored, ClusterMemberNames names, string clusterClass, string? driverInterface)
    {
        var typeName = cluster.Declaration.TypeName;
        writer.Line("private static readonly " + Interaction + "ClusterDescription description = new(");
        writer.Line("    ClusterId,");
        writer.Line("    ClusterRevision,");
        writer.Line("    FeatureMap,");
        var definition = cluster.Unit.Cluster.Attributes.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        var attributes = stored.Select(s => AttributeRecord(s.Attribute, definition, names, clusterClass));
        writer.Line("    new global::MatterGen.DataModel.AttributeMetadata[] { " + string.Join(", ", attributes) + " },");
        var accepted = cluster.AcceptedCommands.Select(c => clusterClass + ".Commands." + names.CommandMetadata[(c.Id, c.Direction)]);
        writer.Line("    new global::MatterGen.DataModel.CommandMetadata[] { " + string.Join(", ", accepted) + " },");
        var generated = cluster.GeneratedCommands.Select(c => clusterClass + ".Commands." + names.CommandMetadata[(c.Id, c.Direction)]);
        writer.Line("    new global::MatterGen.DataModel.CommandMetadata[] { " + string.Join(", ", generated) + " },");
        var events = cluster.Events.Select(e => clusterClass + ".Events." + names.EventMetadata[e.Id]);
        writer.Line("    new global::MatterGen.DataModel.EventMetadata[] { " + string.Join(", ", events) + " });");
        writer.Line();
        // A server that accepts no command has nothing to drive: it is made without a driver.
        if (driverInterface is not null)
        {
            writer.Line("private readonly " + driverInterface + " driver;");
            writer.Line();
        }

        writer.Line("/// <summary>Creates the server: attributes at their defaults, then any non-volatile ones the store kept.</summary>");
        if (driverInterface is not null)
        {
            writer.Line("/// <param name=\"driver\">What carries out the commands.</param>");
        }

        writer.Line("/// <param name=\"options\">Endpoint, clock, attribute store, event log and reporting pace; defaults when null.</param>");
        var driverParameter = driverInterface is null ? string.Empty : driverInterface + " driver, ";
        writer.Line("public " + typeName.TrimStart('@') + "(" + driverParameter + Interaction + "ClusterServerOptions? options = null)");
        writer.Line("    : base(options)");
        writer.Open();
        if (driverInterface is not null)
        {
            writer.Line("this.driver = driver ?? throw new global::System.ArgumentNullException(nameof(driver));");
        }

        writer.Line("RestoreNonVolatileAttributes();");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override " + Interaction + "ClusterDescription Description => description;");
        writer.Line();
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
            changes.Add("Min = " + Literals.Decimal(constraint.Min));
        }

        if (constraint.Max != original.Constraint.Max)
        {
            changes.Add("Max = " + Literals.Decimal(constraint.Max));
        }

        if (constraint.MinLength != original.Constraint.MinLength)
        {
            changes.Add("MinLength = " + Literals.NullableInt(constraint.MinLength));
        }

        if (constraint.MaxLength != original.Constraint.MaxLength)
        {
            changes.Add("MaxLength = " + Literals.NullableInt(constraint.MaxLength));
        }

        if (attribute.Default != original.Default)
        {
            changes.Add("Default = " + Literals.String(attribute.Default?.Text));
        }

        return changes.Count == 0 ? record : record + " with { " + string.Join(", ", changes) + " }";
    }
}
