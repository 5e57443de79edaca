using System;

namespace MatterGen.InteractionModel.Server;

/// <summary>How an <see cref="InteractionServer"/> behaves.</summary>
public sealed class InteractionServerOptions
{
    /// <summary>The clock: timed interactions, subscription intervals.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// The largest payload a report or response may have; null uses the session's
    /// <see cref="Messaging.IMessageSession.MaxPayloadSize"/>. A smaller one (never a larger) forces chunking.
    /// </summary>
    public int? PayloadBudget { get; init; }

    /// <summary>Subscriptions kept per fabric; the specification's minimum is 3. One more gets RESOURCE_EXHAUSTED.</summary>
    public int SubscriptionsPerFabric { get; init; } = 3;

    /// <summary>
    /// The max interval the node would like for its subscriptions, seconds. It is raised to the requester's
    /// ceiling and held below 60 minutes unless the ceiling is higher (Core Specification 8.5.1.1).
    /// </summary>
    public ushort PreferredMaxInterval { get; init; }

    /// <summary>Commands one InvokeRequest may carry (the Basic Information cluster's MaxPathsPerInvoke).</summary>
    public int MaxPathsPerInvoke { get; init; } = 10;

    /// <summary>How long to wait for the peer's StatusResponse to a report chunk.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
