using System;
using System.Threading;
using System.Threading.Tasks;

namespace MatterGen.Commissioning.Discovery;

/// <summary>Matter's advertisements on an <see cref="MdnsResponder"/>.</summary>
public sealed class MdnsMatterAdvertiser : IMatterAdvertiser
{
    private readonly MdnsResponder responder;
    private string? commissionable;

    /// <summary>Advertises through <paramref name="responder"/> (started by the caller, who also disposes it).</summary>
    public MdnsMatterAdvertiser(MdnsResponder responder) => this.responder = responder ?? throw new ArgumentNullException(nameof(responder));

    /// <inheritdoc />
    public async Task AdvertiseCommissionableAsync(CommissionableAdvertisement advertisement, CancellationToken cancellationToken = default)
    {
        var instance = MatterServiceRecords.Commissionable(advertisement, responder.HostName);
        var previous = Interlocked.Exchange(ref commissionable, instance.FullName);
        if (previous is not null && !string.Equals(previous, instance.FullName, StringComparison.OrdinalIgnoreCase))
        {
            await responder.RemoveAsync(previous, cancellationToken).ConfigureAwait(false);
        }

        await responder.AddAsync(instance, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task WithdrawCommissionableAsync(CancellationToken cancellationToken = default) =>
        Interlocked.Exchange(ref commissionable, null) is { } name ? responder.RemoveAsync(name, cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    public Task AdvertiseOperationalAsync(OperationalAdvertisement advertisement, CancellationToken cancellationToken = default) =>
        responder.AddAsync(MatterServiceRecords.Operational(advertisement, responder.HostName), cancellationToken);

    /// <inheritdoc />
    public Task WithdrawOperationalAsync(ulong compressedFabricId, ulong nodeId, CancellationToken cancellationToken = default) =>
        responder.RemoveAsync($"{new OperationalAdvertisement(compressedFabricId, nodeId, 0).InstanceName}.{MatterServiceRecords.OperationalService}", cancellationToken);
}
