using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Commissioning.Discovery;
using MatterGen.Transport.Fabrics;
using Microsoft.Extensions.Logging;

namespace MatterGen.Node.Network;

/// <summary>
/// What the host tells DNS-SD (Core Specification 4.3): the commissionable instance while a window is open, and one
/// operational instance per fabric. Calls to the advertiser run one after another in the order the host's state
/// changed, so a window that opens and closes quickly never ends up advertised; a failing advertiser (no multicast
/// interface) is logged, never thrown into the host.
/// </summary>
internal sealed class HostAdvertising
{
    private readonly IMatterAdvertiser advertiser;
    private readonly MatterNode node;
    private readonly MatterDeviceHostOptions options;
    private readonly ILogger logger;
    private readonly object gate = new();
    private readonly Dictionary<byte, (ulong CompressedFabricId, ulong NodeId)> operational = [];
    private Task tail = Task.CompletedTask;

    public HostAdvertising(IMatterAdvertiser advertiser, MatterNode node, MatterDeviceHostOptions options, ILogger logger)
    {
        this.advertiser = advertiser;
        this.node = node;
        this.options = options;
        this.logger = logger;
    }

    /// <summary>The port advertised in SRV records; set once the socket is bound.</summary>
    public ushort Port { get; set; }

    /// <summary>SII, SAI and SAT: the MRP parameters the transport really uses (Core Specification 4.3.4).</summary>
    private SessionTiming Timing
    {
        get
        {
            var local = options.Transport.LocalParameters;
            return new SessionTiming(local.IdleInterval, local.ActiveInterval, local.ActiveThreshold);
        }
    }

    /// <summary>Advertises an open commissioning window: basic (CM=1) or enhanced (CM=2).</summary>
    public void WindowOpened(ushort discriminator, bool enhanced)
    {
        var information = node.BasicInformation;
        var advertisement = new CommissionableAdvertisement
        {
            // A new instance name for every window (Core Specification 4.3.1.1).
            InstanceName = CommissionableAdvertisement.NewInstanceName(),
            Discriminator = discriminator,
            VendorId = information.VendorID,
            ProductId = information.ProductID,
            Port = Port,
            CommissioningMode = enhanced ? (byte)2 : (byte)1,
            DeviceType = options.AdvertisedDeviceType ?? PrimaryDeviceType(node),
            DeviceName = options.AdvertisedDeviceName,
            Timing = Timing,
        };
        advertisement.Validate();
        Enqueue($"commissionable advertisement (D={discriminator}, CM={advertisement.CommissioningMode})", () => advertiser.AdvertiseCommissionableAsync(advertisement));
    }

    /// <summary>Withdraws the commissionable instance with goodbyes.</summary>
    public void WindowClosed() => Enqueue("commissionable withdrawal", () => advertiser.WithdrawCommissionableAsync());

    /// <summary>
    /// Advertises the node on a fabric (AddNOC, or a stored fabric at start); after an UpdateNOC that changed the
    /// node id, the old instance is withdrawn first. An unchanged fabric is not announced again.
    /// </summary>
    public void FabricAdded(Fabric fabric)
    {
        var compressed = FabricCompressedId(fabric);
        (ulong CompressedFabricId, ulong NodeId) previous;
        bool known;
        lock (gate)
        {
            known = operational.TryGetValue(fabric.Index, out previous);
            operational[fabric.Index] = (compressed, fabric.NodeId);
        }

        if (known && previous == (compressed, fabric.NodeId))
        {
            return;
        }

        if (known)
        {
            Enqueue($"operational withdrawal of fabric {fabric.Index} (new NOC)", () => advertiser.WithdrawOperationalAsync(previous.CompressedFabricId, previous.NodeId));
        }

        var advertisement = new OperationalAdvertisement(compressed, fabric.NodeId, Port) { Timing = Timing };
        Enqueue($"operational advertisement {advertisement.InstanceName}", () => advertiser.AdvertiseOperationalAsync(advertisement));
    }

    /// <summary>Withdraws the node's instance on a fabric that left (RemoveFabric, or a fail-safe rollback of AddNOC).</summary>
    public void FabricRemoved(byte fabricIndex)
    {
        (ulong CompressedFabricId, ulong NodeId) instance;
        lock (gate)
        {
            if (!operational.Remove(fabricIndex, out instance))
            {
                return;
            }
        }

        Enqueue($"operational withdrawal of fabric {fabricIndex}", () => advertiser.WithdrawOperationalAsync(instance.CompressedFabricId, instance.NodeId));
    }

    /// <summary>Withdraws everything advertised and waits until every call made so far has finished.</summary>
    public async Task StopAsync()
    {
        byte[] fabrics;
        lock (gate)
        {
            fabrics = [.. operational.Keys];
        }

        WindowClosed();
        foreach (var index in fabrics)
        {
            FabricRemoved(index);
        }

        Task last;
        lock (gate)
        {
            last = tail;
        }

        await last.ConfigureAwait(false);
    }

    /// <summary>The device type of the first application endpoint (DT), or null when the node has none.</summary>
    private static uint? PrimaryDeviceType(MatterNode node) =>
        node.EndpointList.Where(e => e.Number != 0).SelectMany(e => e.DeviceTypes).Select(d => (uint?)d.Id).FirstOrDefault();

    private static ulong FabricCompressedId(Fabric fabric) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(fabric.CompressedFabricId);

    private void Enqueue(string what, Func<Task> step)
    {
        lock (gate)
        {
            tail = tail.ContinueWith(
                async _ =>
                {
                    try
                    {
                        await step().ConfigureAwait(false);
                        logger.LogDebug("mDNS: {What}", what);
                    }
                    catch (Exception exception) when (exception is not OutOfMemoryException)
                    {
                        // Not being found is a degraded device, not a dead one: PASE and CASE still answer by address.
                        logger.LogWarning(exception, "mDNS: {What} failed", what);
                    }
                },
                TaskScheduler.Default).Unwrap();
        }
    }
}
