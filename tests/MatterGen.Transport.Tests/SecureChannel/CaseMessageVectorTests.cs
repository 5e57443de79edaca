using System;
using MatterGen.Tests;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Tests.Support;
using Xunit;

namespace MatterGen.Transport.Tests.SecureChannel;

/// <summary>matter.js's Sigma messages and their inner structures decode and encode back byte for byte.</summary>
public class CaseMessageVectorTests
{
    public static TheoryIndexes Messages => ChannelVectors.Indexes("case");

    [SharedTheory]
    [MemberData(nameof(Messages))]
    public void Case_messages_round_trip(int index)
    {
        var vector = ChannelVectors.Section("case")[index];
        var bytes = vector.Hex("hex");
        var value = vector.GetProperty("value");
        byte[] encoded;
        switch (vector.Text("message"))
        {
            case "Sigma1":
                var sigma1 = Sigma1.Decode(bytes);
                Assert.Equal(value.Hex("destinationId"), sigma1.DestinationId);
                Assert.Equal(value.GetProperty("initiatorSessionId").GetUInt16(), sigma1.InitiatorSessionId);
                Assert.Equal(value.Has("resumptionId") ? value.Hex("resumptionId") : null, sigma1.ResumptionId);
                encoded = sigma1.Encode();
                break;
            case "Sigma2":
                var sigma2 = Sigma2.Decode(bytes);
                Assert.Equal(value.Hex("encrypted"), sigma2.Encrypted2);
                Assert.Equal(value.Hex("responderEcdhPublicKey"), sigma2.ResponderEphemeralPublicKey);
                encoded = sigma2.Encode();
                break;
            case "Sigma2Resume":
                var resume = Sigma2Resume.Decode(bytes);
                Assert.Equal(value.Hex("resumeMic"), resume.Sigma2ResumeMic);
                encoded = resume.Encode();
                break;
            case "Sigma3":
                encoded = Sigma3.Decode(bytes).Encode();
                break;
            case "TBEData2":
                var tbe2 = TbeData.Decode(bytes, withResumption: true);
                Assert.Equal(value.Hex("responderIcac"), tbe2.Icac);
                encoded = tbe2.Encode();
                break;
            case "TBEData3":
                var tbe3 = TbeData.Decode(bytes, withResumption: false);
                Assert.Null(tbe3.Icac);
                encoded = tbe3.Encode();
                break;
            case "TBSData":
                encoded = TbsData.Encode(
                    value.Hex("responderNoc"),
                    value.Has("responderIcac") ? value.Hex("responderIcac") : null,
                    value.Hex("responderPublicKey"),
                    value.Hex("initiatorPublicKey"));
                break;
            default:
                throw new InvalidOperationException("unknown message " + vector.Text("message"));
        }

        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(encoded));
    }

    [Fact]
    public void Sigma_fields_of_the_wrong_size_are_codec_errors()
    {
        var good = new Sigma1(new byte[32], 1, new byte[32], new byte[65], null);
        Sigma1.Decode(good.Encode());
        Assert.Throws<Tlv.TlvException>(() => Sigma1.Decode((good with { InitiatorRandom = new byte[31] }).Encode()));
        Assert.Throws<Tlv.TlvException>(() => Sigma1.Decode((good with { DestinationId = new byte[33] }).Encode()));
        Assert.Throws<Tlv.TlvException>(() => Sigma1.Decode((good with { InitiatorEphemeralPublicKey = new byte[64] }).Encode()));
        Assert.Throws<Tlv.TlvException>(() => Sigma1.Decode((good with { ResumptionId = new byte[16] }).Encode()));
        Assert.Throws<Tlv.TlvException>(() => Sigma3.Decode(new Sigma3(new byte[16]).Encode()));
        Assert.Throws<Tlv.TlvException>(() => TbeData.Decode(new TbeData(new byte[10], null, new byte[63], null).Encode(), false));
    }
}
