using System;
using MatterGen.Evse.Charger;
using MatterGen.Interaction;
using MatterGen.InteractionModel;
using MatterGen.InteractionModel.Client;
using MatterGen.InteractionModel.Server;
using MatterGen.Messaging;
using MatterGen.Messaging.Loopback;
using MatterGen.Node.Information;

namespace MatterGen.Evse.Tests.Hostile;

/// <summary>
/// The charger node behind an <see cref="InteractionServer"/> on one end of a loopback session and an
/// <see cref="InteractionClient"/> on the other (<see cref="LoopbackInteraction"/>), seen as a CASE administrator of
/// fabric 1. The engine and the
/// session run on the clean clock: the faults a bed injects are the device's, not the wire's.
/// </summary>
internal sealed class ChargerWire : IDisposable
{
    /// <summary>The administrator's operational node id.</summary>
    public const ulong AdminNodeId = 0x0000_0000_0001_B669;

    /// <summary>The node's Basic Information.</summary>
    public static readonly BasicInformationOptions Information = new()
    {
        VendorName = "MatterGen",
        VendorId = 0xFFF1,
        ProductName = "Hostile charger",
        ProductId = 0x8001,
        UniqueId = "0d5a7c31b9e2f468",
    };

    private readonly LoopbackInteraction wire;

    public ChargerWire(ChargerNode charger, TimeProvider clock)
    {
        Charger = charger;
        if (charger.Node.AccessControlServer.AddAdministrator(1, AdminNodeId) != MatterStatus.Success)
        {
            throw new InvalidOperationException("The administrator entry was refused.");
        }

        wire = new LoopbackInteraction(charger.Node, new SubjectDescriptor(SessionAuthMode.Case, AdminNodeId, FabricIndex: 1), clock);
    }

    public ChargerNode Charger { get; }

    public InteractionServer Engine => wire.Server;

    public LoopbackSession ClientSession => wire.ClientSession;

    public InteractionClient Client => wire.Client;

    /// <summary>Failures of the protocol handlers on either end: an exception that escaped the engine or the client.</summary>
    public int HandlerFailures => wire.NodeSession.HandlerFailures.Count + wire.ClientSession.HandlerFailures.Count;

    public void Dispose()
    {
        wire.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Charger.Dispose();
    }
}
