using System;
using System.CommandLine;
using MatterGen.Samples.EvseSimulator;
using MatterGen.Samples.EvseSimulator.Matter;
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

var matter = new Option<bool>("--matter")
{
    Description = "Serve the simulated charger as a Matter device on the network until stopped (Ctrl+C), instead of the scripted night",
};
var port = new Option<int>("--port") { Description = "--matter: the UDP port", DefaultValueFactory = _ => MatterModeOptions.DefaultPort };
var passcode = new Option<uint>("--passcode") { Description = "--matter: the setup passcode", DefaultValueFactory = _ => MatterModeOptions.DefaultPasscode };
var discriminator = new Option<ushort>("--discriminator") { Description = "--matter: the discriminator (0–4095)", DefaultValueFactory = _ => MatterModeOptions.DefaultDiscriminator };
var storage = new Option<string>("--storage") { Description = "--matter: where fabrics and attributes persist", DefaultValueFactory = _ => MatterModeOptions.DefaultStorage };

var root = new RootCommand("MatterGen Energy EVSE simulator: a generated Energy EVSE server, the IEC 61851 hardware runtime and a simulated EV, driven by a Matter client over TLV in accelerated time.")
{
    scenario, speed, features, plain, output, matter, port, passcode, discriminator, storage,
};

root.SetAction(async (parse, cancellationToken) =>
{
    var isPlain = parse.GetValue(plain) || SimulatorApp.PlainByEnvironment();
    if (parse.GetValue(matter))
    {
        var served = new MatterModeOptions(parse.GetValue(port), parse.GetValue(passcode), parse.GetValue(discriminator), parse.GetValue(storage)!, parse.GetValue(features) != "standard", isPlain);
        return await MatterDeviceApp.RunAsync(served, Console.Out, Console.Error, cancellationToken);
    }

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
