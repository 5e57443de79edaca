using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Tests.Clusters;

namespace MatterGen.InteractionModel.Tests.Support;

/// <summary>The test cluster's device logic: Ping records an event, Echo answers, Unlock and Reset count.</summary>
public sealed class TestDriver : IInteractionTestServerDriver
{
    private int pings;

    public InteractionTestServer? Server { get; set; }

    public int Unlocks { get; private set; }

    public ValueTask PingAsync(InteractionTest.PingRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Server?.EmitPinged(new InteractionTest.PingedEvent { Count = (ushort)Interlocked.Increment(ref pings) });
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
