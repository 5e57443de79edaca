using System;
using MatterGen.Evse.TestEvents;
using MatterGen.Interaction;
using MatterGen.TestEvents;
using Microsoft.Extensions.Logging;

namespace MatterGen.Evse.Device;

/// <summary>
/// An Energy EVSE endpoint ready to serve: a generated server of one of this package's feature sets, with the
/// controller that implements its driver and owns its state.
/// </summary>
public sealed class EnergyEvseDevice : IDisposable
{
    private EnergyEvseDevice(EnergyEvseController controller, ClusterServer server)
    {
        Controller = controller;
        Server = server;
    }

    /// <summary>
    /// The least time between two reports of SessionDuration, SessionEnergyCharged and SessionEnergyDischarged
    /// while energy flows (quieter reporting, Q): TC-EEVSE-2.6 allows at most 2 reports in 12 s of charging and
    /// expects reports "every 10 s at most, unless a command changes" them. The end of a transfer or a session is
    /// reported at once whatever this interval.
    /// </summary>
    public static readonly TimeSpan SessionReportingInterval = TimeSpan.FromSeconds(10);

    /// <summary>The device logic: hardware inputs go here.</summary>
    public EnergyEvseController Controller { get; }

    /// <summary>The cluster server: clients talk to this.</summary>
    public ClusterServer Server { get; }

    /// <summary>A charger with charging preferences and RFID (<see cref="StandardEvseServer"/>).</summary>
    public static EnergyEvseDevice CreateStandard(EnergyEvseOptions? options = null, ClusterServerOptions? serverOptions = null, ILoggerFactory? loggers = null)
    {
        var controller = new EnergyEvseController(options, loggers?.CreateLogger<EnergyEvseController>(), driver => EnergyEvseServerParts.Of(new StandardEvseServer(driver, WithSessionReporting(serverOptions))));
        return new EnergyEvseDevice(controller, controller.Server);
    }

    /// <summary>A charger with every feature (<see cref="BidirectionalEvseServer"/>).</summary>
    public static EnergyEvseDevice CreateBidirectional(EnergyEvseOptions? options = null, ClusterServerOptions? serverOptions = null, ILoggerFactory? loggers = null)
    {
        var controller = new EnergyEvseController(options, loggers?.CreateLogger<EnergyEvseController>(), driver => EnergyEvseServerParts.Of(new BidirectionalEvseServer(driver, WithSessionReporting(serverOptions))));
        return new EnergyEvseDevice(controller, controller.Server);
    }

    /// <summary>
    /// Lets the certification tests drive this charger through General Diagnostics' TestEventTrigger (codes
    /// 0x0099_0000_0000_00xx, <see cref="EnergyEvseTestEventTriggers"/>); disposing the result removes them.
    /// A production node registers nothing, and its General Diagnostics has no enable key anyway.
    /// </summary>
    public IDisposable RegisterTestEventTriggers(TestEventTriggerRegistry registry) => EnergyEvseTestEventTriggers.Register(registry, Controller);

    /// <inheritdoc/>
    public void Dispose() => Controller.Dispose();

    // The session attributes' quieter reporting never runs faster than SessionReportingInterval, whatever the options say.
    private static ClusterServerOptions WithSessionReporting(ClusterServerOptions? options)
    {
        if (options is null)
        {
            return new ClusterServerOptions { QuieterReportingInterval = SessionReportingInterval };
        }

        return options.QuieterReportingInterval >= SessionReportingInterval ? options : new ClusterServerOptions
        {
            Endpoint = options.Endpoint,
            Time = options.Time,
            Store = options.Store,
            EventLog = options.EventLog,
            QuieterReportingInterval = SessionReportingInterval,
        };
    }
}
