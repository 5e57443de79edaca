using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace MatterGen.Samples.EvseSimulator.Matter;

/// <summary>One line of what happened to the device: a controller's session, a fabric, a changed attribute.</summary>
/// <param name="At">Wall-clock time.</param>
/// <param name="Source">Who: network, fabric, cluster, hardware.</param>
/// <param name="Detail">What, for people.</param>
internal sealed record DeviceActivity(DateTimeOffset At, string Source, string Detail);

/// <summary>
/// Collects activity from any thread (attribute changes arrive under a server's lock, sessions on the transport's
/// tasks) for the main loop to show; bounded, so a chatty controller cannot grow it.
/// </summary>
internal sealed class DeviceActivityLog
{
    private const int Capacity = 256;
    private readonly ConcurrentQueue<DeviceActivity> pending = new();
    private readonly TimeProvider time;

    /// <summary>Stamps entries with <paramref name="time"/>.</summary>
    public DeviceActivityLog(TimeProvider time) => this.time = time;

    /// <summary>Notes an activity (thread-safe, never blocks).</summary>
    public void Add(string source, string detail)
    {
        pending.Enqueue(new DeviceActivity(time.GetLocalNow(), source, detail));
        while (pending.Count > Capacity && pending.TryDequeue(out _))
        {
        }
    }

    /// <summary>Takes what was noted since the last call.</summary>
    public IReadOnlyList<DeviceActivity> Drain()
    {
        var drained = new List<DeviceActivity>();
        while (pending.TryDequeue(out var entry))
        {
            drained.Add(entry);
        }

        return drained;
    }
}
