namespace MatterGen.Samples.EvseSimulator;

/// <summary>The simulator's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The session went as scripted.</summary>
    public const int Success = 0;

    /// <summary>The session ran but a check failed.</summary>
    public const int ChecksFailed = 1;

    /// <summary>The options cannot work (unknown scenario, a V2X scenario on a standard charger).</summary>
    public const int InvalidOptions = 2;

    /// <summary>The session could not be played to its end (the plot could not be written, the charger failed).</summary>
    public const int Error = 3;
}
