using System.Collections.Generic;
using System.Linq;
using MatterGen.Interaction;

namespace MatterGen.Evse.Tests.Hostile.Fuzzing;

/// <summary>What one fuzzer run did and found.</summary>
public sealed class FuzzReport(int seed)
{
    private readonly Dictionary<(PeerOperationKind, MatterStatus), int> statuses = new();

    /// <summary>The run's seed: the same seed replays the same run.</summary>
    public int Seed { get; } = seed;

    /// <summary>Operations sent.</summary>
    public int Operations { get; set; }

    /// <summary>Operations that failed while one of the device's own steps was made to fail.</summary>
    public int InjectedFailures { get; set; }

    /// <summary>Defects seen: an escaped exception, a change by a failed operation, a broken bound.</summary>
    public List<string> Findings { get; } = new();

    /// <summary>Operations accepted (SUCCESS), by kind.</summary>
    public int Accepted => statuses.Where(entry => entry.Key.Item2 == MatterStatus.Success).Sum(entry => entry.Value);

    internal void Count(PeerOperation operation, MatterStatus status) =>
        statuses[(operation.Kind, status)] = statuses.GetValueOrDefault((operation.Kind, status)) + 1;

    internal void Find(string finding) => Findings.Add(finding);

    /// <inheritdoc/>
    public override string ToString() =>
        $"seed {Seed}: {Operations} operations, {Accepted} accepted, {InjectedFailures} failed by an injected fault; " +
        string.Join(", ", statuses.OrderBy(entry => entry.Key).Select(entry => $"{entry.Key.Item1} {entry.Key.Item2}: {entry.Value}"));
}
