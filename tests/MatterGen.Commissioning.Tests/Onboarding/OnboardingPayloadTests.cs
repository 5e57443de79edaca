using System;
using CsCheck;
using MatterGen.Commissioning.Onboarding;
using Xunit;

namespace MatterGen.Commissioning.Tests.Onboarding;

public sealed class OnboardingPayloadTests
{
    // connectedhomeip's example apps (vendor 0xFFF1, product 0x8001, passcode 20202021, discriminator 3840): the first
    // is what an app on the IP network prints, the second a BLE one. Product 0x8000 gives a different first chunk.
    [Theory]
    [InlineData((ushort)0xFFF1, (ushort)0x8001, DiscoveryCapabilities.OnNetwork, "MT:-24J0AFN00KA0648G00")]
    [InlineData((ushort)0xFFF1, (ushort)0x8001, DiscoveryCapabilities.Ble, "MT:-24J042C00KA0648G00")]
    public void QR_text_matches_the_reference_device(ushort vendor, ushort product, DiscoveryCapabilities capabilities, string expected)
    {
        var payload = new SetupPayload(vendor, product, 3840, 20202021, CommissioningFlow.Standard, capabilities);
        Assert.Equal(expected, payload.ToQrCodeText());
        Assert.Equal(payload, QrCodePayload.Decode(expected));
    }

    [Fact]
    public void Manual_code_matches_the_reference_device()
    {
        var payload = new SetupPayload(0xFFF1, 0x8000, 3840, 20202021);
        Assert.Equal("34970112332", payload.ToManualPairingCode());
        var decoded = ManualPairingCode.Decode("3497-011-2332");
        Assert.Equal(new ManualPairingCode.Decoded(15, 20202021, null, null), decoded);
    }

    [Fact]
    public void Long_manual_code_carries_vendor_and_product()
    {
        // connectedhomeip's all-clusters app (product 0x8001) prints this long code.
        var payload = new SetupPayload(0xFFF1, 0x8001, 3840, 20202021, CommissioningFlow.UserIntent);
        var code = payload.ToManualPairingCode();
        Assert.Equal("749701123365521327694", code);
        Assert.Equal(new ManualPairingCode.Decoded(15, 20202021, 0xFFF1, 0x8001), ManualPairingCode.Decode(code));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(11111111u)]
    [InlineData(22222222u)]
    [InlineData(33333333u)]
    [InlineData(44444444u)]
    [InlineData(55555555u)]
    [InlineData(66666666u)]
    [InlineData(77777777u)]
    [InlineData(88888888u)]
    [InlineData(99999999u)]
    [InlineData(12345678u)]
    [InlineData(87654321u)]
    [InlineData(100000000u)]
    [InlineData(0x7FFFFFFu)]
    public void Forbidden_passcodes_are_refused(uint passcode)
    {
        Assert.False(SetupPasscode.IsValid(passcode));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SetupPayload(0xFFF1, 0x8000, 3840, passcode));
    }

    [Fact]
    public void Generated_passcodes_are_valid()
    {
        for (var i = 0; i < 200; i++)
        {
            Assert.True(SetupPasscode.IsValid(SetupPasscode.Generate()));
        }
    }

    [Fact]
    public void Discriminator_over_12_bits_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SetupPayload(0xFFF1, 0x8000, 4096, 20202021));

    [Theory]
    [InlineData("34970112333")] // wrong check digit
    [InlineData("34970121332")] // adjacent digits swapped
    [InlineData("3497011233")] // too short
    [InlineData("3497011233a")]
    [InlineData("94970112332")] // reserved bit
    [InlineData("74970112332")] // flag says long form, length is short
    public void Bad_manual_codes_are_refused(string code) => Assert.ThrowsAny<FormatException>(() => ManualPairingCode.Decode(code));

    [Theory]
    [InlineData("-24J0AFN00KA0648G00")] // no prefix
    [InlineData("MT:-24J0AFN00KA0648G0")] // length not in chunks
    [InlineData("MT:-24J0AFN00KA0648g00")] // lower case is not Base38
    [InlineData("MT:..........")] // chunk overflow
    [InlineData("MT:-24J0AFN00KA")] // short
    public void Bad_QR_text_is_refused(string text) => Assert.ThrowsAny<FormatException>(() => QrCodePayload.Decode(text));

    [Fact]
    public void Payloads_round_trip_through_both_codes() =>
        CsCheck.Gen.Select(CsCheck.Gen.UShort, CsCheck.Gen.UShort, CsCheck.Gen.UShort[0, 4095], CsCheck.Gen.UInt[1, SetupPasscode.Maximum])
            .Where(t => SetupPasscode.IsValid(t.Item4))
            .Sample(t =>
            {
                var payload = new SetupPayload(t.Item1, t.Item2, t.Item3, t.Item4);
                Assert.Equal(payload, QrCodePayload.Decode(payload.ToQrCodeText()));
                var manual = ManualPairingCode.Decode(payload.ToManualPairingCode(includeVendorAndProduct: true));
                Assert.Equal(new ManualPairingCode.Decoded(payload.ShortDiscriminator, payload.Passcode, payload.VendorId, payload.ProductId), manual);
            });

    [Fact]
    public void Random_QR_text_throws_nothing_but_FormatException_or_ArgumentOutOfRangeException() =>
        CsCheck.Gen.String[CsCheck.Gen.Char["0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-.*:xM"], 0, 40].Sample(text =>
        {
            try
            {
                QrCodePayload.Decode("MT:" + text);
            }
            catch (FormatException)
            {
            }
            catch (ArgumentOutOfRangeException)
            {
            }
        });

    [Fact]
    public void Terminal_drawing_is_a_square_of_blocks()
    {
        var drawing = TerminalQrCode.Render("MT:-24J0AFN00KA0648G00");
        var lines = drawing.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length > 10);
        Assert.All(lines, line => Assert.Equal(lines[0].Length, line.Length));
    }
}
