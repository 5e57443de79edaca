using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>How a session is shown: around the run (a live display), while it runs, and when it is over.</summary>
internal interface ISessionView
{
    /// <summary>Runs the session inside the view (a live display starts before and stops after).</summary>
    Task<SessionOutcome> PresentAsync(Func<ISessionObserver, Task<SessionOutcome>> run);

    /// <summary>Shows the summary, the check results, the terminal chart and where the plot was written.</summary>
    void Summarise(SessionOutcome outcome, IReadOnlyList<CheckResult> checks, string? plotPath);
}

/// <summary>Receives the session as it happens.</summary>
internal interface ISessionObserver
{
    /// <summary>A new log line.</summary>
    void Log(SessionEvent entry);

    /// <summary>The latest state; called every simulated step, so views throttle.</summary>
    void Update(LiveFrame frame);
}

/// <summary>One instant of the session for the live display.</summary>
/// <param name="Now">Simulated time.</param>
/// <param name="Progress">Fraction of the scenario played, 0.0–1.0.</param>
/// <param name="Hardware">The hardware reading.</param>
/// <param name="Cluster">The attributes as the manager last read them.</param>
internal sealed record LiveFrame(DateTimeOffset Now, double Progress, HardwareReading Hardware, ClusterView Cluster);

/// <summary>The verdict of one end-of-session check.</summary>
/// <param name="Description">What was checked.</param>
/// <param name="Passed">Whether it held.</param>
internal sealed record CheckResult(string Description, bool Passed);
