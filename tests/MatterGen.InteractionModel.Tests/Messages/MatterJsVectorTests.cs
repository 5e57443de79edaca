using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.InteractionModel.Messages;
using MatterGen.InteractionModel.Tests.Support;
using MatterGen.Tests;
using Xunit;

namespace MatterGen.InteractionModel.Tests.Messages;

/// <summary>Every Interaction Model message matter.js 0.17.9 encoded: our encoding is byte-equal, and we decode its bytes to its value.</summary>
public sealed class MatterJsVectorTests
{
    public static IEnumerable<object[]> Vectors() => SharedMaterial.Directory is null
        ? [[-1]]
        : Enumerable.Range(0, MatterJsVectors.Load().Count).Select(i => new object[] { i });

    [SharedTheory]
    [MemberData(nameof(Vectors))]
    public void Encoding_the_matter_js_value_gives_its_bytes(int index)
    {
        var vector = MatterJsVectors.Load()[index];
        var message = MatterJsVectors.Build(vector.Message, vector.Value);

        Assert.Equal(vector.Hex, Convert.ToHexString(InteractionMessageWriter.Encode(message)), ignoreCase: true);
    }

    [SharedTheory]
    [MemberData(nameof(Vectors))]
    public void Decoding_the_matter_js_bytes_gives_its_value(int index)
    {
        var vector = MatterJsVectors.Load()[index];
        var expected = MatterJsVectors.Build(vector.Message, vector.Value);

        var decoded = InteractionMessageReader.Decode(MatterJsVectors.OpcodeOf(vector.Message), Convert.FromHexString(vector.Hex));

        DeepEquality.AssertEqual(expected, decoded);
        Assert.Equal(vector.Hex, Convert.ToHexString(InteractionMessageWriter.Encode(decoded)), ignoreCase: true);
    }

    [SharedFact]
    public void The_vectors_cover_every_message_type()
    {
        var covered = MatterJsVectors.Load().Select(v => MatterJsVectors.OpcodeOf(v.Message)).ToHashSet();

        Assert.Equal(Enum.GetValues<InteractionOpcode>().ToHashSet(), covered);
    }
}
