namespace MatterGen.DataModel;

/// <summary>Event priority (Matter Core Specification 7.14.1.2).</summary>
public enum EventPriority
{
    /// <summary>Debug information.</summary>
    Debug = 0,

    /// <summary>Information.</summary>
    Info = 1,

    /// <summary>Critical: kept longest.</summary>
    Critical = 2,
}
