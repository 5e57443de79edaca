using System;
using MatterGen.Evse.Hardware.Hosting;
using MatterGen.Evse.Hardware.Station;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers an EV charger station and its control loop.</summary>
public static class EvseStationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="EvseStationOptions"/> bound from the <c>EvseStation</c> section of
    /// <paramref name="configuration"/> (validated at start), the <see cref="EvseStation"/> (simulated or on the
    /// configured hardware), and the <see cref="EvseStationService"/> that runs it. Uses a registered
    /// <see cref="TimeProvider"/> (else the system clock) and a registered <see cref="IEvseStationFactory"/> (else one
    /// that opens the configured hardware; a simulated station needs MatterGen.Evse.Simulation's <c>AddEvseSimulation</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root or any section containing <c>EvseStation</c>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddEvseStation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EvseStationOptions>().Bind(configuration.GetSection(EvseStationOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EvseStationOptions>, EvseStationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEvseStationFactory, HardwareStationFactory>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IEvseStationFactory>().Create(
            sp.GetRequiredService<IOptions<EvseStationOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.AddHostedService<EvseStationService>();
        return services;
    }
}
