using System;
using System.Collections.Generic;

namespace MatterGen.Evse.Tests.Hostile.Fuzzing;

/// <summary>
/// What the hostile-peer fuzzer knows of the cluster it attacks: its ids, how to make well-formed payloads for
/// it, what on the device a peer cannot see but must stay bounded, and how the device's own inputs move it
/// into other states between operations.
/// </summary>
public interface IFuzzTarget
{
    /// <summary>The endpoint the cluster is on.</summary>
    ushort Endpoint { get; }

    /// <summary>The cluster's id.</summary>
    uint ClusterId { get; }

    /// <summary>The commands the cluster accepts.</summary>
    IReadOnlyList<uint> Commands { get; }

    /// <summary>Every attribute the cluster has (global ones included).</summary>
    IReadOnlyList<uint> Attributes { get; }

    /// <summary>Commands that only read (for example GetTargets): their responses are part of what must not change.</summary>
    IReadOnlyList<(uint CommandId, byte[] Fields)> ReadingCommands { get; }

    /// <summary>Well-formed fields for a command, with values drawn across and beyond their ranges.</summary>
    byte[] CommandFields(Random random, uint commandId);

    /// <summary>A well-formed value for an attribute, drawn across and beyond its range.</summary>
    byte[] AttributeValue(Random random, uint attributeId);

    /// <summary>Moves the device as its hardware or clock would (plug, demand, fault, time passing).</summary>
    void MoveDevice(Random random);

    /// <summary>
    /// Makes one of the device's own steps (a store save, a clock read, a listener) fail during the next
    /// operation, until the result is disposed; null when the target has no such seams. An operation that then
    /// fails must still change nothing: this exercises the all-or-nothing safety net, not only validation.
    /// </summary>
    IDisposable? InjectFailure(Random random);

    /// <summary>A hash of what the device's store holds: a rejected operation leaves it as it was.</summary>
    long StoreFingerprint { get; }

    /// <summary>A breach of a bound on what the device holds (schedules, store size), or null.</summary>
    string? CheckBounds();
}
