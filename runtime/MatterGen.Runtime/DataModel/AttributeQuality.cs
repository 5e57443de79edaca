using System;

namespace MatterGen.DataModel;

/// <summary>Attribute quality flags (Matter Core Specification 7.7); nullability is stated separately.</summary>
[Flags]
public enum AttributeQuality
{
    /// <summary>No quality.</summary>
    None = 0,

    /// <summary>N: non-volatile, kept across restarts.</summary>
    NonVolatile = 1,

    /// <summary>F: fixed for the life of the device.</summary>
    Fixed = 2,

    /// <summary>C: changes omitted from reporting.</summary>
    ChangesOmitted = 4,

    /// <summary>Q: quieter reporting.</summary>
    QuieterReporting = 8,

    /// <summary>L: may need a large message.</summary>
    LargeMessage = 16,

    /// <summary>S: part of a scene.</summary>
    Scene = 32,

    /// <summary>A: written atomically.</summary>
    Atomic = 64,
}
