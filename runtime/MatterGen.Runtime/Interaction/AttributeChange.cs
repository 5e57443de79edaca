namespace MatterGen.Interaction;

/// <summary>A change a subscriber should hear about.</summary>
/// <param name="ClusterId">The cluster.</param>
/// <param name="AttributeId">The attribute that changed.</param>
/// <param name="DataVersion">The cluster's data version after the change.</param>
public readonly record struct AttributeChange(uint ClusterId, uint AttributeId, uint DataVersion);
