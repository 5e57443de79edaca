using System;
using System.Collections.Generic;
using MatterGen.Interaction;

namespace MatterGen.TestEvents;

/// <summary>
/// The test event triggers a node answers to: 64-bit codes that certification tests send through General
/// Diagnostics' TestEventTrigger command. Any cluster's device code registers its codes here (Energy EVSE uses
/// 0x0099_0000_0000_00xx: the cluster id in the top 16 bits); General Diagnostics fires them once the enable key
/// matched. A code is owned by one handler at a time.
/// </summary>
public sealed class TestEventTriggerRegistry
{
    /// <summary>
    /// Bits 32 to 47 of a trigger that the test plans use to name an endpoint. A trigger that matches no code as
    /// sent is looked up again with these bits cleared, so a device registers its codes once, endpoint-free.
    /// </summary>
    public const ulong EndpointMask = 0x0000_FFFF_0000_0000;

    private readonly object gate = new();
    private readonly Dictionary<ulong, Func<MatterStatus>> handlers = new();

    /// <summary>The registered codes, in ascending order.</summary>
    public IReadOnlyList<ulong> Codes
    {
        get
        {
            lock (gate)
            {
                var codes = new List<ulong>(handlers.Keys);
                codes.Sort();
                return codes;
            }
        }
    }

    /// <summary>
    /// Registers the handler of one code. The handler returns <see cref="MatterStatus.Success"/> when the
    /// event took effect. Disposing the result removes the registration.
    /// </summary>
    /// <exception cref="InvalidOperationException">The code already has a handler.</exception>
    public IDisposable Register(ulong code, Func<MatterStatus> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (gate)
        {
            if (!handlers.TryAdd(code, handler))
            {
                throw new InvalidOperationException($"Test event trigger 0x{code:X16} already has a handler.");
            }
        }

        return new Registration(this, code, handler);
    }

    /// <summary>
    /// Runs the handler of <paramref name="trigger"/>: the handler's status, or
    /// <see cref="MatterStatus.InvalidCommand"/> when no handler has the code (General Diagnostics answers an
    /// unknown trigger that way).
    /// </summary>
    public MatterStatus Fire(ulong trigger)
    {
        Func<MatterStatus>? handler;
        lock (gate)
        {
            if (!handlers.TryGetValue(trigger, out handler))
            {
                handlers.TryGetValue(trigger & ~EndpointMask, out handler);
            }
        }

        return handler is null ? MatterStatus.InvalidCommand : handler();
    }

    private void Unregister(ulong code, Func<MatterStatus> handler)
    {
        lock (gate)
        {
            // Only the registration that added it may take it away again.
            if (handlers.TryGetValue(code, out var current) && current == handler)
            {
                handlers.Remove(code);
            }
        }
    }

    private sealed class Registration(TestEventTriggerRegistry registry, ulong code, Func<MatterStatus> handler) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (System.Threading.Interlocked.Exchange(ref disposed, 1) == 0)
            {
                registry.Unregister(code, handler);
            }
        }
    }
}
