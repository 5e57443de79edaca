using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Modes;
using MatterGen.Tlv;

namespace MatterGen.Evse.Tests.Hostile.Fuzzing;

/// <summary>The Energy EVSE Mode cluster beside the charger as the fuzzer's target: ChangeToMode and the mode attributes.</summary>
internal sealed class EnergyEvseModeFuzzTarget(EnergyEvseModeServer server) : IFuzzTarget
{
    public ushort Endpoint => server.Endpoint;

    public uint ClusterId => EnergyEVSEMode.ClusterId;

    public IReadOnlyList<uint> Commands { get; } = server.Description.AcceptedCommands.Select(command => command.Id).ToArray();

    public IReadOnlyList<uint> Attributes { get; } = server.Description.AttributeList.ToArray();

    public IReadOnlyList<(uint CommandId, byte[] Fields)> ReadingCommands { get; } = [];

    public long StoreFingerprint => 0;

    public IDisposable? InjectFailure(Random random) => null;

    public byte[] CommandFields(Random random, uint commandId) => FuzzValues.Encode((ref TlvWriter writer) =>
    {
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteUnsignedInteger(TlvTag.Context(0), (ulong)(random.Next(2) == 0 ? random.Next(4) : random.Next(256)));
        writer.EndContainer();
    });

    public byte[] AttributeValue(Random random, uint attributeId) => FuzzValues.AnyScalar(random);

    public void MoveDevice(Random random)
    {
        // The mode changes only on a peer's command.
    }

    public string? CheckBounds() => null;
}
