using System;
using System.Linq;
using MatterGen.InteractionModel.Client;
using MatterGen.InteractionModel.Messages;
using MatterGen.Tests;
using Xunit;

namespace MatterGen.InteractionModel.Tests.Messages;

/// <summary>Reassembly of matter.js's chunked and tag-compressed reports.</summary>
public sealed class ReportAssemblerTests
{
    [SharedFact]
    public void A_tag_compressed_report_expands_to_full_paths_and_data_versions()
    {
        var vector = MatterJsVectors.Load().Single(v => v.Note.StartsWith("tag compression", StringComparison.Ordinal));
        var assembler = new ReportAssembler();

        assembler.Add((ReportData)InteractionMessageReader.Decode(InteractionOpcode.ReportData, Convert.FromHexString(vector.Hex)));

        Assert.Equal(
            [(1, 6u, 0u, 4u), (1, 6u, 0x4000u, 4u), (1, 8u, 0u, 4u), (2, 6u, 0u, 9u)],
            assembler.Attributes().Select(r => ((int)r.Data!.Path.Endpoint!.Value, r.Data.Path.Cluster!.Value, r.Data.Path.Attribute!.Value, r.Data.DataVersion!.Value)));
        Assert.All(assembler.Attributes(), r => Assert.Null(r.Data!.Path.EnableTagCompression));
    }

    [SharedFact]
    public void A_list_chunked_by_matter_js_reassembles_to_the_whole_list()
    {
        var vector = MatterJsVectors.Load().Single(v => v.Note.StartsWith("list chunked", StringComparison.Ordinal));
        var assembler = new ReportAssembler();

        assembler.Add((ReportData)InteractionMessageReader.Decode(InteractionOpcode.ReportData, Convert.FromHexString(vector.Hex)));

        var list = Assert.Single(assembler.Attributes()).Data!.Data;
        Assert.Equal("16" + "152C0004726F6F6D2C01076B69746368656E18" + "152C0005666C6F6F722C0101311818", Convert.ToHexString(list.Span));
    }
}
