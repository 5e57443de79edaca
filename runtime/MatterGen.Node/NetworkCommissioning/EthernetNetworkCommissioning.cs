using System;
using System.Text;
using MatterGen.Interaction;
using MatterGen.Node.Diagnostics;
using NetworkClusters = MatterGen.Node.Clusters.NetworkCommissioning;

namespace MatterGen.Node.NetworkCommissioning;

/// <summary>
/// Network Commissioning with the Ethernet feature (Core Specification 11.9): MaxNetworks 1, Networks one entry
/// whose NetworkID is the interface's name and whose Connected is true while the interface is up and enabled,
/// InterfaceEnabled writable by an administrator and kept across restarts (the node does not switch the host's
/// interface off; the application hears of it through <see cref="InterfaceEnabledChanged"/>), and
/// LastNetworkingStatus, LastNetworkID and LastConnectErrorValue null, since an Ethernet node never joins a network.
/// </summary>
public sealed class EthernetNetworkCommissioning : IDisposable
{
    /// <summary>The name used when the host names no interface: it still identifies the one network.</summary>
    public const string FallbackInterfaceName = "ethernet";

    private const uint InterfaceEnabledAttribute = 0x0004;

    private bool linkUp = true;

    /// <summary>Creates the cluster for the interface <paramref name="interfaceName"/>, by default the host's primary one.</summary>
    /// <param name="serverOptions">The server's endpoint (0), clock and store (InterfaceEnabled is non-volatile).</param>
    /// <param name="interfaceName">The interface's name (at most 32 bytes of UTF-8 are kept); null picks the host's first Ethernet interface that is up.</param>
    public EthernetNetworkCommissioning(ClusterServerOptions? serverOptions = null, string? interfaceName = null)
    {
        var name = HostNetworkInterfaces.Truncate(string.IsNullOrEmpty(interfaceName) ? HostNetworkInterfaces.PrimaryName() ?? FallbackInterfaceName : interfaceName);
        NetworkId = Encoding.UTF8.GetBytes(name);
        Server = new NetworkCommissioningServer(serverOptions ?? new ClusterServerOptions { Endpoint = 0 });
        lock (Server.SyncRoot)
        {
            Server.MaxNetworks = 1;
            Server.LastNetworkingStatus = null;
            Server.LastNetworkID = null;
            Server.LastConnectErrorValue = null;
            ShowNetwork();
        }

        Server.AttributeChanged += OnAttributeChanged;
    }

    /// <summary>The cluster server: clients talk to this.</summary>
    public NetworkCommissioningServer Server { get; }

    /// <summary>The NetworkID of the one network: the interface's name in UTF-8.</summary>
    public ReadOnlyMemory<byte> NetworkId { get; }

    /// <summary>Raised when an administrator enabled or disabled the interface (the value it now has).</summary>
    public event Action<bool>? InterfaceEnabledChanged;

    /// <summary>Tells the cluster whether the interface's link is up; Networks shows it as Connected (while enabled).</summary>
    public void SetLinkUp(bool up)
    {
        lock (Server.SyncRoot)
        {
            linkUp = up;
            ShowNetwork();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Server.AttributeChanged -= OnAttributeChanged;

    private void OnAttributeChanged(AttributeChange change)
    {
        if (change.AttributeId != InterfaceEnabledAttribute)
        {
            return;
        }

        bool enabled;
        lock (Server.SyncRoot)
        {
            ShowNetwork();
            enabled = Server.InterfaceEnabled;
        }

        InterfaceEnabledChanged?.Invoke(enabled);
    }

    // Called under the server's lock.
    private void ShowNetwork() =>
        Server.Networks = [new NetworkClusters.NetworkInfoStruct { NetworkID = NetworkId, Connected = linkUp && Server.InterfaceEnabled }];
}
