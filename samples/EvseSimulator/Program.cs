using System;
using System.CommandLine;
using MatterGen.Samples.EvseSimulator;
using MatterGen.Samples.EvseSimulator.Scenarios;

var scenario = new Option<string>("--scenario", "-s")
{
    Description = $"The session to play: {string.Join(", ", ScenarioCatalog.Names)}",
    DefaultValueFactory = _ => SimulatorOptions.Default.Scenario,
};
scenario.AcceptOnlyFromAmong([.. ScenarioCatalog.Names]);

var speed = new Option<double?>("--speed")
{
    Description = $"Simulated seconds per wall second (default {SimulatorOptions.DefaultSpeed} in the live view; --plain runs unpaced unless given)",
};
speed.Validators.Add(result =>
{
    if (result.GetValueOrDefault<double?>() is <= 0)
    {
        result.AddError("--speed must be positive.");
    }
});

var features = new Option<string>("--features", "-f")
{
    Description = "The charger's feature set: bidirectional (PREF, SOC, PNC, RFID, V2X) or standard (PREF, RFID)",
    DefaultValueFactory = _ => "bidirectional",
};
features.AcceptOnlyFromAmong("bidirectional", "standard");

var plain = new Option<bool>("--plain")
{
    Description = "Plain log lines instead of the live view (automatic when output is redirected or under CI)",
};

var output = new Option<string>("--output", "-o")
{
    Description = "Where to write the SVG plot of current and state of charge",
    DefaultValueFactory = _ => SimulatorOptions.DefaultOutput,
};

var root = new RootCommand("MatterGen Energy EVSE simulator: a generated Energy EVSE server, the IEC 61851 hardware runtime and a simulated EV, driven by a Matter client over TLV in accelerated time.")
{
    scenario, speed, features, plain, output,
};

root.SetAction(async (parse, cancellationToken) =>
{
    var isPlain = parse.GetValue(plain) || SimulatorApp.PlainByEnvironment();
    var chosenSpeed = parse.GetValue(speed) ?? (isPlain ? null : SimulatorOptions.DefaultSpeed);
    var options = new SimulatorOptions(
        parse.GetValue(scenario)!,
        chosenSpeed,
        parse.GetValue(features) != "standard",
        isPlain,
        parse.GetValue(output));
    return await SimulatorApp.RunAsync(options, Console.Out, Console.Error, cancellationToken: cancellationToken);
});

return await root.Parse(args).InvokeAsync();
