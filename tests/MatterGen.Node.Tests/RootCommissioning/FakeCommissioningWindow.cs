using System;
using System.Collections.Generic;
using MatterGen.Node.Network;

namespace MatterGen.Node.Tests.RootCommissioning;

/// <summary>A commissioning window without a network: records what was opened, for how long, and closes on request.</summary>
internal sealed class FakeCommissioningWindow : ICommissioningWindow
{
    public CommissioningWindowKind Kind { get; private set; }

    public CommissioningSecret? Secret { get; private set; }

    public bool CanOpenBasic { get; set; } = true;

    public TimeSpan? LastTimeout { get; private set; }

    public List<CommissioningWindowKind> Changes { get; } = [];

    public event Action<CommissioningWindowKind>? KindChanged;

    public void OpenBasic(TimeSpan timeout)
    {
        if (!CanOpenBasic)
        {
            throw new InvalidOperationException("No onboarding secret.");
        }

        Open(CommissioningWindowKind.Basic, null, timeout);
    }

    public void OpenEnhanced(CommissioningSecret secret, TimeSpan timeout) => Open(CommissioningWindowKind.Enhanced, secret, timeout);

    public void Close()
    {
        if (Kind == CommissioningWindowKind.Closed)
        {
            return;
        }

        Kind = CommissioningWindowKind.Closed;
        Secret = null;
        Changes.Add(Kind);
        KindChanged?.Invoke(Kind);
    }

    private void Open(CommissioningWindowKind kind, CommissioningSecret? secret, TimeSpan timeout)
    {
        Kind = kind;
        Secret = secret;
        LastTimeout = timeout;
        Changes.Add(kind);
        KindChanged?.Invoke(kind);
    }
}
