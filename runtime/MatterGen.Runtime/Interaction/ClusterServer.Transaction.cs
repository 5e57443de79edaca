using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using MatterGen.DataModel;
using MatterGen.Tlv;

namespace MatterGen.Interaction;

// All-or-nothing changes. A command, a write or an Atomically block runs under the server's lock as one
// transaction: the attributes, the data version and every enlisted state are captured first; while it runs,
// what leaves the server (saves of non-volatile attributes, events, reports) is held back; it is committed
// last: enlisted states save, then attributes, then events and reports go out. If anything throws, or the command answers a failure, everything is put back and nothing
// held back is let out, so a peer sees the server exactly as it was: same values, same data version, no event.
public abstract partial class ClusterServer
{
    private readonly List<ITransactionalState> enlisted = new();
    private Transaction? transaction;
    private bool restoring;

    /// <summary>
    /// Raised when a subscriber's handler (a report, a change) or a post-commit step threw; the change it was
    /// told about stands. The server never lets such an exception reach the peer or a timer thread.
    /// </summary>
    public event Action<Exception>? ObserverFailed;

    /// <summary>Adds device state outside the attributes that every transaction captures and, on failure, restores.</summary>
    public void Enlist(ITransactionalState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (gate)
        {
            enlisted.Add(state);
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> under the server's lock as one transaction: if it throws, or saving a
    /// non-volatile attribute at the end fails, every attribute, the data version, every enlisted state and the
    /// store are as before and no event or report of it is seen; the exception is rethrown. Inside a
    /// transaction already (a command that calls it), it simply joins that one.
    /// </summary>
    public void Atomically(Action change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            if (transaction is not null)
            {
                change();
                return;
            }

            var open = Begin();
            try
            {
                change();
            }
            catch
            {
                Rollback(open);
                throw;
            }

            Commit(open);
        }
    }

    // Under the lock; the caller ends the transaction with Commit or Rollback, both of which clear it.
    private Transaction Begin()
    {
        var open = new Transaction(this);
        transaction = open;
        return open;
    }

    private bool InTransaction => transaction is not null && Monitor.IsEntered(gate);

    /// <summary>Saves, then lets out events and reports; a failed save puts everything back and rethrows.</summary>
    private void Commit(Transaction open)
    {
        try
        {
            for (var i = 0; i < enlisted.Count; i++)
            {
                enlisted[i].Commit(open.States[i]);
            }

            if (Options.Store is { } store)
            {
                foreach (var attributeId in open.Changed)
                {
                    if (Description.FindAttribute(attributeId) is { } metadata && (metadata.Quality & AttributeQuality.NonVolatile) != 0)
                    {
                        open.Saved.Add(attributeId);
                        Persist(store, attributeId);
                    }
                }
            }
        }
        catch
        {
            Rollback(open);
            throw;
        }

        transaction = null;

        // Past this point the change stands: what follows only tells others about it, each on its own, so one
        // failing subscriber keeps nobody else from hearing.
        foreach (var pending in open.Events)
        {
            Tell(() => EventLog.Record(Endpoint, Description.ClusterId, pending.EventId, pending.Priority, pending.Timestamp, pending.Payload));
        }

        var version = dataVersion;
        foreach (var (attributeId, significant, now) in open.Reports)
        {
            Tell(() =>
            {
                if (now)
                {
                    ReportNow(attributeId);
                }
                else
                {
                    ReportChange(attributeId, significant, version);
                }
            });
        }
    }

    private void Tell(Action tell)
    {
        try
        {
            tell();
        }
        catch (Exception exception)
        {
            ObserverFailed?.Invoke(exception);
        }
    }

    private void Rollback(Transaction open)
    {
        transaction = null;
        restoring = true;
        try
        {
            foreach (var attributeId in open.Changed)
            {
                open.RestoreAttribute(attributeId);
            }
        }
        finally
        {
            restoring = false;
        }

        dataVersion = open.DataVersion;
        for (var i = enlisted.Count - 1; i >= 0; i--)
        {
            enlisted[i].Restore(open.States[i]);
        }

        // Values a failed commit already saved go back to the store as they were.
        if (Options.Store is { } store)
        {
            foreach (var attributeId in open.Saved)
            {
                Tell(() => Persist(store, attributeId));
            }
        }
    }

    /// <summary>What one transaction captured and holds back.</summary>
    private sealed class Transaction
    {
        private readonly ClusterServer server;
        private readonly ArrayBufferWriter<byte> values = new(256);
        private readonly Dictionary<uint, (int Start, int Length)> captured = new();

        public Transaction(ClusterServer server)
        {
            this.server = server;
            DataVersion = server.dataVersion;
            States = new object[server.enlisted.Count];
            for (var i = 0; i < States.Length; i++)
            {
                States[i] = server.enlisted[i].Capture();
            }

            foreach (var metadata in server.Description.Attributes)
            {
                Capture(metadata.Id);
            }
        }

        public uint DataVersion { get; }

        public object[] States { get; }

        /// <summary>The attributes changed, in the order of their first change.</summary>
        public List<uint> Changed { get; } = new();

        public HashSet<uint> ChangedSet { get; } = new();

        /// <summary>Non-volatile attributes the commit saved before a save failed.</summary>
        public List<uint> Saved { get; } = new();

        public List<(uint EventId, EventPriority Priority, DateTimeOffset Timestamp, byte[] Payload)> Events { get; } = new();

        public List<(uint AttributeId, bool Significant, bool Now)> Reports { get; } = new();

        public void Touched(uint attributeId)
        {
            if (ChangedSet.Add(attributeId))
            {
                Changed.Add(attributeId);
            }
        }

        public void RestoreAttribute(uint attributeId)
        {
            if (!captured.TryGetValue(attributeId, out var slot))
            {
                return; // It had no value to give (a struct not yet set): nothing to put back.
            }

            var reader = TlvValue.Open(values.WrittenSpan.Slice(slot.Start, slot.Length));
            server.StoreAttributeValue(attributeId, ref reader);
        }

        private void Capture(uint attributeId)
        {
            var start = values.WrittenCount;
            var writer = new TlvWriter(values);
            try
            {
                server.WriteAttributeValue(attributeId, ref writer);
            }
            catch (MatterStatusException)
            {
                return;
            }

            writer.Flush();
            captured[attributeId] = (start, values.WrittenCount - start);
        }
    }
}
