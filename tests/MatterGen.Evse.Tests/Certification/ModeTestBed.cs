using System.Threading.Tasks;
using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Modes;
using MatterGen.Interaction;
using Xunit;

namespace MatterGen.Evse.Tests.Certification;

/// <summary>An Energy EVSE Mode server on endpoint 1, reached through the generated client.</summary>
internal static class ModeTestBed
{
    public static EnergyEVSEMode.Client Connect(out EnergyEvseModes modes)
    {
        (modes, var server) = EnergyEvseModes.Create(new ClusterServerOptions { Endpoint = 1 });
        return new EnergyEVSEMode.Client(new InProcessTransport(Privilege.Operate).Add(server), 1);
    }
}

/// <summary>Reads the FeatureMap global attribute, which the generated client does not list among the cluster's own.</summary>
internal static class ModeClientExtensions
{
    public static async Task<uint> ReadFeatureMapIfAnyAsync(this EnergyEVSEMode.Client client)
    {
        var read = await client.Transport.ReadAttributeAsync(client.Endpoint, client.ClusterId, GlobalAttributes.FeatureMap);
        Assert.Equal(MatterStatus.Success, read.Status);
        var reader = new MatterGen.Tlv.TlvReader(read.Value.Span);
        reader.Read();
        return reader.GetUInt32();
    }
}
