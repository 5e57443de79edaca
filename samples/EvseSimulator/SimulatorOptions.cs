namespace MatterGen.Samples.EvseSimulator;

/// <summary>What the command line chose.</summary>
/// <param name="Scenario">The scenario name.</param>
/// <param name="Speed">Simulated seconds per wall second; null to run unpaced.</param>
/// <param name="Bidirectional">The full feature set (true) or the standard one.</param>
/// <param name="Plain">Plain log lines instead of the live view.</param>
/// <param name="Output">Where to write the SVG plot; null for none.</param>
internal sealed record SimulatorOptions(string Scenario, double? Speed, bool Bidirectional, bool Plain, string? Output)
{
    /// <summary>The default speed-up of the live view: an hour a second.</summary>
    public const double DefaultSpeed = 3600;

    /// <summary>The default plot path.</summary>
    public const string DefaultOutput = "evse-session.svg";

    /// <summary>The defaults, as run without arguments on a terminal.</summary>
    public static SimulatorOptions Default { get; } = new("overnight", DefaultSpeed, Bidirectional: true, Plain: false, DefaultOutput);
}
