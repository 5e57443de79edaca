using System;
using System.Linq;
using CsCheck;
using MatterGen.Clusters.Tests;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Tests.Support;
using MatterGen.Tests;
using Xunit;

namespace MatterGen.InteractionModel.Tests.Messages;

/// <summary>Round trips of random messages, and damaged messages that must give INVALID_ACTION and nothing else.</summary>
public sealed class MessagePropertyTests
{
    [Fact]
    public void Decoding_an_encoded_message_gives_the_message_back() =>
        MessageGenerators.Message.Sample(message =>
        {
            var bytes = InteractionMessageWriter.Encode(message);
            var decoded = InteractionMessageReader.Decode(message.Opcode, bytes);
            DeepEquality.AssertEqual(message, decoded);
        }, iter: 2000);

    [Fact]
    public void A_damaged_random_message_decodes_or_is_an_invalid_action() =>
        Gen.Select(MessageGenerators.Message, TlvMutation.Gen).Sample((message, mutation) =>
            AssertDecodesOrIsInvalidAction(message.Opcode, mutation.Apply(InteractionMessageWriter.Encode(message))), iter: 5000);

    [SharedFact]
    public void Every_damaged_matter_js_vector_decodes_or_is_an_invalid_action()
    {
        var vectors = MatterJsVectors.Load().Select(v => (Opcode: MatterJsVectors.OpcodeOf(v.Message), Bytes: Convert.FromHexString(v.Hex))).ToList();
        Gen.Select(Gen.Int[0, vectors.Count - 1], TlvMutation.Gen).Sample((index, mutation) =>
            AssertDecodesOrIsInvalidAction(vectors[index].Opcode, mutation.Apply(vectors[index].Bytes)), iter: 5000);

        foreach (var (opcode, bytes) in vectors)
        {
            for (var length = 0; length < bytes.Length; length++)
            {
                Assert.Throws<InvalidInteractionMessageException>(() => InteractionMessageReader.Decode(opcode, bytes.AsSpan(0, length)));
            }
        }
    }

    [Fact]
    public void Unknown_context_tags_are_skipped()
    {
        // StatusResponse { 0: 0x94, 9: "x" (unknown), 0xFF: 12 }
        var message = InteractionMessageReader.Decode(InteractionOpcode.StatusResponse, Convert.FromHexString("15240094" + "2C090178" + "24FF0C18"));

        Assert.Equal(new StatusResponse(Interaction.MatterStatus.Timeout) { InteractionModelRevision = 12 }, message);
    }

    [Fact]
    public void A_repeated_field_a_wrong_type_or_an_unknown_opcode_is_an_invalid_action()
    {
        Assert.Throws<InvalidInteractionMessageException>(() => InteractionMessageReader.Decode(InteractionOpcode.StatusResponse, Convert.FromHexString("152400942400001 8".Replace(" ", ""))));
        Assert.Throws<InvalidInteractionMessageException>(() => InteractionMessageReader.Decode(InteractionOpcode.TimedRequest, Convert.FromHexString("152C00017818")));
        Assert.Throws<InvalidInteractionMessageException>(() => InteractionMessageReader.Decode((InteractionOpcode)0x33, Convert.FromHexString("1518")));
    }

    private static void AssertDecodesOrIsInvalidAction(InteractionOpcode opcode, byte[] bytes)
    {
        try
        {
            InteractionMessageReader.Decode(opcode, bytes);
        }
        catch (InvalidInteractionMessageException exception)
        {
            Assert.Equal(Interaction.MatterStatus.InvalidAction, exception.Status);
        }
    }
}
