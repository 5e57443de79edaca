using System;
using System.Linq;
using MatterGen.Commissioning.Attestation;
using MatterGen.Interaction;
using MatterGen.Node.Access;
using MatterGen.Node.GeneralCommissioning;
using MatterGen.Node.Information;
using MatterGen.Node.OperationalCredentials;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.Sessions;

namespace MatterGen.Node;

/// <summary>
/// How a node is commissioned, in one place: its <see cref="FabricTable"/>, the <see cref="FailSafeContext"/>, and
/// the root endpoint's General Commissioning and Operational Credentials servers that work on them. The node owns
/// it; a <see cref="Network.MatterDeviceHost"/> binds it to the network (it arms the fail-safe when a commissioner's
/// PASE session is established, closes a removed fabric's sessions, and closes the commissioning window when
/// commissioning completes). A fabric that leaves, by RemoveFabric or by the fail-safe rolling it back, takes its
/// fabric-scoped data with it (<see cref="MatterNode"/> handles the table's FabricRemoved); access-control entries
/// of a fabric the table does not know (a node stopped mid-commissioning) are dropped at start, so a later fabric
/// with that index never inherits them.
/// </summary>
public sealed class NodeCommissioning : IDisposable
{
    private readonly Lazy<DeviceAttestation> attestation;

    internal NodeCommissioning(MatterNodeOptions options, ClusterServerOptions rootOptions, AccessControlServer accessControl, BasicInformationServer information, Func<uint> deviceType)
    {
        Fabrics = options.Fabrics ?? new FabricTable(new InMemoryFabricStore(), options.Time);
        var generalOptions = options.GeneralCommissioning ?? new GeneralCommissioningOptions();
        generalOptions.Validate();
        FailSafe = new FailSafeContext(Fabrics, options.Time, generalOptions);
        attestation = new Lazy<DeviceAttestation>(() => new DeviceAttestation(
            options.Attestation ?? DevelopmentAttestation.Create(options.Information.VendorId, options.Information.ProductId, deviceType(), options.Time),
            options.Time));
        GeneralCommissioning = new GeneralCommissioningDevice(FailSafe, generalOptions, rootOptions);
        OperationalCredentials = new OperationalCredentialsDevice(Fabrics, FailSafe, accessControl, () => attestation.Value, index => information.AnnounceLeave(index), rootOptions);

        foreach (var stale in accessControl.ACL.Select(entry => entry.FabricIndex).Concat(accessControl.Extension.Select(extension => extension.FabricIndex)).OfType<byte>().Distinct().ToArray())
        {
            if (Fabrics.Find(stale) is not { IsCommitted: true })
            {
                accessControl.RemoveFabric(stale);
            }
        }

        Fabrics.FabricAdded += OnFabricChanged;
        Fabrics.FabricUpdated += OnFabricChanged;
        Fabrics.FabricRemoved += OnFabricRemoved;
        FailSafe.Ended += reason =>
        {
            if (reason == FailSafeEnd.Completed)
            {
                Completed?.Invoke();
            }
        };
    }

    /// <summary>The fabrics the node is on: CASE answers for them, Operational Credentials lists them.</summary>
    public FabricTable Fabrics { get; }

    /// <summary>The fail-safe that guards commissioning (and UpdateNOC).</summary>
    public FailSafeContext FailSafe { get; }

    /// <summary>General Commissioning on the root endpoint.</summary>
    public GeneralCommissioningDevice GeneralCommissioning { get; }

    /// <summary>Operational Credentials on the root endpoint.</summary>
    public OperationalCredentialsDevice OperationalCredentials { get; }

    /// <summary>Raised after CommissioningComplete committed a fabric (or an updated NOC).</summary>
    public event Action? Completed;

    /// <summary>
    /// A commissioner's PASE session was established: the node arms the fail-safe for it (its implicit Administer
    /// lasts as long as the fail-safe). False when a fail-safe is armed already; the session then has no privilege.
    /// </summary>
    public bool BeginPase(SecureSession session) => FailSafe.ArmForPase(session);

    /// <inheritdoc/>
    public void Dispose()
    {
        Fabrics.FabricAdded -= OnFabricChanged;
        Fabrics.FabricUpdated -= OnFabricChanged;
        Fabrics.FabricRemoved -= OnFabricRemoved;
        FailSafe.Dispose();
    }

    private void OnFabricChanged(Fabric fabric) => OperationalCredentials.Refresh();

    private void OnFabricRemoved(Fabric fabric) => OperationalCredentials.Refresh();
}
