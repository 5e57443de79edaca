using System;

namespace MatterGen.Node.Network;

/// <summary>Which commissioning window is open, if any.</summary>
public enum CommissioningWindowKind
{
    /// <summary>No window: PASE is refused.</summary>
    Closed,

    /// <summary>A window for the node's own onboarding passcode (Basic Commissioning Method).</summary>
    Basic,

    /// <summary>A window for a passcode an administrator chose, given as its verifier (Enhanced Commissioning Method).</summary>
    Enhanced,
}

/// <summary>
/// The node's commissioning window as the Administrator Commissioning cluster and the advertiser see it: what is
/// open, opening a basic or enhanced window for a bounded time, and closing it (which ends its PASE session).
/// <see cref="MatterDeviceHost.CommissioningWindow"/> is the one of a node on the network.
/// </summary>
public interface ICommissioningWindow
{
    /// <summary>What is open now.</summary>
    CommissioningWindowKind Kind { get; }

    /// <summary>The secret of the open window (its discriminator is the one to advertise); null when closed.</summary>
    CommissioningSecret? Secret { get; }

    /// <summary>True when the node knows its onboarding secret, so a basic window can be opened.</summary>
    bool CanOpenBasic { get; }

    /// <summary>Raised after the window opened, closed or was replaced, with the new kind; never under a lock of the window.</summary>
    event Action<CommissioningWindowKind>? KindChanged;

    /// <summary>Opens a basic window with the onboarding secret (closing any open one) for <paramref name="timeout"/>.</summary>
    /// <exception cref="InvalidOperationException">The onboarding secret is not known (<see cref="CanOpenBasic"/> is false).</exception>
    void OpenBasic(TimeSpan timeout);

    /// <summary>Opens an enhanced window with <paramref name="secret"/> (closing any open one) for <paramref name="timeout"/>.</summary>
    void OpenEnhanced(CommissioningSecret secret, TimeSpan timeout);

    /// <summary>Closes the window and the PASE session made through it; nothing happens when it is closed.</summary>
    void Close();
}
