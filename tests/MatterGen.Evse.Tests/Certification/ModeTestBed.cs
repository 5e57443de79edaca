using MatterGen.DataModel;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Modes;
using MatterGen.Interaction;

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
