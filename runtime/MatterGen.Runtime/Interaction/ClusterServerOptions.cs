using System;

namespace MatterGen.Interaction;

/// <summary>How a cluster server runs: its endpoint, clock, persistence, event log and reporting pace.</summary>
public sealed class ClusterServerOptions
{
    /// <summary>The endpoint the server lives on.</summary>
    public ushort Endpoint { get; init; } = 1;

    /// <summary>The clock: timestamps, quieter reporting and everything the device times.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where non-volatile (N) attributes are kept; null keeps them only in memory.</summary>
    public IAttributeStore? Store { get; init; }

    /// <summary>The event log; several servers of one node share one so event numbers are node-wide.</summary>
    public EventLog? EventLog { get; init; }

    /// <summary>The least time between two reports of a quieter-reporting (Q) attribute.</summary>
    public TimeSpan QuieterReportingInterval { get; init; } = TimeSpan.FromSeconds(1);
}
