using System;

namespace MatterGen.Samples.EvseSimulator.Session;

/// <summary>Conversions from the cluster's units (mA, mWh) to the ones people read.</summary>
internal static class Units
{
    /// <summary>mWh to kWh.</summary>
    public static double KilowattHours(long milliwattHours) => milliwattHours / 1_000_000.0;

    /// <summary>mA to A.</summary>
    public static double Amps(long milliamps) => milliamps / 1000.0;

    /// <summary>A duration as "13 h 45 min".</summary>
    public static string Duration(TimeSpan span) => span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes:00} min" : $"{span.Minutes} min {span.Seconds:00} s";
}
