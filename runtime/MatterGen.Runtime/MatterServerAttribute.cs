using System;

namespace MatterGen;

/// <summary>
/// Declares a cluster server: the generator specializes the named cluster for <see cref="Features"/> and
/// emits, into this partial type, exactly the attributes, commands and events whose conformance holds for
/// them, plus the optional elements named in <see cref="Enable"/>. An illegal feature set is a compile error.
/// </summary>
/// <example>
/// <code>
/// [MatterServer("Energy EVSE", Features = "ChargingPreferences, RFID", Enable = "UserMaximumChargeCurrent")]
/// public partial class MyCharger { }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MatterServerAttribute : Attribute
{
    /// <summary>Declares a server of the cluster named <paramref name="cluster"/>.</summary>
    /// <param name="cluster">The cluster's name as in its definition (<c>Energy EVSE</c>) or its id (<c>0x0099</c>).</param>
    public MatterServerAttribute(string cluster) => Cluster = cluster;

    /// <summary>The cluster's name or id.</summary>
    public string Cluster { get; }

    /// <summary>The features to switch on, by name or code, separated by commas (<c>ChargingPreferences, V2X</c>).</summary>
    public string? Features { get; set; }

    /// <summary>Optional attributes, commands and events to switch on, by name, separated by commas.</summary>
    public string? Enable { get; set; }
}
