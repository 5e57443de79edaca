using System;
using MatterGen.Interaction;
using MatterGen.Node.Clusters;

namespace MatterGen.Node.Information;

/// <summary>
/// The Basic Information server of the root endpoint, filled from <see cref="BasicInformationOptions"/>. NodeLabel
/// (Manage) and Location (Administer) are writable and kept across restarts; the node records StartUp when it is
/// built, ShutDown before an orderly stop and Leave before it forgets a fabric.
/// </summary>
[MatterServer("Basic Information",
    Enable = "SerialNumber, PartNumber, ProductURL, ProductLabel, LocalConfigDisabled, ShutDown, Leave")]
public partial class BasicInformationServer
{
    /// <summary>
    /// Creates the server from the node's options. A label or location the store kept from an earlier run wins
    /// over the options' starting values. Throws <see cref="ArgumentOutOfRangeException"/> naming the attribute
    /// whose value is out of bounds.
    /// </summary>
    public BasicInformationServer(ClusterServerOptions? options, BasicInformationOptions information)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(information);
        DataModelRevision = information.DataModelRevision;
        VendorName = information.VendorName;
        VendorID = information.VendorId;
        ProductName = information.ProductName;
        ProductID = information.ProductId;
        HardwareVersion = information.HardwareVersion;
        HardwareVersionString = Required(information.HardwareVersionString, nameof(HardwareVersionString));
        SoftwareVersion = information.SoftwareVersion;
        SoftwareVersionString = Required(information.SoftwareVersionString, nameof(SoftwareVersionString));
        SerialNumber = information.SerialNumber;
        PartNumber = information.PartNumber;
        ProductURL = information.ProductUrl;
        ProductLabel = information.ProductLabel;
        UniqueID = information.UniqueId;
        CapabilityMinima = new BasicInformation.CapabilityMinimaStruct
        {
            CaseSessionsPerFabric = AtLeastThree(information.CaseSessionsPerFabric, nameof(information.CaseSessionsPerFabric)),
            SubscriptionsPerFabric = AtLeastThree(information.SubscriptionsPerFabric, nameof(information.SubscriptionsPerFabric)),
        };
        SpecificationVersion = information.SpecificationVersion;
        MaxPathsPerInvoke = information.MaxPathsPerInvoke;

        // Written values survive restarts: the options only give the starting point.
        var restoredLabel = Options.Store?.TryLoad(Endpoint, ClusterId, 0x0005, out _) == true;
        var restoredLocation = Options.Store?.TryLoad(Endpoint, ClusterId, 0x0006, out _) == true;
        if (!restoredLabel)
        {
            NodeLabel = information.NodeLabel;
        }

        if (!restoredLocation)
        {
            Location = information.Location;
        }
    }

    /// <summary>Records the StartUp event with the running software version.</summary>
    public EventRecord AnnounceStartUp() => EmitStartUp(new BasicInformation.StartUpEvent { SoftwareVersion = SoftwareVersion });

    /// <summary>Records the ShutDown event (best effort, before an orderly stop).</summary>
    public EventRecord AnnounceShutDown() => EmitShutDown(new BasicInformation.ShutDownEvent());

    /// <summary>Records the Leave event for a fabric the node is about to forget (fabric index 1–254).</summary>
    public EventRecord AnnounceLeave(byte fabricIndex)
    {
        if (fabricIndex is 0 or 255)
        {
            throw new ArgumentOutOfRangeException(nameof(fabricIndex), fabricIndex, "A fabric index is 1 to 254.");
        }

        return EmitLeave(new BasicInformation.LeaveEvent { FabricIndex = fabricIndex });
    }

    private static string Required(string value, string attribute) => string.IsNullOrEmpty(value)
        ? throw new ArgumentOutOfRangeException(attribute, value, $"{attribute} must not be empty.")
        : value;

    private static ushort AtLeastThree(ushort value, string name) => value >= 3
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 3.");
}
