namespace MatterGen.Generator.Model;

/// <summary>Access privilege levels of the Matter data model, lowest first.</summary>
internal enum Privilege
{
    View = 1,
    ProxyView = 2,
    Operate = 3,
    Manage = 4,
    Administer = 5,
}

/// <summary>API maturity of a definition element.</summary>
internal enum Maturity
{
    Stable,
    Provisional,
    Internal,
    Deprecated,
}

/// <summary>Event priority as the definition gives it.</summary>
internal enum EventPriority
{
    Debug = 0,
    Info = 1,
    Critical = 2,
}

/// <summary>Which way a command travels.</summary>
internal enum CommandDirection
{
    /// <summary>A request: client to server (<c>source="client"</c>).</summary>
    ClientToServer,

    /// <summary>A response or server-generated command (<c>source="server"</c>).</summary>
    ServerToClient,
}

/// <summary>Attribute quality flags (Matter Core Specification 7.7).</summary>
[System.Flags]
internal enum AttributeQuality
{
    None = 0,

    /// <summary>X: nullable (kept separately too, as IsNullable).</summary>
    Nullable = 1,

    /// <summary>N: non-volatile, persisted across restarts.</summary>
    NonVolatile = 2,

    /// <summary>F: fixed for the life of the device.</summary>
    Fixed = 4,

    /// <summary>C: changes omitted from reporting.</summary>
    ChangesOmitted = 8,

    /// <summary>Q: quieter reporting.</summary>
    QuieterReporting = 16,

    /// <summary>L: large message.</summary>
    LargeMessage = 32,

    /// <summary>S: scene.</summary>
    Scene = 64,

    /// <summary>A: atomic write.</summary>
    Atomic = 128,
}

/// <summary>The three kinds of named data type a definition file declares.</summary>
internal enum DataTypeKind
{
    Enum,
    Bitmap,
    Struct,
}
