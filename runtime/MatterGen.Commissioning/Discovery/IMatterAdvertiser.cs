using System.Threading;
using System.Threading.Tasks;

namespace MatterGen.Commissioning.Discovery;

/// <summary>
/// What the node's commissioning code calls to be found: the commissionable advertisement while a commissioning
/// window is open, and one operational advertisement per fabric from AddNOC on.
/// </summary>
public interface IMatterAdvertiser
{
    /// <summary>Advertises (or re-advertises with new values) the open commissioning window.</summary>
    Task AdvertiseCommissionableAsync(CommissionableAdvertisement advertisement, CancellationToken cancellationToken = default);

    /// <summary>Withdraws the commissionable advertisement (window closed or timed out); nothing happens when none is advertised.</summary>
    Task WithdrawCommissionableAsync(CancellationToken cancellationToken = default);

    /// <summary>Advertises the node on a fabric (right after AddNOC, and at start for every stored fabric).</summary>
    Task AdvertiseOperationalAsync(OperationalAdvertisement advertisement, CancellationToken cancellationToken = default);

    /// <summary>Withdraws the node's advertisement on a fabric (RemoveFabric, or a fail-safe rollback of AddNOC).</summary>
    Task WithdrawOperationalAsync(ulong compressedFabricId, ulong nodeId, CancellationToken cancellationToken = default);
}
