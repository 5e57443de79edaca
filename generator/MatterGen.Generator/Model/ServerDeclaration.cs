namespace MatterGen.Generator.Model;

/// <summary>An attribute default the user sets on a server type (<c>[MatterAttributeDefault]</c>).</summary>
/// <param name="AttributeName">The attribute's name.</param>
/// <param name="Value">The value: a C# literal's invariant text (<c>600</c>, <c>true</c>, <c>"abc"</c>) with the number it holds, or null for a null default.</param>
/// <param name="Position">Where the user wrote it.</param>
internal sealed record AttributeDefaultOverride(string AttributeName, DefaultValue? Value, SourcePosition Position);

/// <summary>A constraint the user tightens on a server type (<c>[MatterAttributeConstraint]</c>).</summary>
internal sealed record AttributeConstraintOverride(string AttributeName, Constraint Constraint, SourcePosition Position);

/// <summary>A C# type the user declared as a cluster server: <c>[MatterServer("Energy EVSE", Features = "...")]</c>.</summary>
/// <param name="Namespace">The type's namespace, or null for the global namespace.</param>
/// <param name="TypeName">The type's name.</param>
/// <param name="ContainingTypes">Declarations of the containing types, outermost first (<c>partial class Outer</c>).</param>
/// <param name="Accessibility">The type's declared accessibility keywords (<c>public</c>, <c>internal</c>).</param>
/// <param name="IsPartial">Whether the type and its containers are partial.</param>
/// <param name="ClusterName">The cluster asked for, by name or by id (<c>0x0099</c>).</param>
/// <param name="Features">Features asked for, by name or code, as written.</param>
/// <param name="EnabledElements">Optional attributes, commands or events switched on, by name.</param>
/// <param name="Defaults">Attribute defaults set by the user.</param>
/// <param name="Constraints">Constraints tightened by the user.</param>
/// <param name="Position">The [MatterServer] attribute's position, for diagnostics.</param>
internal sealed record ServerDeclaration(
    string? Namespace,
    string TypeName,
    EquatableArray<string> ContainingTypes,
    string Accessibility,
    bool IsPartial,
    string ClusterName,
    EquatableArray<string> Features,
    EquatableArray<string> EnabledElements,
    EquatableArray<AttributeDefaultOverride> Defaults,
    EquatableArray<AttributeConstraintOverride> Constraints,
    SourcePosition Position);

/// <summary>
/// A cluster specialized for one server type: exactly the elements whose conformance holds for the chosen
/// features, plus the optional ones the user switched on, with the feature map fixed.
/// </summary>
/// <param name="Declaration">The user's declaration.</param>
/// <param name="Unit">The cluster it specializes.</param>
/// <param name="FeatureMap">The FeatureMap attribute's value.</param>
/// <param name="Features">The features on, in bit order.</param>
/// <param name="Attributes">Attributes present, in id order, with the user's defaults and constraints applied.</param>
/// <param name="AcceptedCommands">Requests the server accepts, in id order.</param>
/// <param name="GeneratedCommands">Responses the server generates, in id order.</param>
/// <param name="Events">Events present, in id order.</param>
internal sealed record SpecializedCluster(
    ServerDeclaration Declaration,
    ClusterUnit Unit,
    ulong FeatureMap,
    EquatableArray<FeatureModel> Features,
    EquatableArray<AttributeModel> Attributes,
    EquatableArray<CommandModel> AcceptedCommands,
    EquatableArray<CommandModel> GeneratedCommands,
    EquatableArray<EventModel> Events);
