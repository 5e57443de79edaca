using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Charger;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Device;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Client;
using MatterGen.InteractionModel.Server;
using MatterGen.Node;
using Microsoft.Extensions.Time.Testing;

namespace MatterGen.Evse.Tests.Hostile;

/// <summary>
/// A charger reached only as a network peer reaches it (an <see cref="IInteractionTransport"/>: TLV bytes in,
/// statuses and TLV bytes out), with every seam of the device (clock, timers, store, change observers) a step
/// of one <see cref="FaultPlan"/>, and an observation of everything a peer can see.
/// </summary>
internal sealed class HostileBed : IDisposable
{
    public const ushort Endpoint = ChargerNode.EvseEndpoint;

    private readonly ChargerWire? wire;

    /// <summary>The start of every run: the clock the payloads were made against.</summary>
    public static readonly DateTimeOffset Start = new(2025, 10, 22, 10, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A bed with the charger reached in process, or, with <paramref name="overInteractionModel"/>, the whole
    /// charger node served by an <see cref="InteractionServer"/> and reached by an <see cref="InteractionClient"/>
    /// over a loopback session (a CASE administrator of fabric 1): every operation then travels as IM messages.
    /// </summary>
    public HostileBed(bool bidirectional = true, bool overInteractionModel = false)
    {
        Clock = new FakeTimeProvider(Start);
        Time = new FaultyTimeProvider(Clock, Plan);
        Store = new FaultyStore(Plan);
        var options = new EnergyEvseOptions { LocalTimeZone = TimeZoneInfo.Utc };
        if (overInteractionModel)
        {
            wire = new ChargerWire(ChargerNode.Create(new MatterNodeOptions { Information = ChargerWire.Information, Time = Time, Store = Store }, options, bidirectional), Clock);
            Device = wire.Charger.Evse;
            Peer = wire.Client;
        }
        else
        {
            var serverOptions = new ClusterServerOptions { Endpoint = Endpoint, Time = Time, Store = Store, QuieterReportingInterval = TimeSpan.FromSeconds(10) };
            Device = bidirectional ? EnergyEvseDevice.CreateBidirectional(options, serverOptions) : EnergyEvseDevice.CreateStandard(options, serverOptions);
            Peer = new InProcessTransport(Privilege.Administer).Add(Device.Server);
        }

        Device.Server.AttributeChanged += _ => Plan.Step("change observer");
        Device.Server.AttributeReported += _ => Plan.Step("report subscriber");
        Client = new EnergyEVSE.Client(Peer, Endpoint);
    }

    public FaultPlan Plan { get; } = new();

    public FakeTimeProvider Clock { get; }

    public FaultyTimeProvider Time { get; }

    public FaultyStore Store { get; }

    public EnergyEvseDevice Device { get; }

    public EnergyEvseController Controller => Device.Controller;

    /// <summary>The peer's operations: what the fuzzer drives (an IM-message transport can take its place).</summary>
    public IInteractionTransport Peer { get; }

    public EnergyEVSE.Client Client { get; }

    /// <summary>The IM engine and client, when the bed serves the node over IM messages.</summary>
    public ChargerWire? Wire => wire;

    public void Dispose()
    {
        if (wire is not null)
        {
            wire.Dispose();
        }
        else
        {
            Device.Dispose();
        }
    }

    public EpochSeconds InSeconds(long seconds) => EpochSeconds.FromDateTimeOffset(Clock.GetUtcNow().AddSeconds(seconds));

    public ValueTask<InvokeResult> InvokeAsync(uint commandId, byte[] fields) =>
        Peer.InvokeAsync(Endpoint, EnergyEVSE.ClusterId, commandId, fields, timed: true);

    public ValueTask<InvokeResult> InvokeHexAsync(uint commandId, string hex) => InvokeAsync(commandId, Convert.FromHexString(hex));

    public ValueTask<MatterStatus> WriteHexAsync(uint attributeId, string hex) =>
        Peer.WriteAttributeAsync(Endpoint, EnergyEVSE.ClusterId, attributeId, Convert.FromHexString(hex), timed: true);

    /// <summary>
    /// Saves every non-volatile Energy EVSE attribute as it is now: a rollback saves the old value of what a failed
    /// commit saved, which is then what the store already held, so a failed operation leaves the store as it was.
    /// </summary>
    public async Task StoreNonVolatileAttributesAsync()
    {
        foreach (var metadata in Device.Server.Description.Attributes.Where(a => (a.Quality & AttributeQuality.NonVolatile) != 0))
        {
            var read = await Peer.ReadAttributeAsync(Endpoint, EnergyEVSE.ClusterId, metadata.Id);
            Store.Save(Endpoint, EnergyEVSE.ClusterId, metadata.Id, read.Value.Span);
        }
    }

    /// <summary>The device plugged in, with demand, charging enabled without deadline: energy flows.</summary>
    public async Task ChargingAsync()
    {
        Controller.SetCircuitCapacity(32_000);
        Controller.SetCableAssemblyLimit(63_000);
        Controller.SetHardwareState(HardwareState.PluggedInDemand);
        await Client.EnableChargingAsync(new EnergyEVSE.EnableChargingRequest { ChargingEnabledUntil = null, MinimumChargeCurrent = 6000, MaximumChargeCurrent = 16000 });
    }

    /// <summary>
    /// Everything a peer can see, read through the peer's operations: every attribute (value and status), the
    /// data version, every event in the log, and the targets as GetTargets answers them; with the store's
    /// contents, which a peer cannot read but a restart would.
    /// </summary>
    public async Task<string> ObserveAsync()
    {
        var text = new StringBuilder();
        uint version = 0;
        foreach (var id in Device.Server.Description.AttributeList.Where(id => id < 0xFFF0))
        {
            var read = await Peer.ReadAttributeAsync(Endpoint, EnergyEVSE.ClusterId, id);
            text.Append(id.ToString("X4")).Append('=').Append(read.Status).Append(':').Append(Convert.ToHexString(read.Value.Span)).Append(' ');
            version = read.DataVersion;
        }

        text.Append("\nversion=").Append(version);
        foreach (var record in await Peer.ReadEventsAsync(Endpoint, EnergyEVSE.ClusterId, 0))
        {
            text.Append("\nevent ").Append(record.EventNumber).Append(' ').Append(record.EventId).Append(' ').Append(Convert.ToHexString(record.Payload.Span));
        }

        var targets = await Peer.InvokeAsync(Endpoint, EnergyEVSE.ClusterId, EnergyEVSE.Commands.GetTargets.Id, new byte[] { 0x15, 0x18 }, timed: true);
        text.Append("\ntargets=").Append(targets.Status).Append(':').Append(Convert.ToHexString(targets.Response.Span));
        text.Append("\nstore=").Append(Store.Contents());
        return text.ToString();
    }
}
