using System.Collections.Generic;

namespace MatterGen.Transport.Fabrics;

/// <summary>Where the fabric table lives between runs (operational keys included: keep it private).</summary>
public interface IFabricStore
{
    /// <summary>The stored fabrics (none the first time).</summary>
    IReadOnlyList<Fabric> Load();

    /// <summary>Replaces the stored fabrics with <paramref name="fabrics"/>, all or nothing.</summary>
    void Save(IReadOnlyList<Fabric> fabrics);
}

/// <summary>A store that keeps nothing (tests, or a node that is commissioned afresh each run).</summary>
public sealed class InMemoryFabricStore : IFabricStore
{
    /// <inheritdoc/>
    public IReadOnlyList<Fabric> Load() => [];

    /// <inheritdoc/>
    public void Save(IReadOnlyList<Fabric> fabrics)
    {
    }
}
