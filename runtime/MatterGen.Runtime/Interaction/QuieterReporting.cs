using System;
using System.Collections.Generic;
using System.Threading;

namespace MatterGen.Interaction;

public abstract partial class ClusterServer
{
    /// <summary>
    /// Holds back reports of quieter-reporting (Q) attributes: the first change is reported at once, later ones
    /// at most once per interval, the last pending change when the interval ends (on the server's clock).
    /// </summary>
    private sealed class QuieterReporting(ClusterServer server)
    {
        private readonly object gate = new();
        private readonly Dictionary<uint, DateTimeOffset> lastReported = new();
        private readonly HashSet<uint> pending = new();
        private ITimer? timer;

        /// <summary>A change reported at once (to or from null): the interval starts again from it.</summary>
        public void ReportedNow(uint attributeId)
        {
            lock (gate)
            {
                lastReported[attributeId] = server.Time.GetUtcNow();
                pending.Remove(attributeId);
            }
        }

        public void Offer(uint attributeId)
        {
            var now = server.Time.GetUtcNow();
            var interval = server.Options.QuieterReportingInterval;
            lock (gate)
            {
                if (!lastReported.TryGetValue(attributeId, out var last) || now - last >= interval)
                {
                    lastReported[attributeId] = now;
                }
                else
                {
                    pending.Add(attributeId);
                    timer ??= server.Time.CreateTimer(_ => FlushOnTimer(), null, last + interval - now, Timeout.InfiniteTimeSpan);
                    return;
                }
            }

            server.Report(attributeId, server.DataVersion);
        }

        // On a timer thread: a subscriber's failure is reported, never let loose to end the process.
        private void FlushOnTimer()
        {
            try
            {
                Flush();
            }
            catch (Exception exception)
            {
                server.ObserverFailed?.Invoke(exception);
            }
        }

        private void Flush()
        {
            uint[] due;
            lock (gate)
            {
                due = new uint[pending.Count];
                pending.CopyTo(due);
                pending.Clear();
                var now = server.Time.GetUtcNow();
                foreach (var id in due)
                {
                    lastReported[id] = now;
                }

                timer?.Dispose();
                timer = null;
            }

            foreach (var id in due)
            {
                server.Report(id, server.DataVersion);
            }
        }
    }
}
