using System;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.Node.Clusters;
using MatterGen.TestEvents;

namespace MatterGen.Node.Diagnostics;

/// <summary>
/// A node's General Diagnostics: counts restarts (RebootCount is non-volatile, so a store makes it count across
/// runs), keeps UpTime on the server's clock, reports the boot reason and the network interfaces, and answers
/// TestEventTrigger by firing the code in the node's <see cref="TestEventTriggerRegistry"/> when the enable key
/// matches.
/// </summary>
public sealed class GeneralDiagnosticsDevice : IGeneralDiagnosticsServerDriver, IDisposable
{
    private static readonly TimeSpan UpTimeStep = TimeSpan.FromSeconds(1);

    private readonly GeneralDiagnosticsOptions options;
    private readonly byte[]? enableKey;
    private readonly DateTimeOffset started;
    private readonly ITimer upTimeTimer;

    /// <summary>Starts the cluster: one more reboot counted, the BootReason event recorded, UpTime running.</summary>
    /// <param name="triggers">The node's test event triggers.</param>
    /// <param name="options">Boot reason, network interfaces and the enable key; defaults: no key.</param>
    /// <param name="serverOptions">The server's endpoint (normally 0), clock and store.</param>
    /// <exception cref="ArgumentException">An enable key that is not 16 bytes.</exception>
    public GeneralDiagnosticsDevice(TestEventTriggerRegistry triggers, GeneralDiagnosticsOptions? options = null, ClusterServerOptions? serverOptions = null)
    {
        Triggers = triggers ?? throw new ArgumentNullException(nameof(triggers));
        this.options = options ?? new GeneralDiagnosticsOptions();
        if (this.options.TestEventTriggerEnableKey is { } key)
        {
            if (key.Length != GeneralDiagnosticsOptions.EnableKeyLength)
            {
                throw new ArgumentException($"The test event trigger enable key is {GeneralDiagnosticsOptions.EnableKeyLength} bytes, was {key.Length}.", nameof(options));
            }

            // An all-zero key is the specification's "no key": triggers stay disabled.
            enableKey = key.Any(b => b != 0) ? key.ToArray() : null;
        }

        Server = new GeneralDiagnosticsServer(this, serverOptions ?? new ClusterServerOptions { Endpoint = 0 });
        started = Server.Time.GetUtcNow();
        Server.RebootCount = Server.RebootCount == ushort.MaxValue ? ushort.MaxValue : (ushort)(Server.RebootCount + 1);
        Server.BootReason = this.options.BootReason;
        Server.NetworkInterfaces = (this.options.NetworkInterfaces ?? HostNetworkInterfaces.Read)().Take(HostNetworkInterfaces.MaxInterfaces).ToList();
        Server.TestEventTriggersEnabled = enableKey is not null;
        Server.UpTime = 0;
        Server.EmitBootReason(new GeneralDiagnostics.BootReasonEvent { BootReason = this.options.BootReason });
        upTimeTimer = Server.Time.CreateTimer(_ => UpdateUpTime(), null, UpTimeStep, UpTimeStep);
    }

    /// <summary>The cluster server: clients talk to this.</summary>
    public GeneralDiagnosticsServer Server { get; }

    /// <summary>The test event triggers this cluster fires.</summary>
    public TestEventTriggerRegistry Triggers { get; }

    /// <summary>
    /// TestEventTrigger: CONSTRAINT_ERROR for a key that is all zeros or does not match the node's (so always while
    /// triggers are disabled); INVALID_COMMAND for a code nobody handles, and for an event the device could not take
    /// (the statuses TC_TestEventTrigger checks; the reference SDK answers a refused event the same way).
    /// </summary>
    public ValueTask TestEventTriggerAsync(GeneralDiagnostics.TestEventTriggerRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (enableKey is null || !CryptographicOperations.FixedTimeEquals(request.EnableKey.Span, enableKey))
        {
            throw new MatterStatusException(MatterStatus.ConstraintError, "Test event triggers are disabled or the enable key does not match.");
        }

        var status = Triggers.Fire(request.EventTrigger);
        if (status != MatterStatus.Success)
        {
            throw new MatterStatusException(MatterStatus.InvalidCommand, $"Test event trigger 0x{request.EventTrigger:X16} was not taken ({status}).");
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>TimeSnapshot: milliseconds since start, and the UTC time in milliseconds since 1970 when it is known.</summary>
    public ValueTask<GeneralDiagnostics.TimeSnapshotResponse> TimeSnapshotAsync(GeneralDiagnostics.TimeSnapshotRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var now = Server.Time.GetUtcNow();
        return ValueTask.FromResult(new GeneralDiagnostics.TimeSnapshotResponse
        {
            SystemTimeMs = (ulong)Math.Max(0, (now - started).Ticks / TimeSpan.TicksPerMillisecond),
            PosixTimeMs = options.IsTimeSynchronized() ? (ulong)Math.Max(0, now.ToUnixTimeMilliseconds()) : null,
        });
    }

    /// <inheritdoc/>
    public void Dispose() => upTimeTimer.Dispose();

    // UpTime is changes-omitted (C): kept current for reads, never reported.
    private void UpdateUpTime() => Server.UpTime = (ulong)Math.Max(0, (Server.Time.GetUtcNow() - started).Ticks / TimeSpan.TicksPerSecond);
}
