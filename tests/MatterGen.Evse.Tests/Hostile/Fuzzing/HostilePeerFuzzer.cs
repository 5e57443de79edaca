using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Interaction;

namespace MatterGen.Evse.Tests.Hostile.Fuzzing;

/// <summary>
/// A hostile peer at the invoke/write/read layer: from one seed it sends valid, mutated and random payloads,
/// reads, and bursts that repeat what the device accepted, through an <see cref="IInteractionTransport"/> (in
/// process today; an Interaction Model message transport can take its place unchanged). After every operation
/// that failed or only read, it checks that nothing a peer can see changed (every attribute value and status,
/// the data version, the event log, the reading commands' answers) nor the store; one operation in fifty has
/// one of the device's own steps fail (a save, a clock read, a listener) to exercise the rollback; after every
/// one, that no exception escaped, that the status is a Matter status, and that the device's holdings stay
/// within their bounds.
/// </summary>
public sealed class HostilePeerFuzzer(IInteractionTransport peer, IFuzzTarget target)
{
    private const int MaximumFindings = 10;
    private readonly List<PeerOperation> accepted = new();
    private ulong nextEvent;

    /// <summary>Runs <paramref name="operations"/> operations from <paramref name="seed"/>.</summary>
    public async Task<FuzzReport> RunAsync(int seed, int operations)
    {
        var random = new Random(seed);
        var report = new FuzzReport(seed);
        var before = await ObserveAsync();
        var done = 0;
        while (done < operations && report.Findings.Count < MaximumFindings)
        {
            if (random.Next(64) == 0)
            {
                if (!await Guard(report, "device move", () => { target.MoveDevice(random); return Task.CompletedTask; }))
                {
                    continue;
                }

                before = await ObserveAsync();
                continue;
            }

            foreach (var operation in NextOperations(random))
            {
                done++;
                before = await StepAsync(report, operation, before, inject: random.Next(50) == 0 ? random : null);
            }
        }

        report.Operations = done;
        return report;
    }

    private async Task<Observation> StepAsync(FuzzReport report, PeerOperation operation, Observation before, Random? inject)
    {
        var status = MatterStatus.Success;
        bool escaped;
        using (inject is null ? null : target.InjectFailure(inject))
        {
            escaped = !await Guard(report, operation.ToString(), async () => status = await SendAsync(operation));
        }

        if (escaped)
        {
            return await ObserveAsync();
        }

        report.Count(operation, status);
        if (inject is not null && status != MatterStatus.Success)
        {
            report.InjectedFailures++;
        }

        if (!Enum.IsDefined(status))
        {
            report.Find($"{operation}: answered 0x{(byte)status:X2}, not a Matter status");
        }

        var after = await ObserveAsync();
        var changesNothing = status != MatterStatus.Success || operation.Kind is PeerOperationKind.Read or PeerOperationKind.ReadEvents;
        if (changesNothing && before.Differs(after) is { } difference)
        {
            report.Find($"{operation}: answered {status} but changed {difference}");
        }
        else if (status == MatterStatus.Success && operation.Kind is PeerOperationKind.Invoke or PeerOperationKind.Write && accepted.Count < 256)
        {
            accepted.Add(operation);
        }

        if (target.CheckBounds() is { } breach)
        {
            report.Find($"{operation}: {breach}");
        }

        return after;
    }

    private IEnumerable<PeerOperation> NextOperations(Random random)
    {
        var roll = random.Next(100);
        if (roll < 1 && accepted.Count > 0)
        {
            // A burst: the same accepted operation again and again, as a replaying or looping peer sends it.
            var repeated = accepted[random.Next(accepted.Count)] with { Origin = PayloadOrigin.Burst };
            return Enumerable.Repeat(repeated, random.Next(5, 51));
        }

        var timed = random.Next(20) != 0;
        if (roll < 64)
        {
            var command = random.Next(20) == 0 ? (uint)random.Next(0x100) : target.Commands[random.Next(target.Commands.Count)];
            var (fields, origin) = Payload(random, () => target.CommandFields(random, command));
            return [new PeerOperation(PeerOperationKind.Invoke, command, fields, timed, origin)];
        }

        var attribute = random.Next(20) == 0 ? (uint)random.Next(0x10000) : target.Attributes[random.Next(target.Attributes.Count)];
        if (roll < 80)
        {
            var (value, origin) = Payload(random, () => target.AttributeValue(random, attribute));
            return [new PeerOperation(PeerOperationKind.Write, attribute, value, timed, origin)];
        }

        if (roll < 95)
        {
            return [new PeerOperation(PeerOperationKind.Read, attribute, [], false, PayloadOrigin.Valid)];
        }

        return [new PeerOperation(PeerOperationKind.ReadEvents, (ulong)random.Next(0, 1000), [], false, PayloadOrigin.Valid)];
    }

    private static (byte[] Payload, PayloadOrigin Origin) Payload(Random random, Func<byte[]> valid)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 45 => (valid(), PayloadOrigin.Valid),
            < 85 => (PayloadMutator.Mutate(random, valid()), PayloadOrigin.Mutated),
            _ => (PayloadMutator.RandomBytes(random, 48), PayloadOrigin.Random),
        };
    }

    private async ValueTask<MatterStatus> SendAsync(PeerOperation operation)
    {
        switch (operation.Kind)
        {
            case PeerOperationKind.Invoke:
                return (await peer.InvokeAsync(target.Endpoint, target.ClusterId, (uint)operation.Id, operation.Payload, operation.Timed)).Status;
            case PeerOperationKind.Write:
                return await peer.WriteAttributeAsync(target.Endpoint, target.ClusterId, (uint)operation.Id, operation.Payload, operation.Timed);
            case PeerOperationKind.Read:
                return (await peer.ReadAttributeAsync(target.Endpoint, target.ClusterId, (uint)operation.Id)).Status;
            default:
                await peer.ReadEventsAsync(target.Endpoint, target.ClusterId, operation.Id);
                return MatterStatus.Success;
        }
    }

    private static async Task<bool> Guard(FuzzReport report, string what, Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception exception)
        {
            report.Find($"{what}: {exception.GetType().Name} escaped: {exception.Message}");
            return false;
        }
    }

    /// <summary>Everything a peer can see, read through the peer's own operations.</summary>
    private async Task<Observation> ObserveAsync()
    {
        var reads = new AttributeReadResult[target.Attributes.Count];
        for (var i = 0; i < reads.Length; i++)
        {
            reads[i] = await peer.ReadAttributeAsync(target.Endpoint, target.ClusterId, target.Attributes[i]);
        }

        var answers = new InvokeResult[target.ReadingCommands.Count];
        for (var i = 0; i < answers.Length; i++)
        {
            var (command, fields) = target.ReadingCommands[i];
            answers[i] = await peer.InvokeAsync(target.Endpoint, target.ClusterId, command, fields, timed: true);
        }

        var events = await peer.ReadEventsAsync(target.Endpoint, target.ClusterId, nextEvent);
        if (events.Count > 0)
        {
            nextEvent = events[^1].EventNumber + 1;
        }

        return new Observation(target.Attributes, reads, answers, events.Count, target.StoreFingerprint);
    }

    /// <summary>One look at the device; <see cref="Differs"/> names what changed between two looks.</summary>
    private sealed record Observation(IReadOnlyList<uint> Ids, AttributeReadResult[] Reads, InvokeResult[] Answers, int NewEvents, long StoreFingerprint)
    {
        public string? Differs(Observation after)
        {
            if (after.NewEvents > 0)
            {
                return $"the event log ({after.NewEvents} new event(s))";
            }

            if (after.StoreFingerprint != StoreFingerprint)
            {
                return "the store's contents";
            }

            for (var i = 0; i < Reads.Length; i++)
            {
                var (a, b) = (Reads[i], after.Reads[i]);
                if (a.Status != b.Status || !a.Value.Span.SequenceEqual(b.Value.Span))
                {
                    return $"attribute 0x{Ids[i]:X4} ({a.Status} {Convert.ToHexString(a.Value.Span)} -> {b.Status} {Convert.ToHexString(b.Value.Span)})";
                }

                if (a.DataVersion != b.DataVersion)
                {
                    return $"the data version ({a.DataVersion} -> {b.DataVersion})";
                }
            }

            for (var i = 0; i < Answers.Length; i++)
            {
                if (Answers[i].Status != after.Answers[i].Status || !Answers[i].Response.Span.SequenceEqual(after.Answers[i].Response.Span))
                {
                    return $"a reading command's answer ({Convert.ToHexString(Answers[i].Response.Span)} -> {Convert.ToHexString(after.Answers[i].Response.Span)})";
                }
            }

            return null;
        }
    }
}
