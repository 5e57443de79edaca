using System;
using MatterGen.DataModel;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.Clusters.Tests;

/// <summary>
/// The generated Energy EVSE code, compiled by the real build as a user's project compiles it, and run.
/// </summary>
public sealed class GeneratedEnergyEvseTests
{
    // matter.js 0.17.9's encoding of this request (../shared/vectors/matterjs-evse.json).
    private const string SetTargetsHex = "153600152400063601152500e001240150220240787d011818181818";

    private static EnergyEVSE.SetTargetsRequest MondayTuesdaySchedule() => new()
    {
        ChargingTargetSchedules =
        [
            new EnergyEVSE.ChargingTargetScheduleStruct
            {
                DayOfWeekForSequence = EnergyEVSE.TargetDayOfWeekBitmap.Monday | EnergyEVSE.TargetDayOfWeekBitmap.Tuesday,
                ChargingTargets = [new EnergyEVSE.ChargingTargetStruct { TargetTimeMinutesPastMidnight = 480, TargetSoC = 80, AddedEnergy = 25_000_000 }],
            },
        ],
    };

    [Fact]
    public void A_whole_message_encodes_into_a_span_that_fits_and_refuses_one_byte_less()
    {
        var request = MondayTuesdaySchedule();
        var exact = new byte[SetTargetsHex.Length / 2];

        Assert.Equal(exact.Length, request.Encode(exact));
        Assert.Equal(SetTargetsHex, Convert.ToHexStringLower(exact));
        Assert.Equal(request, EnergyEVSE.SetTargetsRequest.Decode(exact));
        var error = Assert.Throws<TlvException>(() => request.Encode(new byte[exact.Length - 1]));
        Assert.Equal(TlvError.BufferTooSmall, error.Error);
    }

    [Fact]
    public void SetTargets_encodes_to_the_bytes_matter_js_writes_and_decodes_back_equal()
    {
        var buffer = new byte[64];
        var writer = new TlvWriter(buffer);
        MondayTuesdaySchedule().Encode(ref writer, TlvTag.Anonymous);

        Assert.Equal(SetTargetsHex, Convert.ToHexStringLower(buffer.AsSpan(0, writer.BytesWritten)));
        var reader = new TlvReader(Convert.FromHexString(SetTargetsHex));
        Assert.Equal(MondayTuesdaySchedule(), EnergyEVSE.SetTargetsRequest.Decode(ref reader));
    }

    [Fact]
    public void The_encoder_refuses_a_schedule_with_eleven_targets()
    {
        var targets = new EnergyEVSE.ChargingTargetStruct[11];
        Array.Fill(targets, new EnergyEVSE.ChargingTargetStruct { TargetTimeMinutesPastMidnight = 60 });
        var request = new EnergyEVSE.SetTargetsRequest
        {
            ChargingTargetSchedules = [new EnergyEVSE.ChargingTargetScheduleStruct { DayOfWeekForSequence = EnergyEVSE.TargetDayOfWeekBitmap.Sunday, ChargingTargets = targets }],
        };

        var exception = Assert.Throws<TlvException>(() =>
        {
            var writer = new TlvWriter(new byte[256]);
            request.Encode(ref writer, TlvTag.Anonymous);
        });
        Assert.Equal("ChargingTargets", exception.FieldName);
    }

    [Fact]
    public void A_schedule_with_eleven_targets_is_a_decode_error_that_names_the_field()
    {
        // Written by hand, as a misbehaving peer would send it.
        var buffer = new byte[256];
        var writer = new TlvWriter(buffer);
        writer.StartStructure(TlvTag.Anonymous);
        writer.StartArray(TlvTag.Context(0));
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteUnsignedInteger(TlvTag.Context(0), 0x01);
        writer.StartArray(TlvTag.Context(1));
        for (var i = 0; i < 11; i++)
        {
            writer.StartStructure(TlvTag.Anonymous);
            writer.WriteUnsignedInteger(TlvTag.Context(0), 60);
            writer.EndContainer();
        }

        writer.EndContainer();
        writer.EndContainer();
        writer.EndContainer();
        writer.EndContainer();
        var length = writer.BytesWritten;

        var exception = Assert.Throws<TlvException>(() =>
        {
            var reader = new TlvReader(buffer.AsSpan(0, length));
            EnergyEVSE.SetTargetsRequest.Decode(ref reader);
        });
        Assert.Equal(TlvError.TooManyEntries, exception.Error);
        Assert.Equal("ChargingTargets", exception.FieldName);
    }

    [Fact]
    public void A_missing_mandatory_field_is_a_decode_error_that_names_it()
    {
        // EnableCharging with only field 0 (ChargingEnabledUntil = null): Minimum and Maximum are missing.
        var exception = Assert.Throws<TlvException>(() =>
        {
            var reader = new TlvReader(Convert.FromHexString("15340018"));
            EnergyEVSE.EnableChargingRequest.Decode(ref reader);
        });
        Assert.Equal(TlvError.MissingField, exception.Error);
        Assert.Equal("MinimumChargeCurrent", exception.FieldName);
    }

    [Fact]
    public void Epoch_seconds_count_from_the_year_2000()
    {
        var until = EpochSeconds.FromDateTimeOffset(new DateTimeOffset(2000, 1, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(86_400u, until.Value);
        Assert.Equal(new DateTimeOffset(2000, 1, 2, 0, 0, 0, TimeSpan.Zero), until.ToDateTimeOffset());
    }

    [Fact]
    public void The_specialization_holds_exactly_the_elements_its_features_make_present()
    {
        Assert.Equal(0x0Bu, HomeCharger.FeatureMap);
        Assert.Equal(EnergyEVSE.Feature.ChargingPreferences | EnergyEVSE.Feature.SoCReporting | EnergyEVSE.Feature.RFID, HomeCharger.Features);
        Assert.Contains(0x0030u, HomeCharger.AttributeList);   // StateOfCharge (SOC)
        Assert.Contains(0x0009u, HomeCharger.AttributeList);   // UserMaximumChargeCurrent (enabled)
        Assert.DoesNotContain(0x0004u, HomeCharger.AttributeList); // DischargingEnabledUntil (V2X only)
        Assert.DoesNotContain(0x0003u, HomeCharger.AcceptedCommandList); // EnableDischarging (V2X only)
        Assert.Equal([0x0000u], HomeCharger.GeneratedCommandList);
        Assert.Contains(0x0003u, FullCharger.AcceptedCommandList);
        Assert.Equal(0x1Fu, FullCharger.FeatureMap);
    }

    [Fact]
    public void Attribute_storage_starts_at_the_defaults_and_refuses_values_outside_the_tightened_constraint()
    {
        var charger = new HomeCharger(new Interaction.EvseTestDriver());

        Assert.Equal(new ElapsedSeconds(300), charger.RandomizationDelayWindow);  // the user's default, not the definition's 600
        Assert.Equal(6000, charger.MinimumChargeCurrent);                       // the definition's default
        Assert.Null(charger.State);
        charger.UserMaximumChargeCurrent = 32_000;
        Assert.Throws<ArgumentOutOfRangeException>(() => charger.UserMaximumChargeCurrent = 32_001);
        Assert.Equal(32_000, charger.UserMaximumChargeCurrent);
    }
}
