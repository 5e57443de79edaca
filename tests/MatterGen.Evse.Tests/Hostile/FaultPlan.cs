using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MatterGen.Interaction;
using Microsoft.Extensions.Time.Testing;

namespace MatterGen.Evse.Tests.Hostile;

/// <summary>
/// Counts the steps a device takes through its seams (clock, timers, store, change observers) while armed, and
/// throws <see cref="InjectedFailure"/> at one chosen step: a dry run counts the steps of an operation, then
/// each step is failed in turn on a fresh device.
/// </summary>
internal sealed class FaultPlan
{
    /// <summary>Steps counted since armed.</summary>
    public int Steps { get; private set; }

    /// <summary>The step (1-based) that throws; 0 for none.</summary>
    public int FailAt { get; private set; }

    /// <summary>What each counted step was, for messages.</summary>
    public List<string> Trace { get; } = new();

    private bool armed;
    private string? failOn;

    public void Arm(int failAt = 0)
    {
        Steps = 0;
        FailAt = failAt;
        failOn = null;
        Trace.Clear();
        armed = true;
    }

    /// <summary>Arms the plan to fail the first step of the kind named (e.g. "store save").</summary>
    public void ArmOn(string what)
    {
        Arm();
        failOn = what;
    }

    public void Disarm() => armed = false;

    public void Step(string what)
    {
        if (!armed)
        {
            return;
        }

        Steps++;
        Trace.Add(what);
        if (Steps == FailAt || what == failOn)
        {
            armed = false; // One failure per run: the rollback after it must be able to work.
            throw new InjectedFailure($"injected failure at step {Steps} ({what})");
        }
    }
}

/// <summary>The exception a <see cref="FaultPlan"/> throws.</summary>
internal sealed class InjectedFailure(string message) : Exception(message);

/// <summary>A fake clock whose reads and timers are steps of a <see cref="FaultPlan"/>.</summary>
internal sealed class FaultyTimeProvider(FakeTimeProvider inner, FaultPlan plan) : TimeProvider
{
    public FakeTimeProvider Inner => inner;

    public override DateTimeOffset GetUtcNow()
    {
        plan.Step("clock read");
        return inner.GetUtcNow();
    }

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        plan.Step("timer create");
        return new FaultyTimer(inner.CreateTimer(callback, state, dueTime, period), plan);
    }

    private sealed class FaultyTimer(ITimer timer, FaultPlan plan) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            plan.Step("timer change");
            return timer.Change(dueTime, period);
        }

        public void Dispose() => timer.Dispose();

        public System.Threading.Tasks.ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}

/// <summary>An in-memory store whose reads and saves are steps of a <see cref="FaultPlan"/>, and whose contents can be compared.</summary>
internal sealed class FaultyStore(FaultPlan plan) : IAttributeStore
{
    private readonly Dictionary<(ushort, uint, uint), byte[]> values = new();

    public bool TryLoad(ushort endpoint, uint clusterId, uint attributeId, out ReadOnlyMemory<byte> value)
    {
        plan.Step("store load");
        var found = values.TryGetValue((endpoint, clusterId, attributeId), out var bytes);
        value = bytes;
        return found;
    }

    public void Save(ushort endpoint, uint clusterId, uint attributeId, ReadOnlySpan<byte> value)
    {
        plan.Step("store save");
        var key = (endpoint, clusterId, attributeId);
        if (values.TryGetValue(key, out var old))
        {
            Fingerprint ^= EntryHash(key, old);
        }

        values[key] = value.ToArray();
        Fingerprint ^= EntryHash(key, value);
    }

    /// <summary>A hash of everything stored: equal contents give equal fingerprints, whatever was saved in between.</summary>
    public long Fingerprint { get; private set; }

    private static long EntryHash((ushort, uint, uint) key, ReadOnlySpan<byte> value)
    {
        var hash = new HashCode();
        hash.Add(key);
        hash.AddBytes(value);
        var low = hash.ToHashCode();
        hash.Add(value.Length);
        return ((long)low << 32) ^ (uint)hash.ToHashCode();
    }

    /// <summary>Everything stored, as text, in key order.</summary>
    public string Contents() => string.Join("; ", values.OrderBy(entry => entry.Key).Select(entry => $"{entry.Key.Item3:X8}={Convert.ToHexString(entry.Value)}"));

    /// <summary>The bytes stored in all.</summary>
    public int TotalBytes => values.Values.Sum(value => value.Length);
}
