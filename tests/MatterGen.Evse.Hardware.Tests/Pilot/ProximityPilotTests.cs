using System;
using System.Threading.Tasks;
using MatterGen.Evse.Hardware.Devices;
using MatterGen.Evse.Hardware.Pilot;
using MatterGen.Evse.Hardware.Station;
using MatterGen.Evse.Hardware.Tests.Station;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Pilot;

public class ProximityPilotTests
{
    [Theory]
    [InlineData(1_500, ProximityState.Cable, 13_000L)]
    [InlineData(680, ProximityState.Cable, 20_000L)]
    [InlineData(220, ProximityState.Cable, 32_000L)]
    [InlineData(100, ProximityState.Cable, 63_000L)]
    [InlineData(2_200, ProximityState.Cable, 13_000L)] // the IEC 61851-1 bands' edges
    [InlineData(1_000, ProximityState.Cable, 13_000L)]
    [InlineData(999, ProximityState.Cable, 20_000L)]
    [InlineData(330, ProximityState.Cable, 20_000L)]
    [InlineData(329, ProximityState.Cable, 32_000L)]
    [InlineData(150, ProximityState.Cable, 32_000L)]
    [InlineData(149, ProximityState.Cable, 63_000L)]
    [InlineData(75, ProximityState.Cable, 63_000L)]
    [InlineData(2_201, ProximityState.NoCable, null)]
    [InlineData(double.PositiveInfinity, ProximityState.NoCable, null)]
    [InlineData(74, ProximityState.Invalid, null)]
    [InlineData(10, ProximityState.Invalid, null)] // PP shorted to PE
    [InlineData(-1, ProximityState.Invalid, null)]
    [InlineData(double.NaN, ProximityState.Invalid, null)]
    public void Resistances_give_the_IEC_cable_ratings(double ohms, ProximityState state, long? rating)
    {
        var reading = ProximityPilot.Classify(ohms);
        Assert.Equal(state, reading.State);
        Assert.Equal(rating, reading.RatingMilliamps);
    }

    [Theory]
    [InlineData(1_500, 13_000L)]
    [InlineData(680, 20_000L)]
    [InlineData(220, 32_000L)]
    [InlineData(100, 63_000L)]
    public void The_ADC_divider_is_converted_back_to_the_resistor(double ohms, long rating)
    {
        const double pullUp = 1_000;
        var counts = (int)Math.Round(1023 * ohms / (ohms + pullUp));
        var pp = new AdcProximityPilot(() => counts, 1023, pullUp);
        var reading = pp.Read();
        Assert.Equal(rating, reading.RatingMilliamps);
        Assert.Equal(ohms, reading.Ohms, ohms * 0.01);
        Assert.Equal(ProximityState.NoCable, new AdcProximityPilot(() => 1023, 1023, pullUp).Read().State);
    }

    [Fact]
    public void Adc_arguments_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdcProximityPilot(() => 0, 1023, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdcProximityPilot(() => 0, 0, 1_000));
    }

    [Fact]
    public async Task The_cable_rating_read_on_plug_in_limits_the_offer()
    {
        using var rig = new StationRig();
        rig.Sim.Cable.ResistanceOhms = 1_500; // a 13 A cable
        await rig.EnableChargingAsync(32_000);
        rig.Ev.Plugged = rig.Ev.WantsCharge = true;
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.True(rig.Sim.Cable.Reads >= 1); // at plug-in, then every step while the session lasts
        Assert.Equal(13_000, rig.Snapshot.MaximumChargeCurrentMilliamps);
        Assert.Equal(13_000, rig.Snapshot.OfferedCurrentMilliamps);
        Assert.True(rig.Snapshot.ContactorClosed);

        // Next session with a 20 A cable: read again on the new plug-in.
        rig.Ev.Plugged = false;
        rig.Run(TimeSpan.FromSeconds(1));
        var readsUnplugged = rig.Sim.Cable.Reads;
        rig.Sim.Cable.ResistanceOhms = 680;
        rig.Ev.Plugged = true;
        rig.Run(TimeSpan.FromSeconds(6)); // the first PWM of a plug-in goes out with the pilot; a raise after it waits the 5 s duty rule
        Assert.True(rig.Sim.Cable.Reads > readsUnplugged);
        Assert.Equal(20_000, rig.Snapshot.OfferedCurrentMilliamps);
    }

    [Fact]
    public async Task The_offer_never_exceeds_a_smaller_cable_not_even_for_one_step()
    {
        using var rig = new StationRig();
        await rig.EnableChargingAsync(32_000);
        rig.Ev.Plugged = rig.Ev.WantsCharge = true; // the 32 A default cable
        rig.Run(TimeSpan.FromSeconds(5));
        rig.Ev.Plugged = false;
        rig.Run(TimeSpan.FromSeconds(1));
        rig.Sim.Cable.ResistanceOhms = 1_500;
        rig.Ev.Plugged = true;
        for (var i = 0; i < 100; i++)
        {
            rig.Run(TimeSpan.FromMilliseconds(20));
            Assert.True(rig.Snapshot.OfferedCurrentMilliamps <= 13_000, $"offer {rig.Snapshot.OfferedCurrentMilliamps} mA at step {i}");
        }
    }

    [Fact]
    public async Task An_invalid_PP_offers_nothing()
    {
        using var rig = new StationRig();
        rig.Sim.Cable.ResistanceOhms = 10; // shorted PP
        await rig.EnableChargingAsync(32_000);
        rig.Ev.Plugged = rig.Ev.WantsCharge = true;
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.Equal(0, rig.Snapshot.MaximumChargeCurrentMilliamps);
        Assert.Equal(0, rig.Snapshot.OfferedCurrentMilliamps);
        Assert.False(rig.Snapshot.ContactorClosed);
    }

    [Fact]
    public async Task A_tethered_cable_uses_its_fixed_rating_and_never_reads_PP()
    {
        using var rig = new StationRig(new EvseStationOptions { CableAssemblyLimitMilliamps = 16_000 });
        rig.Sim.Cable.ResistanceOhms = double.PositiveInfinity;
        await rig.EnableChargingAsync(32_000);
        rig.Ev.Plugged = rig.Ev.WantsCharge = true;
        rig.Run(TimeSpan.FromSeconds(5));
        Assert.Equal(0, rig.Sim.Cable.Reads);
        Assert.Equal(16_000, rig.Snapshot.OfferedCurrentMilliamps);
    }

    [Fact]
    public void Hardware_options_refuse_both_a_fixed_rating_and_a_PP_channel()
    {
        var options = new EvseStationOptions { Simulated = false, CableAssemblyLimitMilliamps = 16_000, Hardware = { ContactorCoilPin = 17, ProximityAdcChannel = 1 } };
        Assert.Contains("not both", Assert.Throws<ArgumentException>(options.Validate).Message);
        options.CableAssemblyLimitMilliamps = null;
        options.Validate();
        options.Hardware.ProximityAdcChannel = options.Hardware.PilotAdcChannel;
        Assert.Throws<ArgumentException>(options.Validate);
    }
}
