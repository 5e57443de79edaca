namespace MatterGen.Node;

/// <summary>
/// A root-endpoint server that keeps something per fabric: <see cref="MatterNode.LeaveFabric"/> tells it when a
/// fabric is removed, so it forgets that fabric's entries.
/// </summary>
public interface IFabricRemovalListener
{
    /// <summary>Forgets everything of the fabric <paramref name="fabricIndex"/>.</summary>
    void RemoveFabric(byte fabricIndex);
}
