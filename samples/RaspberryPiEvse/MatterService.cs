using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Commissioning.Onboarding;
using MatterGen.Node.Network;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MatterGen.Samples.RaspberryPiEvse;

/// <summary>
/// Serves the charger node as a Matter device while the host runs (<c>Matter:Enabled</c>): UDP with DNS-SD
/// advertising, a commissioning window with the QR and manual pairing codes only while the node is on no fabric, and
/// fabrics, access control and attributes kept in <c>Matter:StoragePath</c> so a controller reconnects over CASE
/// after a restart. The host stops it on Ctrl+C or SIGTERM: goodbyes on mDNS, sessions closed.
/// </summary>
internal sealed class MatterService(StationNode station, MatterSettings settings, TimeProvider time, ILogger<MatterService> logger) : IHostedService
{
    private ServedMatterDevice? served;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!CommissioningSecret.IsValidPasscode(settings.Passcode) || settings.Discriminator > CommissioningSecret.MaxDiscriminator || settings.Port is < 1 or > 65535)
        {
            throw new InvalidOperationException(
                "Matter:Passcode must be 1 to 99999998 (not 11111111, 12345678 and the like), Matter:Discriminator 0 to 4095 and Matter:Port 1 to 65535.");
        }

        var payload = new SetupPayload(MatterSettings.VendorId, MatterSettings.ProductId, settings.Discriminator, settings.Passcode);
        try
        {
            served = await ServedMatterDevice.StartAsync(station.Charger.Node, payload, new MatterDeviceHostOptions
            {
                Time = time,
                Port = settings.Port,
                AdvertisedDeviceName = "Raspberry Pi charger",
            });
        }
        catch (SocketException failure)
        {
            throw new InvalidOperationException($"Matter:Port {settings.Port} cannot be used: {failure.Message}", failure);
        }

        if (served.AdvertisingFailure is { } advertisingFailure)
        {
            logger.LogWarning("mDNS is not available ({Failure}): controllers must be given the address", advertisingFailure);
        }

        if (served.IsCommissionable)
        {
            // The QR code is drawn for people at the console; the codes go to the log too, for a service's journal.
            Console.WriteLine(TerminalQrCode.Render(payload.ToQrCodeText()));
            logger.LogInformation(
                "QR code: {QrCode}  Manual pairing code: {ManualCode}  Commissioning window open for {Minutes:0} minutes (discriminator {Discriminator})",
                payload.ToQrCodeText(), payload.ToManualPairingCode(), served.Host.Options.CommissioningTimeout.TotalMinutes, settings.Discriminator);
        }
        else
        {
            logger.LogInformation(
                "Commissioned on {Fabrics} fabric(s): controllers reconnect over CASE. Delete {Storage} to start afresh",
                served.Host.Fabrics.Fabrics.Count, settings.StoragePath);
        }

        logger.LogInformation("Serving Matter on UDP port {Port}, storage {Storage}", settings.Port, settings.StoragePath);
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (served is null)
        {
            return;
        }

        station.Charger.Node.ShutDown();
        await served.DisposeAsync();
        served = null;
        logger.LogInformation("Matter stopped: goodbyes sent, sessions closed");
    }
}
