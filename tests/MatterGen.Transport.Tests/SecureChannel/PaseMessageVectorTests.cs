using System;
using MatterGen.Tests;
using MatterGen.Tlv;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Tests.Support;
using Xunit;

namespace MatterGen.Transport.Tests.SecureChannel;

/// <summary>matter.js's PASE messages decode to its values and encode back byte for byte.</summary>
public class PaseMessageVectorTests
{
    public static TheoryIndexes Messages => ChannelVectors.Indexes("pase", "messages");

    [SharedTheory]
    [MemberData(nameof(Messages))]
    public void Pase_messages_round_trip(int index)
    {
        var vector = ChannelVectors.Section("pase").GetProperty("messages")[index];
        var bytes = vector.Hex("hex");
        var value = vector.GetProperty("value");
        byte[] encoded;
        switch (vector.Text("message"))
        {
            case "PbkdfParamRequest":
                var request = PbkdfParamRequest.Decode(bytes);
                Assert.Equal(value.Hex("initiatorRandom"), request.InitiatorRandom);
                Assert.Equal(value.GetProperty("initiatorSessionId").GetUInt16(), request.InitiatorSessionId);
                Assert.Equal(value.GetProperty("hasPbkdfParameters").GetBoolean(), request.HasPbkdfParameters);
                AssertParameters(value, "initiatorSessionParams", request.SessionParameters);
                encoded = request.Encode();
                break;
            case "PbkdfParamResponse":
                var response = PbkdfParamResponse.Decode(bytes);
                Assert.Equal(value.Hex("responderRandom"), response.ResponderRandom);
                Assert.Equal(value.GetProperty("responderSessionId").GetUInt16(), response.ResponderSessionId);
                if (value.Has("pbkdfParameters"))
                {
                    Assert.Equal(value.GetProperty("pbkdfParameters").GetProperty("iterations").GetUInt32(), response.Pbkdf!.Iterations);
                    Assert.Equal(value.GetProperty("pbkdfParameters").Hex("salt"), response.Pbkdf.Salt);
                }
                else
                {
                    Assert.Null(response.Pbkdf);
                }

                AssertParameters(value, "responderSessionParams", response.SessionParameters);
                encoded = response.Encode();
                break;
            case "PasePake1":
                encoded = Pake1.Decode(bytes).Encode();
                Assert.Equal(value.Hex("x"), Pake1.Decode(bytes).PA);
                break;
            case "PasePake2":
                var pake2 = Pake2.Decode(bytes);
                Assert.Equal(value.Hex("y"), pake2.PB);
                Assert.Equal(value.Hex("verifier"), pake2.CB);
                encoded = pake2.Encode();
                break;
            case "PasePake3":
                encoded = Pake3.Decode(bytes).Encode();
                break;
            default:
                throw new InvalidOperationException("unknown message " + vector.Text("message"));
        }

        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(encoded));
    }

    [Fact]
    public void Wrong_size_fields_are_refused_with_the_codec_error()
    {
        var shortPoint = new Pake1(new byte[64]).Encode();
        var error = Assert.Throws<TlvException>(() => Pake1.Decode(shortPoint));
        Assert.Equal(TlvError.ConstraintViolation, error.Error);
        Assert.Throws<TlvException>(() => Pake3.Decode(new Pake3(new byte[31]).Encode()));
        Assert.Throws<TlvException>(() => Pake2.Decode(new Pake2(new byte[65], new byte[33]).Encode()));
        Assert.Throws<TlvException>(() => PbkdfParamRequest.Decode(new PbkdfParamRequest(new byte[31], 1, 0, false, null).Encode()));
        Assert.Throws<TlvException>(() => PbkdfParamResponse.Decode(
            new PbkdfParamResponse(new byte[32], new byte[32], 1, new PbkdfParameters(999, new byte[16]), null).Encode()));
        Assert.Throws<TlvException>(() => PbkdfParamResponse.Decode(
            new PbkdfParamResponse(new byte[32], new byte[32], 1, new PbkdfParameters(1000, new byte[15]), null).Encode()));
    }

    private static void AssertParameters(System.Text.Json.JsonElement value, string property, SessionParameters? parameters)
    {
        if (!value.Has(property))
        {
            Assert.Null(parameters);
            return;
        }

        var expected = value.GetProperty(property);
        Assert.NotNull(parameters);
        Assert.Equal(expected.GetProperty("idleInterval").GetInt32(), (int)parameters.IdleInterval.TotalMilliseconds);
        Assert.Equal(expected.GetProperty("activeInterval").GetInt32(), (int)parameters.ActiveInterval.TotalMilliseconds);
        Assert.Equal(expected.GetProperty("activeThreshold").GetInt32(), (int)parameters.ActiveThreshold.TotalMilliseconds);
        Assert.Equal(expected.GetProperty("specificationVersion").GetUInt32(), parameters.SpecificationVersion);
        Assert.Equal(expected.GetProperty("maxPathsPerInvoke").GetUInt16(), parameters.MaxPathsPerInvoke);
    }
}
