using System;
using System.Buffers;
using System.Threading.Tasks;
using MatterGen.Messaging;
using MatterGen.Messaging.Loopback;
using MatterGen.Tlv;
using Xunit;

namespace MatterGen.InteractionModel.Tests.Messages;

/// <summary>The pieces the messages stand on: pre-encoded values re-tagged by the writer, list values, loopback limits.</summary>
public sealed class EncodedValueTests
{
    [Theory]
    [InlineData("09", "2902")]                     // true
    [InlineData("0c026869", "2c02026869")]         // "hi"
    [InlineData("1524000118", "3502240001" + "18")] // { 0: 1 }
    [InlineData("1618", "3602" + "18")]            // []
    public void A_pre_encoded_value_is_written_under_a_context_tag(string anonymous, string tagged)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new TlvWriter(output);
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteEncoded(TlvTag.Context(2), Convert.FromHexString(anonymous));
        writer.EndContainer();
        writer.Flush();

        Assert.Equal("15" + tagged + "18", Convert.ToHexString(output.WrittenSpan), ignoreCase: true);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2402 01")]     // tagged
    [InlineData("0901")]        // two elements
    [InlineData("1524")]        // truncated
    [InlineData("18")]          // an end of container
    public void Anything_but_one_anonymous_element_is_refused(string hex)
    {
        var bytes = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

        Assert.Throws<TlvException>(() =>
        {
            var writer = new TlvWriter(new ArrayBufferWriter<byte>());
            writer.WriteEncoded(TlvTag.Context(1), bytes);
        });
    }

    [Fact]
    public void A_list_is_taken_apart_and_appended_to()
    {
        var list = Convert.FromHexString("160401" + "0402" + "18");

        var items = ListValue.Items(list);
        var longer = ListValue.Append(list, [new byte[] { 0x04, 0x03 }]);

        Assert.Equal(["0401", "0402"], items.ConvertAll(i => Convert.ToHexString(i.Span)));
        Assert.Equal("16040104020403" + "18", Convert.ToHexString(longer));
        Assert.Throws<MatterGen.InteractionModel.Messages.InvalidInteractionMessageException>(() => ListValue.Append(new byte[] { 0x04, 0x01 }, []));
    }

    [Fact]
    public async Task A_loopback_session_refuses_a_payload_over_its_limit()
    {
        var (initiator, responder) = LoopbackSession.CreatePair(new SubjectDescriptor(SessionAuthMode.Case, 1, 1), maxPayloadSize: 100);
        using var _ = initiator;
        var exchange = initiator.CreateExchange();

        await Assert.ThrowsAsync<ArgumentException>(async () => await exchange.SendAsync(new ProtocolMessage(ProtocolId.InteractionModel, 1, new byte[101])));
        Assert.Equal(new SubjectDescriptor(SessionAuthMode.Case, 1, 1), responder.Subject);
    }
}
