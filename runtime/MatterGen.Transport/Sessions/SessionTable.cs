using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace MatterGen.Transport.Sessions;

/// <summary>
/// The secure sessions of a node by local session id, at most <see cref="Capacity"/>; adding one to a full table
/// evicts the least recently used (Core Specification 4.13.2.1 "session eviction").
/// </summary>
public sealed class SessionTable
{
    private readonly object gate = new();
    private readonly Dictionary<ushort, SecureSession> sessions = new();

    internal SessionTable(int capacity)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity));
        }

        Capacity = capacity;
    }

    /// <summary>The most sessions at once.</summary>
    public int Capacity { get; }

    /// <summary>The sessions now open.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return sessions.Count;
            }
        }
    }

    /// <summary>A snapshot of the open sessions.</summary>
    public IReadOnlyList<SecureSession> Snapshot()
    {
        lock (gate)
        {
            return sessions.Values.ToArray();
        }
    }

    /// <summary>The session with a local id, or null.</summary>
    public SecureSession? Find(ushort localSessionId)
    {
        lock (gate)
        {
            return sessions.GetValueOrDefault(localSessionId);
        }
    }

    /// <summary>The sessions of one fabric (CASE sessions and PASE sessions bound to it).</summary>
    public IReadOnlyList<SecureSession> ForFabric(byte fabricIndex)
    {
        lock (gate)
        {
            return sessions.Values.Where(session => session.Subject.FabricIndex == fabricIndex).ToArray();
        }
    }

    internal ushort AllocateId()
    {
        lock (gate)
        {
            while (true)
            {
                var id = (ushort)RandomNumberGenerator.GetInt32(1, ushort.MaxValue + 1);
                if (!sessions.ContainsKey(id))
                {
                    return id;
                }
            }
        }
    }

    /// <summary>Adds a session; returns the session evicted to make room, if any.</summary>
    internal SecureSession? Add(SecureSession session)
    {
        lock (gate)
        {
            SecureSession? evicted = null;
            if (sessions.Count >= Capacity)
            {
                evicted = sessions.Values.MinBy(candidate => candidate.LastActivity);
                sessions.Remove(evicted!.LocalSessionId);
            }

            sessions[session.LocalSessionId] = session;
            return evicted;
        }
    }

    internal bool Remove(SecureSession session)
    {
        lock (gate)
        {
            return sessions.TryGetValue(session.LocalSessionId, out var present) && ReferenceEquals(present, session) && sessions.Remove(session.LocalSessionId);
        }
    }

    internal IReadOnlyList<SecureSession> RemoveAll()
    {
        lock (gate)
        {
            var all = sessions.Values.ToArray();
            sessions.Clear();
            return all;
        }
    }
}
