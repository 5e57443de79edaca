using MatterGen.Samples.EvseSimulator.Session;

namespace MatterGen.Simulator.Tests;

/// <summary>Plays a session with nobody watching.</summary>
internal sealed class NullObserver : ISessionObserver
{
    public void Log(SessionEvent entry)
    {
    }

    public void Update(LiveFrame frame)
    {
    }
}
