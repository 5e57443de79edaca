using System;
using MatterGen.Interaction;
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

    /// <summary>The device logic: hardware inputs go here.</summary>
    public EnergyEvseController Controller { get; }

    /// <summary>The cluster server: clients talk to this.</summary>
    public ClusterServer Server { get; }

    /// <summary>A charger with charging preferences and RFID (<see cref="StandardEvseServer"/>).</summary>
    public static EnergyEvseDevice CreateStandard(EnergyEvseOptions? options = null, ClusterServerOptions? serverOptions = null, ILoggerFactory? loggers = null)
    {
        var controller = new EnergyEvseController(options, loggers?.CreateLogger<EnergyEvseController>());
        return Attach(controller, new StandardEvseServer(controller, serverOptions));
    }

    /// <summary>A charger with every feature (<see cref="BidirectionalEvseServer"/>).</summary>
    public static EnergyEvseDevice CreateBidirectional(EnergyEvseOptions? options = null, ClusterServerOptions? serverOptions = null, ILoggerFactory? loggers = null)
    {
        var controller = new EnergyEvseController(options, loggers?.CreateLogger<EnergyEvseController>());
        return Attach(controller, new BidirectionalEvseServer(controller, serverOptions));
    }

    /// <inheritdoc/>
    public void Dispose() => Controller.Dispose();

    private static EnergyEvseDevice Attach(EnergyEvseController controller, ClusterServer server)
    {
        controller.Attach(server);
        return new EnergyEvseDevice(controller, server);
    }
}
