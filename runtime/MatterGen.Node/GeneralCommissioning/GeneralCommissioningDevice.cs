using System;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.Messaging;
using Gc = MatterGen.Node.Clusters.GeneralCommissioning;

namespace MatterGen.Node.GeneralCommissioning;

/// <summary>
/// The node's General Commissioning (Core Specification 11.10): publishes the fail-safe lengths, the regulatory
/// location and concurrent-connection support, and runs ArmFailSafe, SetRegulatoryConfig and CommissioningComplete
/// against the node's <see cref="FailSafeContext"/>. When the fail-safe ends without completing, Breadcrumb goes
/// back to 0 and RegulatoryConfig to what it was when the fail-safe was armed; CommissioningComplete also resets
/// Breadcrumb.
/// </summary>
public sealed class GeneralCommissioningDevice : IGeneralCommissioningServerDriver
{
    private readonly GeneralCommissioningOptions options;
    private Gc.RegulatoryLocationTypeEnum regulatoryAtArming;

    internal GeneralCommissioningDevice(FailSafeContext failSafe, GeneralCommissioningOptions options, ClusterServerOptions serverOptions)
    {
        FailSafe = failSafe;
        this.options = options;
        Server = new GeneralCommissioningServer(this, serverOptions)
        {
            BasicCommissioningInfo = new Gc.BasicCommissioningInfo
            {
                FailSafeExpiryLengthSeconds = options.FailSafeExpiryLengthSeconds,
                MaxCumulativeFailsafeSeconds = options.MaxCumulativeFailsafeSeconds,
            },
            LocationCapability = options.LocationCapability,
            RegulatoryConfig = options.LocationCapability,

            // On IP the commissioning channel and the operational network are the same network (Core Specification 11.10.5.5).
            SupportsConcurrentConnection = true,
        };
        failSafe.Armed += () => Server.Atomically(() => regulatoryAtArming = Server.RegulatoryConfig);
        failSafe.Ended += OnFailSafeEnded;
    }

    /// <summary>The cluster server on the root endpoint.</summary>
    public GeneralCommissioningServer Server { get; }

    /// <summary>The fail-safe the commands arm and complete.</summary>
    public FailSafeContext FailSafe { get; }

    /// <summary>ArmFailSafe: arms, extends or (0 s) disarms; on success the Breadcrumb takes the request's value (not on a disarm, which resets it).</summary>
    public ValueTask<Gc.ArmFailSafeResponse> ArmFailSafeAsync(Gc.ArmFailSafeRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var error = FailSafe.Arm(request.ExpiryLengthSeconds, SubjectOf(context), context.Session);
        if (error == Gc.CommissioningErrorEnum.OK && request.ExpiryLengthSeconds != 0)
        {
            Server.Breadcrumb = request.Breadcrumb;
        }

        return ValueTask.FromResult(new Gc.ArmFailSafeResponse { ErrorCode = error, DebugText = DebugText(error) });
    }

    /// <summary>
    /// SetRegulatoryConfig: ValueOutsideRange when the node cannot be installed there (LocationCapability is not
    /// IndoorOutdoor and differs), CONSTRAINT_ERROR for a location out of range or a country code that is not two
    /// characters; otherwise the configuration and the Breadcrumb are set.
    /// </summary>
    public ValueTask<Gc.SetRegulatoryConfigResponse> SetRegulatoryConfigAsync(Gc.SetRegulatoryConfigRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.NewRegulatoryConfig > Gc.RegulatoryLocationTypeEnum.IndoorOutdoor || request.CountryCode.Length != 2)
        {
            throw new MatterStatusException(MatterStatus.ConstraintError, "NewRegulatoryConfig is 0 to 2 and CountryCode has two characters.");
        }

        var capability = Server.LocationCapability;
        if (capability != Gc.RegulatoryLocationTypeEnum.IndoorOutdoor && request.NewRegulatoryConfig != capability)
        {
            const Gc.CommissioningErrorEnum outside = Gc.CommissioningErrorEnum.ValueOutsideRange;
            return ValueTask.FromResult(new Gc.SetRegulatoryConfigResponse { ErrorCode = outside, DebugText = DebugText(outside) });
        }

        Server.RegulatoryConfig = request.NewRegulatoryConfig;
        Server.Breadcrumb = request.Breadcrumb;
        return ValueTask.FromResult(new Gc.SetRegulatoryConfigResponse { ErrorCode = Gc.CommissioningErrorEnum.OK, DebugText = string.Empty });
    }

    /// <summary>CommissioningComplete: only over CASE of the fail-safe's fabric; commits and ends the fail-safe.</summary>
    public ValueTask<Gc.CommissioningCompleteResponse> CommissioningCompleteAsync(Gc.CommissioningCompleteRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var error = FailSafe.Complete(SubjectOf(context));
        return ValueTask.FromResult(new Gc.CommissioningCompleteResponse { ErrorCode = error, DebugText = DebugText(error) });
    }

    // A local request (no session) acts as the node itself: a CASE-less subject of the context's fabric.
    private static SubjectDescriptor SubjectOf(RequestContext context) =>
        context.Subject ?? new SubjectDescriptor(SessionAuthMode.None, 0, context.FabricIndex);

    private static string DebugText(Gc.CommissioningErrorEnum error) => error switch
    {
        Gc.CommissioningErrorEnum.OK => string.Empty,
        Gc.CommissioningErrorEnum.BusyWithOtherAdmin => "The fail-safe is armed for another fabric, or a commissioning window is open.",
        Gc.CommissioningErrorEnum.NoFailSafe => "No fail-safe is armed.",
        Gc.CommissioningErrorEnum.InvalidAuthentication => "CommissioningComplete needs a CASE session of the fabric being commissioned.",
        Gc.CommissioningErrorEnum.ValueOutsideRange => "The node cannot be installed at that location.",
        _ => error.ToString(),
    };

    private void OnFailSafeEnded(FailSafeEnd reason) => Server.Atomically(() =>
    {
        Server.Breadcrumb = 0;
        if (reason != FailSafeEnd.Completed)
        {
            Server.RegulatoryConfig = regulatoryAtArming;
        }
    });
}
