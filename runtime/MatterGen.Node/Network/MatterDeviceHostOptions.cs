using System;
using MatterGen.Commissioning.Discovery;
using MatterGen.InteractionModel.Server;
using MatterGen.Transport;
using MatterGen.Transport.Udp;

namespace MatterGen.Node.Network;

/// <summary>How a <see cref="MatterDeviceHost"/> puts a node on the network.</summary>
public sealed record MatterDeviceHostOptions
{
    /// <summary>The clock of the transport, the commissioning window and the Interaction Model.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The UDP port of <see cref="MatterDeviceHost.CreateUdp"/>: 5540 by default, 0 for an ephemeral one.</summary>
    public int Port { get; init; } = UdpDatagramTransport.DefaultPort;

    /// <summary>Binds an IPv4 socket instead of a dual-stack IPv6 one.</summary>
    public bool ForceIPv4 { get; init; }

    /// <summary>The secure transport's limits (sessions, exchanges, queues).</summary>
    public SecureTransportOptions Transport { get; init; } = new();

    /// <summary>
    /// The Interaction Model's limits; null uses the defaults on <see cref="Time"/>. Given ones must run on
    /// <see cref="Time"/> too (one clock for the whole node).
    /// </summary>
    public InteractionServerOptions? Interaction { get; init; }

    /// <summary>
    /// How long a commissioning window stays open at most. The spec asks for at least 3 minutes and allows at most
    /// 15 (Core Specification 5.4.2.3 and 11.19.8.1); 15 minutes is the default.
    /// </summary>
    public TimeSpan CommissioningTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The secret of the node's onboarding payload (its setup passcode), for basic commissioning windows opened
    /// through the Administrator Commissioning cluster after a restart; null until
    /// <see cref="MatterDeviceHost.OpenCommissioningWindow"/> gives one.
    /// </summary>
    public CommissioningSecret? OnboardingSecret { get; init; }

    /// <summary>
    /// Whether CASE checks certificates' validity periods against <see cref="Time"/>. Leave it on unless the node
    /// has no trustworthy time source yet.
    /// </summary>
    public bool CheckCertificateValidity { get; init; } = true;

    /// <summary>
    /// Where the host makes itself found (DNS-SD over mDNS, Core Specification 4.3): the commissionable instance while
    /// a window is open, an operational instance per fabric. Null advertises nothing (a controller must know the
    /// address). The caller owns it (for example an <see cref="MdnsMatterAdvertiser"/> on a started <see cref="MdnsResponder"/>).
    /// </summary>
    public IMatterAdvertiser? Advertiser { get; init; }

    /// <summary>DT in the commissionable advertisement; null uses the first device type of the first application endpoint.</summary>
    public uint? AdvertisedDeviceType { get; init; }

    /// <summary>DN in the commissionable advertisement (at most 32 bytes of UTF-8); null leaves it out.</summary>
    public string? AdvertisedDeviceName { get; init; }

    /// <summary>Where the host logs what it could not do (an advertisement that failed); null logs nothing.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? Loggers { get; init; }
}
