using System.Linq;
using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Interaction;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Clusters.Tests.Interaction;

/// <summary>
/// The same machinery for an unrelated cluster, On/Off, from our own small definition, with hand-written
/// drivers: a lighting switch and an off-only cut-off.
/// </summary>
public sealed class OnOffInteractionTests
{
    private const ushort Endpoint = 2;

    private static (LampSwitch Lamp, LampDriver Driver, InProcessTransport Transport, OnOff.Client Client) Lamp(ClusterServerOptions? options = null)
    {
        var driver = new LampDriver();
        var lamp = new LampSwitch(driver, options ?? new ClusterServerOptions { Endpoint = Endpoint });
        driver.Lamp = lamp;
        var transport = new InProcessTransport(Privilege.Operate).Add(lamp);
        return (lamp, driver, transport, new OnOff.Client(transport, Endpoint));
    }

    [Fact]
    public async Task Commands_switch_the_lamp_and_the_attributes_follow()
    {
        var (lamp, driver, _, client) = Lamp();

        await client.OnAsync(new OnOff.OnRequest());
        Assert.True(await client.ReadOnOffAsync());
        await client.ToggleAsync(new OnOff.ToggleRequest());
        Assert.False(lamp.OnOff);
        await client.OnWithTimedOffAsync(new OnOff.OnWithTimedOffRequest { OnOffControl = OnOff.OnOffControlBitmap.AcceptOnlyWhenOn, OnTime = 50, OffWaitTime = 20 });
        Assert.False(await client.ReadOnOffAsync()); // accepted only when on: ignored
        await client.OnWithTimedOffAsync(new OnOff.OnWithTimedOffRequest { OnOffControl = 0, OnTime = 50, OffWaitTime = 20 });
        Assert.True(lamp.OnOff);
        Assert.Equal((ushort)50, await client.ReadOnTimeAsync());
        await client.OffWithEffectAsync(new OnOff.OffWithEffectRequest { EffectIdentifier = OnOff.EffectIdentifierEnum.DyingLight, EffectVariant = 0 });
        Assert.False(await client.ReadGlobalSceneControlAsync());
        await client.OnWithRecallGlobalSceneAsync(new OnOff.OnWithRecallGlobalSceneRequest());
        Assert.True(await client.ReadGlobalSceneControlAsync());
        await client.OffAsync(new OnOff.OffRequest());

        Assert.Equal(["On", "Off", "OnWithTimedOff", "OnWithTimedOff", "OffWithEffect:DyingLight", "OnWithRecallGlobalScene", "Off"], driver.Commands);
        Assert.Equal(0x01u, LampSwitch.FeatureMap);
        Assert.Equal([0x00u, 0x01u, 0x02u, 0x40u, 0x41u, 0x42u], TlvBytes.Ids((await client.Transport.ReadAttributeAsync(Endpoint, OnOff.ClusterId, GlobalAttributes.AcceptedCommandList)).Value));
        Assert.Equal([0x0000u, 0x4000u, 0x4001u, 0x4002u, 0x4003u, 0xFFF8u, 0xFFF9u, 0xFFFBu, 0xFFFCu, 0xFFFDu], TlvBytes.Ids((await client.Transport.ReadAttributeAsync(Endpoint, OnOff.ClusterId, GlobalAttributes.AttributeList)).Value));
    }

    [Fact]
    public async Task Writes_honour_access_writability_type_and_constraint()
    {
        var (lamp, _, transport, client) = Lamp();
        var one = TlvBytes.Of((ref TlvWriter w) => w.WriteUnsignedInteger(TlvTag.Anonymous, 1));
        var three = TlvBytes.Of((ref TlvWriter w) => w.WriteUnsignedInteger(TlvTag.Anonymous, 3));
        var yes = TlvBytes.Of((ref TlvWriter w) => w.WriteBoolean(TlvTag.Anonymous, true));

        await client.WriteOnTimeAsync(30); // Operate may write OnTime
        Assert.Equal((ushort)30, lamp.OnTime);
        Assert.Equal(MatterStatus.UnsupportedAccess, await transport.WriteAttributeAsync(Endpoint, OnOff.ClusterId, 0x4003, one, timed: false)); // StartUpOnOff needs Manage
        var manager = transport.WithPrivilege(Privilege.Manage);
        Assert.Equal(MatterStatus.Success, await manager.WriteAttributeAsync(Endpoint, OnOff.ClusterId, 0x4003, one, timed: false));
        Assert.Equal(OnOff.StartUpOnOffEnum.On, lamp.StartUpOnOff);
        Assert.Equal(MatterStatus.ConstraintError, await manager.WriteAttributeAsync(Endpoint, OnOff.ClusterId, 0x4003, three, timed: false)); // max 2
        Assert.Equal(MatterStatus.Success, await manager.WriteAttributeAsync(Endpoint, OnOff.ClusterId, 0x4003, TlvBytes.Of((ref TlvWriter w) => w.WriteNull(TlvTag.Anonymous)), timed: false));
        Assert.Null(lamp.StartUpOnOff);
        Assert.Equal(MatterStatus.InvalidDataType, await transport.WriteAttributeAsync(Endpoint, OnOff.ClusterId, 0x4001, yes, timed: false));
        Assert.Equal(MatterStatus.UnsupportedWrite, await transport.WriteAttributeAsync(Endpoint, OnOff.ClusterId, 0x0000, yes, timed: false));
        Assert.Equal(MatterStatus.UnsupportedAttribute, await transport.WriteAttributeAsync(Endpoint, OnOff.ClusterId, 0x4004, one, timed: false));
        Assert.Equal(MatterStatus.UnsupportedAccess, (await transport.WithPrivilege(Privilege.View).InvokeAsync(Endpoint, OnOff.ClusterId, 0x01, TlvBytes.Of((ref TlvWriter w) => { w.StartStructure(TlvTag.Anonymous); w.EndContainer(); }), timed: false)).Status);
        Assert.Equal(MatterStatus.InvalidCommand, (await transport.InvokeAsync(Endpoint, OnOff.ClusterId, 0x42, new byte[] { 0x15, 0x24, 0x00 }, timed: false)).Status);
        Assert.Equal(MatterStatus.ConstraintError, (await transport.InvokeAsync(Endpoint, OnOff.ClusterId, 0x42, TlvBytes.Of((ref TlvWriter w) =>
        {
            w.StartStructure(TlvTag.Anonymous);
            w.WriteUnsignedInteger(TlvTag.Context(0), 0);
            w.WriteUnsignedInteger(TlvTag.Context(1), 0xFFFF); // OnTime at most 0xFFFE
            w.WriteUnsignedInteger(TlvTag.Context(2), 0);
            w.EndContainer();
        }), timed: false)).Status);
    }

    [Fact]
    public async Task An_off_only_switch_has_no_On_or_Toggle_and_no_lighting_attributes()
    {
        var driver = new CutOffDriver();
        var cutOff = new CutOffSwitch(driver, new ClusterServerOptions { Endpoint = Endpoint });
        var client = new OnOff.Client(new InProcessTransport(Privilege.Operate).Add(cutOff), Endpoint);

        await client.OffAsync(new OnOff.OffRequest());
        var on = await Assert.ThrowsAsync<MatterStatusException>(() => client.OnAsync(new OnOff.OnRequest()).AsTask());
        var toggle = await Assert.ThrowsAsync<MatterStatusException>(() => client.ToggleAsync(new OnOff.ToggleRequest()).AsTask());
        var onTime = await Assert.ThrowsAsync<MatterStatusException>(() => client.ReadOnTimeAsync().AsTask());

        Assert.Equal(1, driver.Offs);
        Assert.Equal(MatterStatus.UnsupportedCommand, on.Status);
        Assert.Equal(MatterStatus.UnsupportedCommand, toggle.Status);
        Assert.Equal(MatterStatus.UnsupportedAttribute, onTime.Status);
        Assert.Equal([0x00u], CutOffSwitch.AcceptedCommandList);
        Assert.Equal(0x04u, CutOffSwitch.FeatureMap);
        Assert.Equal(["OffAsync"], typeof(ICutOffSwitchDriver).GetMethods().Select(method => method.Name));
    }

    [Fact]
    public async Task On_Off_state_is_non_volatile_and_every_change_is_reported()
    {
        var store = new InMemoryAttributeStore();
        var (lamp, _, _, client) = Lamp(new ClusterServerOptions { Endpoint = Endpoint, Store = store });
        var reports = new System.Collections.Generic.List<AttributeChange>();
        lamp.AttributeReported += reports.Add;

        await client.OnAsync(new OnOff.OnRequest());
        await client.WriteOnTimeAsync(10);
        var restarted = new LampSwitch(new LampDriver(), new ClusterServerOptions { Endpoint = Endpoint, Store = store });

        Assert.True(restarted.OnOff);                  // N: kept
        Assert.Equal((ushort)0, restarted.OnTime);     // not N: back to its default
        Assert.Equal([0x0000u, 0x4001u], reports.Select(report => report.AttributeId));
        Assert.All(reports, report => Assert.Equal(OnOff.ClusterId, report.ClusterId));
    }
}
