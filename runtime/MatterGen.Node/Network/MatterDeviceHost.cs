using System;
using System.Net;
using System.Threading.Tasks;
using MatterGen.InteractionModel.Server;
using MatterGen.Transport;
using MatterGen.Transport.Fabrics;
using MatterGen.Transport.SecureChannel;
using MatterGen.Transport.Udp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MatterGen.Node.Network;

/// <summary>
/// A <see cref="MatterNode"/> on the network: a <see cref="SecureTransport"/> over UDP (or any datagram transport)
/// answering PASE within a commissioning window and CASE for the fabrics of a <see cref="FabricTable"/>, and an
/// <see cref="InteractionServer"/> serving the node on every secure session. Access control is the node's: a PASE
/// session of the commissioning window is the commissioner (implicit Administer), a CASE session needs an ACL entry.
/// </summary>
public sealed class MatterDeviceHost : IAsyncDisposable
{
    private static readonly TimeSpan MinCommissioningTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan MaxCommissioningTimeout = TimeSpan.FromMinutes(15);

    private readonly CommissioningWindowManager commissioning;
    private readonly CaseResponder caseResponder;
    private readonly HostAdvertising? advertising;
    private readonly object gate = new();
    private bool started;
    private bool disposed;

    /// <summary>
    /// Puts <paramref name="node"/> on <paramref name="datagrams"/> (the host owns and disposes them); call <see cref="Start"/>.
    /// CASE answers for the node's fabrics (<see cref="MatterNode.Fabrics"/>, from <see cref="MatterNodeOptions.Fabrics"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The options' commissioning timeout is outside 3 to 15 minutes, or their Interaction Model clock is not <see cref="MatterDeviceHostOptions.Time"/>.</exception>
    public MatterDeviceHost(MatterNode node, IDatagramTransport datagrams, MatterDeviceHostOptions? options = null)
    {
        Node = node ?? throw new ArgumentNullException(nameof(node));
        Fabrics = node.Fabrics;
        ArgumentNullException.ThrowIfNull(datagrams);
        Options = options ?? new MatterDeviceHostOptions();
        ValidateCommissioningTimeout(Options.CommissioningTimeout, nameof(options));
        var interactionOptions = Options.Interaction ?? new InteractionServerOptions { Time = Options.Time };
        if (!ReferenceEquals(interactionOptions.Time, Options.Time))
        {
            throw new ArgumentException("The Interaction Model's options run on another clock than the host's.", nameof(options));
        }

        Transport = new SecureTransport(datagrams, Options.Time, Options.Transport);
        var pase = new PaseResponder(Transport);
        caseResponder = new CaseResponder(Transport, Fabrics) { CheckValidityPeriods = Options.CheckCertificateValidity };
        _ = new SecureChannelHandler(Transport, pase, caseResponder);
        commissioning = new CommissioningWindowManager(pase, Options.Time, Node.Commissioning.BeginPase) { OnboardingSecret = Options.OnboardingSecret };
        Interaction = new InteractionServer(Node, interactionOptions);
        AttachAdministratorCommissioning();
        Transport.AddHandler(Interaction);

        // The node's commissioning meets the network here: the fail-safe asks whether a window is open (ArmFailSafe
        // over CASE is then refused), a fabric that leaves takes its sessions with it, and completed commissioning
        // closes the window.
        Node.Commissioning.FailSafe.CommissioningWindowOpen = () => commissioning.IsOpen;
        Fabrics.FabricRemoved += CloseSessionsOf;
        Node.Commissioning.Completed += CloseCommissioningWindow;

        if (Options.Advertiser is { } advertiser)
        {
            var logger = (ILogger?)Options.Loggers?.CreateLogger<MatterDeviceHost>() ?? NullLogger.Instance;
            advertising = new HostAdvertising(advertiser, Node, Options, logger);
            commissioning.KindChanged += OnWindowKindChanged;
            // Right after AddNOC (pending under the fail-safe) the commissioner looks for the node's operational
            // instance to open CASE; a removed or rolled-back fabric's instance goes with a goodbye.
            Fabrics.FabricAdded += OnFabricAdded;
            Fabrics.FabricUpdated += OnFabricAdded;
            Fabrics.FabricRemoved += OnFabricRemoved;
        }
    }

    /// <summary>The node served.</summary>
    public MatterNode Node { get; }

    /// <summary>The fabrics CASE answers for: the node's.</summary>
    public FabricTable Fabrics { get; }

    /// <summary>The options.</summary>
    public MatterDeviceHostOptions Options { get; }

    /// <summary>The message layer: sessions, exchanges, statistics.</summary>
    public SecureTransport Transport { get; }

    /// <summary>The Interaction Model engine (its subscriptions).</summary>
    public InteractionServer Interaction { get; }

    /// <summary>Where the node receives (the bound UDP port).</summary>
    public EndPoint LocalEndPoint => Transport.LocalEndPoint;

    /// <summary>True while a commissioning window accepts (or holds) a commissioner.</summary>
    public bool IsCommissioningWindowOpen => commissioning.IsOpen;

    /// <summary>
    /// The commissioning window: what the Administrator Commissioning cluster opens and closes, and what an
    /// advertiser follows. A basic window uses the onboarding secret, the last one given to
    /// <see cref="OpenCommissioningWindow"/> or <see cref="MatterDeviceHostOptions.OnboardingSecret"/>.
    /// </summary>
    public ICommissioningWindow CommissioningWindow => commissioning;

    /// <summary>Raised after a CASE session was established.</summary>
    public event Action<Transport.Sessions.SecureSession>? OperationalSessionEstablished
    {
        add => caseResponder.SessionEstablished += value;
        remove => caseResponder.SessionEstablished -= value;
    }

    /// <summary>
    /// A host on UDP: dual-stack IPv6 (or IPv4) on <see cref="MatterDeviceHostOptions.Port"/>, 0 for an ephemeral port.
    /// </summary>
    /// <exception cref="System.Net.Sockets.SocketException">The port is taken.</exception>
    public static MatterDeviceHost CreateUdp(MatterNode node, MatterDeviceHostOptions? options = null)
    {
        var resolved = options ?? new MatterDeviceHostOptions();
        var udp = new UdpDatagramTransport(resolved.Port, resolved.ForceIPv4);
        try
        {
            return new MatterDeviceHost(node, udp, resolved);
        }
        catch
        {
            udp.Dispose();
            throw;
        }
    }

    /// <summary>Starts receiving. Calling it again does nothing.</summary>
    /// <exception cref="ObjectDisposedException">The host was disposed.</exception>
    public void Start()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (started)
            {
                return;
            }

            started = true;
        }

        Transport.Start();
        if (advertising is not null)
        {
            advertising.Port = (ushort)((IPEndPoint)Transport.LocalEndPoint).Port;
            // A node that restarts is found again on every fabric it kept (Core Specification 4.3.2).
            foreach (var fabric in Fabrics.Fabrics)
            {
                advertising.FabricAdded(fabric);
            }

            if (commissioning.Kind != CommissioningWindowKind.Closed)
            {
                OnWindowKindChanged(commissioning.Kind);
            }
        }
    }

    private void OnFabricAdded(Fabric fabric)
    {
        if (IsStarted)
        {
            advertising?.FabricAdded(fabric);
        }
    }

    private void OnFabricRemoved(Fabric fabric) => advertising?.FabricRemoved(fabric.Index);

    /// <summary>
    /// The window opened (basic: CM=1, enhanced: CM=2) or closed: the commissionable advertisement follows it, once
    /// the socket is bound (Start advertises a window opened before it).
    /// </summary>
    private void OnWindowKindChanged(CommissioningWindowKind kind)
    {
        if (advertising is null || !IsStarted)
        {
            return;
        }

        if (kind != CommissioningWindowKind.Closed && commissioning.Secret is { } secret)
        {
            advertising.WindowOpened(secret.Discriminator, kind == CommissioningWindowKind.Enhanced);
        }
        else
        {
            advertising.WindowClosed();
        }
    }

    private bool IsStarted
    {
        get
        {
            lock (gate)
            {
                return started && !disposed;
            }
        }
    }

    /// <summary>
    /// Opens a basic commissioning window for <paramref name="secret"/>, the node's onboarding secret (replacing an
    /// open window), that closes after <paramref name="timeout"/>, by default
    /// <see cref="MatterDeviceHostOptions.CommissioningTimeout"/>. The secret is kept for basic windows that the
    /// Administrator Commissioning cluster opens later.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A timeout outside 3 to 15 minutes.</exception>
    /// <exception cref="ObjectDisposedException">The host was disposed.</exception>
    public void OpenCommissioningWindow(CommissioningSecret secret, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var duration = timeout ?? Options.CommissioningTimeout;
        ValidateCommissioningTimeout(duration, nameof(timeout));
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            commissioning.OnboardingSecret = secret;
            commissioning.Open(secret, duration, CommissioningWindowKind.Basic);
        }
    }

    /// <summary>Closes the commissioning window and the PASE session made through it.</summary>
    public void CloseCommissioningWindow() => commissioning.Close();

    /// <summary>Closes the window, ends the subscriptions, closes every session and the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        Fabrics.FabricRemoved -= CloseSessionsOf;
        Fabrics.FabricAdded -= OnFabricAdded;
        Fabrics.FabricUpdated -= OnFabricAdded;
        Fabrics.FabricRemoved -= OnFabricRemoved;
        Node.Commissioning.Completed -= CloseCommissioningWindow;
        Node.Commissioning.FailSafe.CommissioningWindowOpen = static () => false;
        commissioning.Dispose();
        if (advertising is not null)
        {
            // Goodbyes while the node can still say them: controllers drop the cached records at once.
            await advertising.StopAsync().ConfigureAwait(false);
        }

        await Interaction.DisposeAsync().ConfigureAwait(false);
        Transport.Dispose();
    }

    // The node's Administrator Commissioning cluster, if it has one, opens and closes this host's window and names
    // the opening administrator's vendor from the fabric table.
    private void AttachAdministratorCommissioning()
    {
        if (Node.FindServer(0, AdministratorCommissioning.AdministratorCommissioningServer.ClusterId) is AdministratorCommissioning.AdministratorCommissioningServer { Device: { } administrator })
        {
            administrator.Attach(commissioning, index => Fabrics.Find(index)?.VendorId);
        }
    }

    // A removed fabric's sessions end; the one that asked for the removal once its answer is out.
    private void CloseSessionsOf(Fabric fabric)
    {
        foreach (var session in Transport.Sessions.ForFabric(fabric.Index))
        {
            session.CloseWhenIdle();
        }
    }

    private static void ValidateCommissioningTimeout(TimeSpan timeout, string parameter)
    {
        if (timeout < MinCommissioningTimeout || timeout > MaxCommissioningTimeout)
        {
            throw new ArgumentOutOfRangeException(parameter, timeout, "A commissioning window is open 3 to 15 minutes (Core Specification 5.4.2.3).");
        }
    }
}
