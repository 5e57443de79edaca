using System;
using System.Threading.Tasks;
using MatterGen.Interaction;
using Xunit;

namespace MatterGen.Evse.Tests.Hostile;

/// <summary>
/// Fails every step of one operation in turn: a dry run on a fresh bed counts the steps the operation takes through the
/// bed's seams (<see cref="FaultPlan"/>); then, on a fresh bed per step, that step throws, and whenever the operation
/// answers a failure, what <c>observe</c> sees must be exactly as before.
/// </summary>
internal static class FaultSweep
{
    /// <summary>What a sweep found: the steps counted, what the dry run changed, and how many failures reached the peer.</summary>
    /// <param name="Steps">The steps the dry run took.</param>
    /// <param name="DryBefore">The observation before the dry run.</param>
    /// <param name="DryAfter">The observation after it (it succeeded).</param>
    /// <param name="Failed">The runs in which the injected failure made the operation answer a failure.</param>
    public sealed record Result(int Steps, string DryBefore, string DryAfter, int Failed);

    public static async Task<Result> RunAsync(string operation, Func<Task<HostileBed>> prepare, Func<HostileBed, Task<MatterStatus>> run, Func<HostileBed, Task<string>> observe)
    {
        int steps;
        string dryBefore, dryAfter;
        using (var dry = await prepare())
        {
            dryBefore = await observe(dry);
            dry.Plan.Arm();
            Assert.Equal(MatterStatus.Success, await run(dry));
            dry.Plan.Disarm();
            steps = dry.Plan.Steps;
            dryAfter = await observe(dry);
        }

        var failed = 0;
        for (var step = 1; step <= steps; step++)
        {
            using var bed = await prepare();
            var before = await observe(bed);
            bed.Plan.Arm(failAt: step);
            var status = await run(bed);
            bed.Plan.Disarm();
            if (status != MatterStatus.Success)
            {
                failed++;
                var after = await observe(bed);
                Assert.True(before == after, $"{operation}: failing step {step} of {steps} ({string.Join(", ", bed.Plan.Trace)}) answered {status} but changed the device:\n{before}\n---\n{after}");
            }
        }

        return new Result(steps, dryBefore, dryAfter, failed);
    }
}
