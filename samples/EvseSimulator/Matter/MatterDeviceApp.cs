using System;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Commissioning.Onboarding;
using MatterGen.Evse.Charger;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Device;
using MatterGen.Evse.Hardware.Station;
using MatterGen.Evse.Persistence;
using MatterGen.Evse.Simulation;
using MatterGen.Node;
using MatterGen.Node.Information;
using MatterGen.Node.Network;
using MatterGen.Transport.Fabrics;
using Spectre.Console;

namespace MatterGen.Samples.EvseSimulator.Matter;

/// <summary>
/// <c>--matter</c>: the simulated charger as a real Matter device. The charger node (Energy EVSE and the clusters a
/// charger adds) is served on UDP with DNS-SD advertising; the simulated hardware and EV run underneath at real
/// time; fabrics, access control and attributes persist in the storage folder, so a commissioned controller
/// reconnects over CASE after a restart. Runs until cancelled (Ctrl+C, SIGTERM).
/// </summary>
internal static class MatterDeviceApp
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Serves until <paramref name="cancellationToken"/> fires; returns the exit code.</summary>
    public static async Task<int> RunAsync(MatterModeOptions options, TextWriter output, TextWriter errorOutput, CancellationToken cancellationToken)
    {
        if (!CommissioningSecret.IsValidPasscode(options.Passcode))
        {
            await errorOutput.WriteLineAsync($"--passcode {options.Passcode} is not allowed: 1 to 99999998, not 11111111, 12345678 and the like.");
            return ExitCodes.InvalidOptions;
        }

        if (options.Discriminator > CommissioningSecret.MaxDiscriminator || options.Port is < 1 or > 65535)
        {
            await errorOutput.WriteLineAsync("--discriminator is 0 to 4095 and --port 1 to 65535.");
            return ExitCodes.InvalidOptions;
        }

        // Ctrl+C and SIGTERM (a service manager, `kill`) end the serving loop; the host then says goodbye on mDNS,
        // closes its sessions and the stores are left consistent.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        cancellationToken = stopping.Token;

        var time = TimeProvider.System;
        var storage = Directory.CreateDirectory(options.StorageDirectory).FullName;
        var activity = new DeviceActivityLog(time);
        var stationOptions = new EvseStationOptions
        {
            Simulated = true,
            DeviceKind = options.Bidirectional ? EvseDeviceKind.Bidirectional : EvseDeviceKind.Standard,
        };
        // Fabrics (with their operational keys) and the attributes (the ACL among them) live side by side in the
        // storage folder, so a commissioned controller finds the same node after a restart.
        var fabrics = new FabricTable(new FileFabricStore(Path.Combine(storage, "fabrics")), time);
        using var charger = ChargerNode.Create(
            new MatterNodeOptions { Information = Information(storage), Time = time, Store = new FileAttributeStore(Path.Combine(storage, "attributes.bin")), Fabrics = fabrics },
            DeviceOptions(stationOptions),
            options.Bidirectional);
        // The vehicle is on the cable and wants to charge: what a controller enables is seen on the pilot at once.
        var ev = new SimulatedEv(time, new SimulatedEvOptions(), stateOfCharge: 0.3) { Plugged = true, WantsCharge = true };
        using var station = EvseStation.CreateSimulated(stationOptions, time, ev, charger.Evse);
        var payload = new SetupPayload(MatterModeOptions.VendorId, MatterModeOptions.ProductId, options.Discriminator, options.Passcode);
        ServedMatterDevice served;
        try
        {
            served = await ServedMatterDevice.StartAsync(charger.Node, payload, new MatterDeviceHostOptions
            {
                Time = time,
                Port = options.Port,
                AdvertisedDeviceName = "MatterGen EVSE",
            });
        }
        catch (SocketException failure)
        {
            await errorOutput.WriteLineAsync($"UDP port {options.Port} cannot be used: {failure.Message}");
            return ExitCodes.Error;
        }

        await using (served)
        {
            var host = served.Host;
            Watch(host, charger, activity);
            if (served.AdvertisingFailure is { } advertisingFailure)
            {
                await errorOutput.WriteLineAsync($"mDNS is not available ({advertisingFailure}): controllers must be given the address.");
            }

            if (served.IsCommissionable)
            {
                await output.WriteLineAsync(TerminalQrCode.Render(payload.ToQrCodeText()));
                await output.WriteLineAsync($"QR code: {payload.ToQrCodeText()}   Manual pairing code: {payload.ToManualPairingCode()}");
                await output.WriteLineAsync($"Commissioning window open for {host.Options.CommissioningTimeout.TotalMinutes:0} minutes (discriminator {options.Discriminator}).");
            }
            else
            {
                await output.WriteLineAsync($"Commissioned on {fabrics.Fabrics.Count} fabric(s): controllers reconnect over CASE. Delete {storage} to start afresh.");
            }

            await output.WriteLineAsync($"Ready: serving Matter on UDP port {options.Port}, storage {storage}");
            await output.FlushAsync(cancellationToken);

            IMatterView view = options.Plain ? new PlainMatterView(output) : new LiveMatterView(AnsiConsole.Console, "MatterGen Energy EVSE on Matter");
            await view.RunAsync(() => LoopAsync(station, ev, host, activity, view, cancellationToken));
            charger.Node.ShutDown();
        }

        await output.WriteLineAsync("Stopped: goodbyes sent, sessions closed.");
        return ExitCodes.Success;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }
    }

    private static async Task LoopAsync(EvseStation station, SimulatedEv ev, MatterDeviceHost host, DeviceActivityLog activity, IMatterView view, CancellationToken cancellationToken)
    {
        using var ticks = new PeriodicTimer(TickInterval);
        try
        {
            do
            {
                await station.TickAsync();
                view.Log(activity.Drain());
                view.Update(new MatterFrame(station.Snapshot, ev.StateOfCharge, host.Fabrics.Fabrics.Count, host.IsCommissioningWindowOpen));
            }
            while (await ticks.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: the caller shuts down cleanly.
        }
    }

    /// <summary>Notes what controllers do: sessions, commissioning, and every Energy EVSE attribute they change.</summary>
    private static void Watch(MatterDeviceHost host, ChargerNode charger, DeviceActivityLog activity)
    {
        host.OperationalSessionEstablished += session =>
            activity.Add("network", $"CASE session with node 0x{session.PeerNodeId:X} on fabric {session.Subject.FabricIndex}");
        var fabrics = host.Fabrics.Fabrics.Count;
        var window = host.IsCommissioningWindowOpen;
        charger.Evse.Server.AttributeChanged += change =>
        {
            if (EnergyEvseAttributeName(change.AttributeId) is { } name)
            {
                activity.Add("cluster", $"Energy EVSE {name} changed (data version {change.DataVersion})");
            }

            // Fabric and window changes are seen here too, cheaply: they happen on the same controller traffic.
            Poll();
        };
        charger.Node.AccessControlServer.AttributeChanged += _ => Poll();

        void Poll()
        {
            var nowFabrics = host.Fabrics.Fabrics.Count;
            var nowWindow = host.IsCommissioningWindowOpen;
            if (Interlocked.Exchange(ref fabrics, nowFabrics) != nowFabrics)
            {
                activity.Add("fabric", $"the node is on {nowFabrics} fabric(s)");
            }

            if (window != nowWindow)
            {
                window = nowWindow;
                activity.Add("network", nowWindow ? "commissioning window opened" : "commissioning window closed");
            }
        }
    }

    private static string? EnergyEvseAttributeName(uint attributeId) => attributeId switch
    {
        _ when attributeId == EnergyEVSE.Attributes.State.Id => "State",
        _ when attributeId == EnergyEVSE.Attributes.SupplyState.Id => "SupplyState",
        _ when attributeId == EnergyEVSE.Attributes.FaultState.Id => "FaultState",
        _ when attributeId == EnergyEVSE.Attributes.ChargingEnabledUntil.Id => "ChargingEnabledUntil",
        _ when attributeId == EnergyEVSE.Attributes.MaximumChargeCurrent.Id => "MaximumChargeCurrent",
        _ when attributeId == EnergyEVSE.Attributes.UserMaximumChargeCurrent.Id => "UserMaximumChargeCurrent",
        _ => null,
    };

    /// <summary>Basic Information of the simulated charger; the unique id is made once and kept in the storage folder.</summary>
    private static BasicInformationOptions Information(string storage)
    {
        var path = Path.Combine(storage, "unique-id");
        var uniqueId = File.Exists(path) ? File.ReadAllText(path).Trim() : string.Empty;
        if (uniqueId.Length is 0 or > 32)
        {
            uniqueId = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            File.WriteAllText(path, uniqueId);
        }

        return new BasicInformationOptions
        {
            VendorName = "MatterGen",
            VendorId = MatterModeOptions.VendorId,
            ProductName = "MatterGen EVSE simulator",
            ProductId = MatterModeOptions.ProductId,
            UniqueId = uniqueId,
            SerialNumber = "SIM-" + uniqueId[..8],
        };
    }

    /// <summary>The device's limits from the station's hardware, as the station itself would set them.</summary>
    private static EnergyEvseOptions DeviceOptions(EvseStationOptions station) => new()
    {
        HardwareMaximumChargeCurrent = Math.Min(station.HardwareMaximumChargeCurrentMilliamps, station.ChargePoint.MaximumCurrentMilliamps),
        CircuitCapacity = station.CircuitCapacityMilliamps,
        NominalVoltage = (long)Math.Round(station.NominalVolts * 1000),
    };
}
