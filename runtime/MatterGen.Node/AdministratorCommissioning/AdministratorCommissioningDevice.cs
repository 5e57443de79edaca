using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.Node.Network;
using MatterGen.Transport.Crypto;
using MatterGen.Transport.SecureChannel;
using Admin = MatterGen.Node.Clusters.AdministratorCommissioning;

namespace MatterGen.Node.AdministratorCommissioning;

/// <summary>
/// Administrator Commissioning (Core Specification 11.19): an administrator of a fabric opens an enhanced window
/// (a verifier it chose) or a basic one (the node's onboarding passcode) for 180 to 900 seconds, or revokes it.
/// WindowStatus follows the node's window, whoever opened it; AdminFabricIndex and AdminVendorId name the
/// administrator that opened it through this cluster and are null otherwise. What belongs to others comes in
/// through small hooks: the window (<see cref="Attach"/>, a <see cref="MatterDeviceHost"/> does it), the fabric's
/// vendor id, and the General Commissioning fail-safe (<see cref="ConnectFailSafe"/>).
/// </summary>
public sealed class AdministratorCommissioningDevice : IAdministratorCommissioningServerDriver, IDisposable
{
    /// <summary>The shortest window an administrator may open (Core Specification 5.4.2.3).</summary>
    public static readonly TimeSpan MinCommissioningTimeout = TimeSpan.FromSeconds(180);

    /// <summary>The longest window an administrator may open.</summary>
    public static readonly TimeSpan MaxCommissioningTimeout = TimeSpan.FromSeconds(900);

    private const int MinSaltLength = 16;
    private const int MaxSaltLength = 32;

    private readonly object gate = new();
    private ICommissioningWindow? window;
    private Func<byte, ushort?> vendorOf = static _ => null;
    private Func<bool> isFailSafeArmed = static () => false;
    private Action expireFailSafe = static () => { };

    // Whose administrator opened the current window through this cluster (0: nobody, or the node itself).
    private byte openedByFabric;

    /// <summary>Creates the cluster with no window attached: until one is, opening a window fails.</summary>
    /// <param name="serverOptions">The server's endpoint (0), clock and store.</param>
    public AdministratorCommissioningDevice(ClusterServerOptions? serverOptions = null)
    {
        Server = new AdministratorCommissioningServer(this, serverOptions ?? new ClusterServerOptions { Endpoint = 0 });
    }

    /// <summary>The cluster server: clients talk to this.</summary>
    public AdministratorCommissioningServer Server { get; }

    /// <summary>
    /// Attaches the node's commissioning window (replacing an earlier one) and how to find a fabric's vendor id (the
    /// AdminVendorId its AddNOC gave), and shows the window's current state.
    /// </summary>
    public void Attach(ICommissioningWindow commissioningWindow, Func<byte, ushort?> fabricVendorId)
    {
        ArgumentNullException.ThrowIfNull(commissioningWindow);
        ArgumentNullException.ThrowIfNull(fabricVendorId);
        lock (gate)
        {
            if (window is not null)
            {
                window.KindChanged -= OnKindChanged;
            }

            window = commissioningWindow;
            vendorOf = fabricVendorId;
            window.KindChanged += OnKindChanged;
        }

        OnKindChanged(commissioningWindow.Kind);
    }

    /// <summary>
    /// Connects the General Commissioning fail-safe: <paramref name="isArmed"/> tells whether one is armed (a window
    /// cannot open then: BUSY), <paramref name="expire"/> expires it at once with its clean-up (RevokeCommissioning
    /// does that while a window is open). Without it the fail-safe counts as never armed.
    /// </summary>
    public void ConnectFailSafe(Func<bool> isArmed, Action expire)
    {
        ArgumentNullException.ThrowIfNull(isArmed);
        ArgumentNullException.ThrowIfNull(expire);
        lock (gate)
        {
            isFailSafeArmed = isArmed;
            expireFailSafe = expire;
        }
    }

    /// <summary>A fabric was removed: if its administrator opened the window, AdminFabricIndex becomes null (the window stays).</summary>
    public void RemoveFabric(byte fabricIndex)
    {
        lock (Server.SyncRoot)
        {
            lock (gate)
            {
                if (openedByFabric != fabricIndex || fabricIndex == 0)
                {
                    return;
                }

                openedByFabric = 0;
            }

            Server.AdminFabricIndex = null;
        }
    }

    /// <summary>
    /// OpenCommissioningWindow: BUSY (cluster status) while a window is open or a fail-safe is armed;
    /// PAKE_PARAMETER_ERROR for a verifier that is not 97 bytes with L on P-256, iterations outside 1000 to 100000 or
    /// a salt outside 16 to 32 bytes; INVALID_COMMAND for a timeout outside 180 to 900 seconds.
    /// </summary>
    public ValueTask OpenCommissioningWindowAsync(Admin.OpenCommissioningWindowRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var target = Prepare(context);
        var secret = SecretOf(request);
        var timeout = Timeout(request.CommissioningTimeout);
        target.OpenEnhanced(secret, timeout);
        MarkOpenedBy(context.FabricIndex);
        return ValueTask.CompletedTask;
    }

    /// <summary>OpenBasicCommissioningWindow: the node's onboarding passcode; BUSY and INVALID_COMMAND as for the enhanced window.</summary>
    public ValueTask OpenBasicCommissioningWindowAsync(Admin.OpenBasicCommissioningWindowRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var target = Prepare(context);
        var timeout = Timeout(request.CommissioningTimeout);
        if (!target.CanOpenBasic)
        {
            throw new MatterStatusException(MatterStatus.Failure, "The node does not know its onboarding passcode's verifier.");
        }

        target.OpenBasic(timeout);
        MarkOpenedBy(context.FabricIndex);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// RevokeCommissioning: WINDOW_NOT_OPEN (cluster status) when no window is open; otherwise an armed fail-safe
    /// expires (rolling back what the commissioner added), and the window closes with its PASE session.
    /// </summary>
    public ValueTask RevokeCommissioningAsync(Admin.RevokeCommissioningRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ICommissioningWindow? target;
        Func<bool> armed;
        Action expire;
        lock (gate)
        {
            target = window;
            armed = isFailSafeArmed;
            expire = expireFailSafe;
        }

        if (target is null || target.Kind == CommissioningWindowKind.Closed)
        {
            throw ClusterFailure(Admin.StatusCode.WindowNotOpen, "No commissioning window is open.");
        }

        if (armed())
        {
            expire();
        }

        target.Close();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (gate)
        {
            if (window is not null)
            {
                window.KindChanged -= OnKindChanged;
                window = null;
            }
        }
    }

    // The checks both open commands share: an administrator of a fabric, no window open, no fail-safe armed.
    private ICommissioningWindow Prepare(RequestContext context)
    {
        if (context.FabricIndex == 0)
        {
            throw new MatterStatusException(MatterStatus.UnsupportedAccess, "Only an administrator of a fabric opens a commissioning window.");
        }

        ICommissioningWindow? target;
        Func<bool> armed;
        lock (gate)
        {
            target = window;
            armed = isFailSafeArmed;
        }

        if (target is null)
        {
            throw new MatterStatusException(MatterStatus.Failure, "The node is not on a network: it has no commissioning window to open.");
        }

        if (target.Kind != CommissioningWindowKind.Closed)
        {
            throw ClusterFailure(Admin.StatusCode.Busy, "A commissioning window is already open.");
        }

        if (armed())
        {
            throw ClusterFailure(Admin.StatusCode.Busy, "A fail-safe is armed: a commissioning is under way.");
        }

        return target;
    }

    private static CommissioningSecret SecretOf(Admin.OpenCommissioningWindowRequest request)
    {
        if (request.Iterations is < PbkdfParameters.MinimumIterations or > PbkdfParameters.MaximumIterations)
        {
            throw ClusterFailure(Admin.StatusCode.PAKEParameterError, $"PBKDF iterations are {PbkdfParameters.MinimumIterations} to {PbkdfParameters.MaximumIterations}.");
        }

        if (request.Salt.Length is < MinSaltLength or > MaxSaltLength)
        {
            throw ClusterFailure(Admin.StatusCode.PAKEParameterError, "The PBKDF salt has 16 to 32 bytes.");
        }

        PaseVerifier verifier;
        try
        {
            verifier = PaseVerifier.Deserialize(request.PAKEPasscodeVerifier.Span);
        }
        catch (ArgumentException exception)
        {
            throw ClusterFailure(Admin.StatusCode.PAKEParameterError, exception.Message);
        }

        // The discriminator's 12 bits are the definition's constraint: the decoder already refused more.
        return new CommissioningSecret(verifier, request.Salt.ToArray(), request.Iterations, request.Discriminator);
    }

    private static TimeSpan Timeout(ushort seconds)
    {
        var timeout = TimeSpan.FromSeconds(seconds);
        if (timeout < MinCommissioningTimeout || timeout > MaxCommissioningTimeout)
        {
            throw new MatterStatusException(MatterStatus.InvalidCommand, "A commissioning window is open 180 to 900 seconds.");
        }

        return timeout;
    }

    private static MatterStatusException ClusterFailure(Admin.StatusCode code, string message) =>
        new(MatterStatus.Failure, message, (byte)code);

    // Called after the window opened (its KindChanged already showed the kind): the administrator who opened it.
    private void MarkOpenedBy(byte fabricIndex)
    {
        ushort? vendor;
        lock (gate)
        {
            vendor = vendorOf(fabricIndex);
            openedByFabric = fabricIndex;
        }

        lock (Server.SyncRoot)
        {
            Server.AdminFabricIndex = fabricIndex;
            Server.AdminVendorId = vendor;
        }
    }

    private void OnKindChanged(CommissioningWindowKind kind)
    {
        lock (Server.SyncRoot)
        {
            lock (gate)
            {
                // Any change of window ends what an administrator opened before; MarkOpenedBy names the new one.
                openedByFabric = 0;
            }

            Server.WindowStatus = kind switch
            {
                CommissioningWindowKind.Basic => Admin.CommissioningWindowStatusEnum.BasicWindowOpen,
                CommissioningWindowKind.Enhanced => Admin.CommissioningWindowStatusEnum.EnhancedWindowOpen,
                _ => Admin.CommissioningWindowStatusEnum.WindowNotOpen,
            };
            Server.AdminFabricIndex = null;
            Server.AdminVendorId = null;
        }
    }
}
