using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Planning;

/// <summary>
/// The members one feature-specialized server declares and their C# names: a property and backing field per
/// attribute it stores, an <c>Emit…</c> method per event, and its driver interface with one method per accepted
/// command. Planned once per specialization (the pipeline's <c>PlanServer</c> step) from the cluster's plan, so
/// the server emitters only print. Value-equal, so an unchanged server is not printed again.
/// </summary>
/// <param name="DriverInterface">The driver interface's name (<c>IStandardEvseServerDriver</c>).</param>
/// <param name="Attributes">The attributes the server stores, in the specialization's order; one whose type does not map has none.</param>
/// <param name="DriverMethods">The driver's method for each accepted command, in the specialization's order.</param>
/// <param name="EventEmitters">The <c>Emit…</c> method of each event present, in the specialization's order.</param>
/// <param name="RequestChecks">The run-time bound checks of each driver method's request, by position in <paramref name="DriverMethods"/>.</param>
internal sealed record ServerMemberPlan(
    string DriverInterface,
    EquatableArray<StoredAttribute> Attributes,
    EquatableArray<CommandMethod> DriverMethods,
    EquatableArray<EventMethod> EventEmitters,
    EquatableArray<EquatableArray<RequestBoundCheck>> RequestChecks)
{
    /// <summary>
    /// Names the members of <paramref name="cluster"/>'s server. The server's own scope is claimed attributes
    /// first, then events; the driver interface is a scope of its own.
    /// </summary>
    public static ServerMemberPlan For(SpecializedCluster cluster, ClusterPlan plan)
    {
        var scope = ServerMembers.Scope(cluster.Declaration.TypeName);
        var attributes = new List<StoredAttribute>();
        foreach (var attribute in cluster.Attributes)
        {
            if (plan.Mapper.Map(attribute.Type.Name) is not { } type)
            {
                continue;
            }

            // A struct value has no natural default, so a struct attribute is empty (null) until the device sets it.
            var nullableStorage = attribute.IsNullable || (!attribute.Type.IsList && type.Wire == WireKind.Struct);
            var property = scope.Claim(Identifier.FromName(attribute.Name));
            attributes.Add(new StoredAttribute(
                attribute,
                type,
                property,
                "storage" + property.TrimStart('@'),
                TypeText.Property(type, attribute.Type.IsList, nullableStorage ? FieldShape.Nullable : FieldShape.Mandatory),
                nullableStorage,
                plan.Members.AttributeCodecs.TryGetValue(attribute.Id, out var codecs) ? codecs : null));
        }

        var events = cluster.Events.Select(clusterEvent => EventMethod.For(clusterEvent, "Emit", plan.ClassReference, plan.Members, scope)).ToEquatableArray();
        var driver = PlanDriver(cluster, plan);
        return new ServerMemberPlan(
            "I" + cluster.Declaration.TypeName.TrimStart('@') + "Driver",
            attributes.ToEquatableArray(),
            driver,
            events,
            driver.Select(method => RequestBoundCheck.For(method.Command, plan, attributes)).ToEquatableArray());
    }

    private static EquatableArray<CommandMethod> PlanDriver(SpecializedCluster cluster, ClusterPlan plan)
    {
        var scope = new NameScope(NameScope.ObjectMembers);
        return cluster.AcceptedCommands.Select(command => CommandMethod.For(command, plan.Unit, plan.ClassReference, plan.Members, scope)).ToEquatableArray();
    }
}
