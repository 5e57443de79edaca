using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Tests.Clusters;

namespace MatterGen.InteractionModel.Tests.Support;

/// <summary>The test cluster's device logic: Ping records an event, Echo answers, Unlock and Reset count.</summary>
public sealed class TestDriver : IInteractionTestServerDriver
{
    private readonly TaskCompletionSource pinged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int pings;

    /// <summary>Completes at the first Ping.</summary>
    public Task FirstPing => pinged.Task;

    public InteractionTestServer? Server { get; set; }

    public int Unlocks { get; private set; }

    public ValueTask PingAsync(InteractionTest.PingRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Server?.EmitPinged(new InteractionTest.PingedEvent { Count = (ushort)Interlocked.Increment(ref pings) });
        pinged.TrySetResult();
        return ValueTask.CompletedTask;
    }

    public ValueTask<InteractionTest.EchoResponse> EchoAsync(InteractionTest.EchoRequest request, RequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new InteractionTest.EchoResponse { Value = request.Value });

    public ValueTask UnlockAsync(InteractionTest.UnlockRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Unlocks++;
        return ValueTask.CompletedTask;
    }

    public ValueTask ResetAsync(InteractionTest.ResetRequest request, RequestContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
