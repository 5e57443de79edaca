using System;
using System.Threading.Tasks;
using MatterGen.Evse.Charger;
using MatterGen.Interaction;
using MatterGen.InteractionModel;
using MatterGen.InteractionModel.Client;
using MatterGen.InteractionModel.Messages;
using MatterGen.Messaging;
using Access = MatterGen.Node.Clusters.AccessControl;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>
/// The home energy manager's session to the charger node: the node's Interaction Model engine on one end of an
/// in-memory session, an <see cref="InteractionClient"/> on the other (<see cref="LoopbackInteraction"/>), so every
/// read, invoke and event read crosses as Interaction Model messages. The manager is a CASE peer of fabric 1 that the
/// node's ACL grants Operate (what a home energy manager needs: the EVSE and DEM commands are Operate).
/// </summary>
internal sealed class ManagerLink : IAsyncDisposable
{
    /// <summary>The fabric's administrator (the commissioner), who granted the manager its entry.</summary>
    public const ulong CommissionerNodeId = 0x0000_0000_0001_B669;

    /// <summary>The energy manager's operational node id.</summary>
    public const ulong ManagerNodeId = 0x0000_0000_0002_E4A1;

    private readonly LoopbackInteraction wire;

    /// <summary>Connects a manager to <paramref name="charger"/> on <paramref name="time"/>.</summary>
    /// <exception cref="InvalidOperationException">The node refused the ACL entries.</exception>
    public ManagerLink(ChargerNode charger, TimeProvider time)
    {
        var acl = charger.Node.AccessControlServer;
        if (acl.AddAdministrator(1, CommissionerNodeId) != MatterStatus.Success
            || acl.ReplaceEntries(1, [.. acl.EntriesOf(1), new Access.AccessControlEntryStruct
            {
                Privilege = Access.AccessControlEntryPrivilegeEnum.Operate,
                AuthMode = Access.AccessControlEntryAuthModeEnum.CASE,
                Subjects = [ManagerNodeId],
                Targets = null,
            }]) != MatterStatus.Success)
        {
            throw new InvalidOperationException("The charger node refused the energy manager's access entry.");
        }

        wire = new LoopbackInteraction(charger.Node, new SubjectDescriptor(SessionAuthMode.Case, ManagerNodeId, FabricIndex: 1), time);
        wire.ClientSession.Sent += message =>
        {
            if (message.Protocol == ProtocolId.InteractionModel && message.Opcode == (byte)InteractionOpcode.ReadRequest)
            {
                ReadRequests++;
            }
        };
    }

    /// <summary>What the generated cluster clients talk through, and the manager's multi-path reads.</summary>
    public InteractionClient Client => wire.Client;

    /// <summary>How many ReadRequest messages the manager has sent.</summary>
    public int ReadRequests { get; private set; }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => wire.DisposeAsync();
}
