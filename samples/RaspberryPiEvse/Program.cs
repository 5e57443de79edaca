using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Evse.Simulation;
using MatterGen.Samples.RaspberryPiEvse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The charger on a Raspberry Pi, configured by appsettings.json, as the same node as the simulator (EVSE, Device Energy
// Management and the electrical sensor its meter feeds); --simulated runs it on any PC with a simulated EV.
var simulated = args.Contains("--simulated", StringComparer.Ordinal);
// appsettings.json is read next to the program (it is copied to the output), not from wherever it was started.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args.Where(a => a != "--simulated").ToArray(),
    ContentRootPath = AppContext.BaseDirectory,
});
if (simulated)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["EvseStation:Simulated"] = "true" });
    builder.Services.AddSingleton(sp => new SimulatedEv(sp.GetRequiredService<TimeProvider>(), stateOfCharge: 0.4));
    builder.Services.AddEvseSimulation();
    builder.Services.AddHostedService<SimulatedDriver>();
}

builder.Services.AddEvseStation(builder.Configuration);
builder.Services.AddSingleton<StationNode>();
builder.Services.AddHostedService<StatusReporter>();
var matter = MatterSettings.From(builder.Configuration);
if (matter.Enabled)
{
    builder.Services.AddSingleton(matter);
    builder.Services.AddHostedService<MatterService>();
}

await builder.Build().RunAsync();
