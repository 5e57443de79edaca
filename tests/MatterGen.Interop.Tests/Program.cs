using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Commissioning.Discovery;

namespace MatterGen.Interop.Tests;

/// <summary>
/// The device side of interop cases, run by the cases inside the namespace as
/// <c>dotnet exec MatterGen.Interop.Tests.dll &lt;mode&gt; ...</c>. Mode <c>mdns-advertise</c> advertises a commissionable
/// window and one operational instance until killed or the given seconds pass; <c>mdns-selfcheck</c> runs
/// <see cref="MdnsSelfCheck"/>.
/// </summary>
public static class Program
{
    /// <summary>Dispatches on the mode.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "mdns-selfcheck")
        {
            return await MdnsSelfCheck.RunAsync().ConfigureAwait(false);
        }

        if (args.Length >= 1 && args[0] == "mdns-advertise")
        {
            return await AdvertiseAsync(ushort.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }

        await Console.Error.WriteLineAsync("usage: mdns-advertise <discriminator> <seconds> | mdns-selfcheck").ConfigureAwait(false);
        return 2;
    }

    private static async Task<int> AdvertiseAsync(ushort discriminator, int seconds)
    {
        await using var responder = new MdnsResponder(new MdnsResponderOptions(), TimeProvider.System);
        responder.Start();
        var advertiser = new MdnsMatterAdvertiser(responder);
        await advertiser.AdvertiseCommissionableAsync(new CommissionableAdvertisement
        {
            InstanceName = CommissionableAdvertisement.NewInstanceName(),
            Discriminator = discriminator,
            VendorId = 0xFFF1,
            ProductId = 0x8000,
            Port = 5540,
            DeviceType = 0x050C,
            DeviceName = "MatterGen EVSE",
        }).ConfigureAwait(false);
        await advertiser.AdvertiseOperationalAsync(new OperationalAdvertisement(0x87E1B004E235A130, 0x8FC7772401CD0696, 5540)).ConfigureAwait(false);
        Console.WriteLine($"RESULT {{\"ok\":true,\"ready\":true,\"host\":\"{responder.HostName}\"}}");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        Console.WriteLine($"malformed={responder.MalformedCount}");
        return 0;
    }
}
