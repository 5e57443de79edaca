using System;

namespace MatterGen.InteractionModel.Client;

/// <summary>How an <see cref="InteractionClient"/> behaves.</summary>
public sealed class InteractionClientOptions
{
    /// <summary>How long to wait for each answer of the node.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The window a TimedRequest opens for the write or invoke that follows, milliseconds.</summary>
    public ushort TimedTimeoutMilliseconds { get; init; } = 10_000;

    /// <summary>The largest payload the client sends; null uses the session's. A list write larger than this is chunked.</summary>
    public int? PayloadBudget { get; init; }
}
