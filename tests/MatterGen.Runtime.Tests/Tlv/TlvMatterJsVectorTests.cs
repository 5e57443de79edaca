using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using MatterGen.Tests;
using Xunit;

namespace MatterGen.Runtime.Tests.Tlv;

/// <summary>
/// The Energy EVSE payloads matter.js encoded (../shared/vectors/matterjs-evse.json): each is well-formed TLV
/// for this reader, and writing back what was read gives the same bytes, so both sides pick the same widths.
/// </summary>
public sealed class TlvMatterJsVectorTests
{
    [SharedFact]
    public void Every_matter_js_payload_reads_and_reencodes_byte_for_byte()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedMaterial.PathOf("vectors/matterjs-evse.json")));
        var vectors = document.RootElement.GetProperty("vectors").EnumerateArray().ToList();
        Assert.NotEmpty(vectors);

        foreach (var vector in vectors)
        {
            var element = vector.GetProperty("element").GetString();
            var bytes = Convert.FromHexString(vector.GetProperty("hex").GetString()!);

            var read = TlvValue.DecodeAll(bytes);
            Assert.True(read.Count == 1, element);
            Assert.Null(TlvWalker.Walk(bytes, skipSeed: 0));
            Assert.Equal(Hex.Format(bytes), Hex.Format(TlvValue.Encode([.. read])));
        }
    }
}
