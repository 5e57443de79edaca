using System;
using System.Net.Sockets;
using System.Threading.Tasks;
using MatterGen.Commissioning.Discovery;
using MatterGen.Commissioning.Onboarding;

namespace MatterGen.Node.Network;

/// <summary>
/// A node served as a Matter device on the local network: a <see cref="MatterDeviceHost"/> on UDP, advertised by its
/// own mDNS responder when multicast is available, with a commissioning window opened for the setup payload only
/// while the node is on no fabric (a commissioned node is reached over CASE instead). What an application that
/// serves one node needs, in one call; disposing says goodbye on mDNS and closes the sessions.
/// </summary>
public sealed class ServedMatterDevice : IAsyncDisposable
{
    private readonly MdnsResponder responder;

    private ServedMatterDevice(MatterDeviceHost host, MdnsResponder responder, string? advertisingFailure, bool commissionable)
    {
        Host = host;
        this.responder = responder;
        AdvertisingFailure = advertisingFailure;
        IsCommissionable = commissionable;
    }

    /// <summary>The device host serving the node.</summary>
    public MatterDeviceHost Host { get; }

    /// <summary>Why the node is not advertised on mDNS (controllers must then be given its address), or null when it is.</summary>
    public string? AdvertisingFailure { get; }

    /// <summary>Whether the node was on no fabric at start, so the commissioning window was opened for the setup payload.</summary>
    public bool IsCommissionable { get; }

    /// <summary>
    /// Serves <paramref name="node"/> on UDP port <see cref="MatterDeviceHostOptions.Port"/> of <paramref name="options"/>
    /// (its <see cref="MatterDeviceHostOptions.Advertiser"/> is replaced by the responder's), and opens the
    /// commissioning window for <paramref name="payload"/>'s passcode and discriminator (valid by construction) when
    /// the node has no fabric.
    /// </summary>
    /// <exception cref="SocketException">The UDP port cannot be used.</exception>
    public static async Task<ServedMatterDevice> StartAsync(MatterNode node, SetupPayload payload, MatterDeviceHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(options);
        var responder = new MdnsResponder(new MdnsResponderOptions(), options.Time);
        string? advertisingFailure = null;
        IMatterAdvertiser? advertiser = null;
        try
        {
            responder.Start();
            advertiser = new MdnsMatterAdvertiser(responder);
        }
        catch (Exception failure) when (failure is InvalidOperationException or SocketException)
        {
            advertisingFailure = failure.Message;
        }

        MatterDeviceHost? host = null;
        try
        {
            host = MatterDeviceHost.CreateUdp(node, options with { Advertiser = advertiser });
            host.Start();
            var commissionable = host.Fabrics.Fabrics.Count == 0;
            if (commissionable)
            {
                host.OpenCommissioningWindow(CommissioningSecret.FromPasscode(payload.Passcode, payload.Discriminator));
            }

            return new ServedMatterDevice(host, responder, advertisingFailure, commissionable);
        }
        catch
        {
            if (host is not null)
            {
                await host.DisposeAsync().ConfigureAwait(false);
            }

            await responder.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops serving: the host says goodbye on mDNS and closes its sessions, then the responder stops.</summary>
    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync().ConfigureAwait(false);
        await responder.DisposeAsync().ConfigureAwait(false);
    }
}
