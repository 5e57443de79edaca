using System;
using System.Collections.Generic;
using System.Threading;
using MatterGen.DataModel;

namespace MatterGen.Interaction;

/// <summary>
/// A bounded event log with one ring per priority, as Matter nodes keep them: when a ring is full its oldest
/// event goes, so a burst of info events never pushes out a critical one (critical events are kept longest).
/// Event numbers increase across all priorities. Thread-safe.
/// </summary>
public sealed class EventLog
{
    private readonly Queue<EventRecord>[] rings;
    private readonly int[] capacities;
    private readonly object gate = new();
    private long lastNumber;

    /// <summary>Creates a log holding at most the given number of events of each priority.</summary>
    /// <param name="debugCapacity">Debug events kept.</param>
    /// <param name="infoCapacity">Info events kept.</param>
    /// <param name="criticalCapacity">Critical events kept.</param>
    public EventLog(int debugCapacity = 16, int infoCapacity = 64, int criticalCapacity = 64)
    {
        capacities = [Positive(debugCapacity), Positive(infoCapacity), Positive(criticalCapacity)];
        rings = [new Queue<EventRecord>(), new Queue<EventRecord>(), new Queue<EventRecord>()];
    }

    /// <summary>Records an event of the cluster on <paramref name="endpoint"/> and gives it the next event number.</summary>
    public EventRecord Record(ushort endpoint, uint clusterId, uint eventId, EventPriority priority, DateTimeOffset timestamp, ReadOnlyMemory<byte> payload)
    {
        var index = (int)priority is >= 0 and <= 2 ? (int)priority : 1;
        EventRecord record;
        lock (gate)
        {
            record = new EventRecord((ulong)Interlocked.Increment(ref lastNumber), endpoint, clusterId, eventId, priority, timestamp, payload.ToArray());
            var ring = rings[index];
            if (ring.Count == capacities[index])
            {
                ring.Dequeue();
            }

            ring.Enqueue(record);
        }

        Recorded?.Invoke(record);
        return record;
    }

    /// <summary>Raised after each event is recorded (outside the log's lock): subscriptions report urgent events from it.</summary>
    public event Action<EventRecord>? Recorded;

    /// <summary>Every kept event whose number is at least <paramref name="fromEventNumber"/>, in number order.</summary>
    public IReadOnlyList<EventRecord> ReadFrom(ulong fromEventNumber)
    {
        var result = new List<EventRecord>();
        lock (gate)
        {
            foreach (var ring in rings)
            {
                foreach (var record in ring)
                {
                    if (record.EventNumber >= fromEventNumber)
                    {
                        result.Add(record);
                    }
                }
            }
        }

        result.Sort(static (a, b) => a.EventNumber.CompareTo(b.EventNumber));
        return result;
    }

    private static int Positive(int capacity) =>
        capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A ring holds at least one event.");
}
