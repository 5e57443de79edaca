using System.Collections.Generic;
using System.Linq;
using MatterGen.Transport.Fabrics;

namespace MatterGen.Node.Tests.Network;

/// <summary>A fabric store that keeps nothing but remembers what it was asked to save (fabric indexes per save).</summary>
internal sealed class RecordingFabricStore : IFabricStore
{
    public List<byte[]> Saved { get; } = [];

    public IReadOnlyList<Fabric> Load() => [];

    public void Save(IReadOnlyList<Fabric> fabrics) => Saved.Add(fabrics.Select(fabric => fabric.Index).ToArray());
}
