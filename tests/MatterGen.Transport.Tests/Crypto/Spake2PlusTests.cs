using System;
using System.Security.Cryptography;
using MatterGen.Tests;
using MatterGen.Transport.Crypto;
using MatterGen.Transport.Tests.Support;
using Xunit;

namespace MatterGen.Transport.Tests.Crypto;

/// <summary>SPAKE2+ against RFC 9383 appendix C and matter.js's verifier and exchange vectors.</summary>
public class Spake2PlusTests
{
    private static readonly byte[] RfcW0 = Convert.FromHexString("bb8e1bbcf3c48f62c08db243652ae55d3e5586053fca77102994f23ad95491b3");
    private static readonly byte[] RfcW1 = Convert.FromHexString("7e945f34d78785b8a3ef44d0df5a1a97d6b3b460409a345ca7830387a74b1dba");
    private static readonly byte[] RfcL = Convert.FromHexString("04eb7c9db3d9a9eb1f8adab81b5794c1f13ae3e225efbe91ea487425854c7fc00f00bfedcbd09b2400142d40a14f2064ef31dfaa903b91d1faea7093d835966efd");
    private static readonly byte[] RfcXScalar = Convert.FromHexString("d1232c8e8693d02368976c174e2088851b8365d0d79a9eee709c6a05a2fad539");
    private static readonly byte[] RfcYScalar = Convert.FromHexString("717a72348a182085109c8d3917d6c43d59b224dc6a7fc4f0483232fa6516d8b3");
    private static readonly byte[] RfcX = Convert.FromHexString("04ef3bd051bf78a2234ec0df197f7828060fe9856503579bb1733009042c15c0c1de127727f418b5966afadfdd95a6e4591d171056b333dab97a79c7193e341727");
    private static readonly byte[] RfcY = Convert.FromHexString("04c0f65da0d11927bdf5d560c69e1d7d939a05b0e88291887d679fcadea75810fb5cc1ca7494db39e82ff2f50665255d76173e09986ab46742c798a9a68437b048");
    private static readonly byte[] RfcZ = Convert.FromHexString("04bbfce7dd7f277819c8da21544afb7964705569bdf12fb92aa388059408d50091a0c5f1d3127f56813b5337f9e4e67e2ca633117a4fbd559946ab474356c41839");
    private static readonly byte[] RfcV = Convert.FromHexString("0458bf27c6bca011c9ce1930e8984a797a3419797b936629a5a937cf2f11c8b9514b82b993da8a46e664f23db7c01edc87faa530db01c2ee405230b18997f16b68");

    [Fact]
    public void Rfc9383_p256_vector_shares_points_transcript_and_keys()
    {
        Assert.Equal(RfcL, Spake2Plus.ComputeL(RfcW1));
        Assert.Equal(RfcX, Spake2Plus.ComputeX(RfcW0, RfcXScalar));
        Assert.Equal(RfcY, Spake2Plus.ComputeY(RfcW0, RfcYScalar));

        var prover = Spake2Plus.ProverFinish(RfcW0, RfcW1, RfcXScalar, RfcY)!.Value;
        var verifier = Spake2Plus.VerifierFinish(RfcW0, RfcL, RfcYScalar, RfcX)!.Value;
        Assert.Equal(RfcZ, prover.Z);
        Assert.Equal(RfcV, prover.V);
        Assert.Equal(RfcZ, verifier.Z);
        Assert.Equal(RfcV, verifier.V);

        var transcript = Spake2Plus.Transcript(
            "SPAKE2+-P256-SHA256-HKDF-SHA256-HMAC-SHA256 Test Vectors"u8, "client"u8, "server"u8, RfcX, RfcY, RfcZ, RfcV, RfcW0);
        Assert.Equal("4C59E1CCF2CFB961AA31BD9434478A1089B56CD11542F53D3576FB6C2A438A29", Convert.ToHexString(SHA256.HashData(transcript)));
        var keys = Spake2Plus.Rfc9383Keys(transcript, RfcX, RfcY);
        Assert.Equal("926CC713504B9B4D76C9162DED04B5493E89109F6D89462CD33ADC46FDA27527", Convert.ToHexString(keys.ProverConfirmation));
        Assert.Equal("9747BCC4F8FE9F63DEFEE53AC9B07876D907D55047E6FF2DEF2E7529089D3E68", Convert.ToHexString(keys.VerifierConfirmation));
        Assert.Equal("0C5F8CCD1413423A54F6C1FB26FF01534A87F893779C6E68666D772BFD91F3E7", Convert.ToHexString(keys.SharedKey));
    }

    [Fact]
    public void Invalid_peer_shares_are_refused()
    {
        var notOnCurve = (byte[])RfcY.Clone();
        notOnCurve[64] ^= 1;
        Assert.Null(Spake2Plus.ProverFinish(RfcW0, RfcW1, RfcXScalar, notOnCurve));
        Assert.Null(Spake2Plus.VerifierFinish(RfcW0, RfcL, RfcYScalar, notOnCurve));
        Assert.Null(Spake2Plus.VerifierFinish(RfcW0, RfcL, RfcYScalar, RfcX.AsSpan(0, 33)));
        Assert.Null(Spake2Plus.VerifierFinish(RfcW0, RfcL, RfcYScalar, new byte[65]));
    }

    public static TheoryIndexes Verifiers => ChannelVectors.Indexes("pase", "verifiers");

    [SharedTheory]
    [MemberData(nameof(Verifiers))]
    public void Matter_verifiers_from_passcode_salt_and_iterations(int index)
    {
        var vector = ChannelVectors.Section("pase").GetProperty("verifiers")[index];
        var (w0, w1) = Spake2Plus.ComputeW0W1(
            vector.GetProperty("passcode").GetUInt32(), vector.Hex("salt"), vector.GetProperty("iterations").GetInt32());
        Assert.Equal(vector.Hex("w0"), w0);
        Assert.Equal(vector.Hex("w1"), w1);
        Assert.Equal(vector.Hex("L"), Spake2Plus.ComputeL(w1));
        var verifier = PaseVerifier.FromPasscode(vector.GetProperty("passcode").GetUInt32(), vector.Hex("salt"), vector.GetProperty("iterations").GetInt32());
        Assert.Equal(vector.Hex("verifier"), verifier.Serialize());
        Assert.Equal(vector.Hex("verifier"), PaseVerifier.Deserialize(Convert.FromBase64String(vector.Text("verifierBase64"))).Serialize());
    }

    [SharedFact]
    public void Matter_exchange_with_fixed_randoms_gives_matter_js_keys()
    {
        var exchange = ChannelVectors.Section("pase").GetProperty("exchange");
        var context = PaseContext.Compute(exchange.Hex("pbkdfParamRequest"), exchange.Hex("pbkdfParamResponse"));
        Assert.Equal(exchange.Hex("context"), context);

        var w0 = exchange.Hex("w0");
        var w1 = exchange.Hex("w1");
        var x = Spake2Plus.ComputeX(w0, exchange.Hex("x"));
        var y = Spake2Plus.ComputeY(w0, exchange.Hex("y"));
        Assert.Equal(exchange.Hex("X"), x);
        Assert.Equal(exchange.Hex("Y"), y);

        var (z, v) = Spake2Plus.VerifierFinish(w0, exchange.Hex("L"), exchange.Hex("y"), x)!.Value;
        var proverSide = Spake2Plus.ProverFinish(w0, w1, exchange.Hex("x"), y)!.Value;
        Assert.Equal(z, proverSide.Z);
        Assert.Equal(v, proverSide.V);

        var keys = Spake2Plus.MatterKeys(Spake2Plus.Transcript(context, [], [], x, y, z, v, w0), x, y);
        Assert.Equal(exchange.Hex("Ke"), keys.SharedKey);
        Assert.Equal(exchange.Hex("cA"), keys.ProverConfirmation);
        Assert.Equal(exchange.Hex("cB"), keys.VerifierConfirmation);

        var sessionKeys = SessionKeys.Derive(keys.SharedKey, [], "SessionKeys"u8);
        var expected = exchange.GetProperty("sessionKeys");
        Assert.Equal(expected.Hex("I2RKey"), sessionKeys.InitiatorToResponder);
        Assert.Equal(expected.Hex("R2IKey"), sessionKeys.ResponderToInitiator);
        Assert.Equal(expected.Hex("attestationChallenge"), sessionKeys.AttestationChallenge);
    }
}
