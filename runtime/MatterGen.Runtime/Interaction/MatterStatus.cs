namespace MatterGen.Interaction;

/// <summary>Interaction Model status codes (Matter Core Specification 8.10).</summary>
public enum MatterStatus : byte
{
    /// <summary>The operation succeeded.</summary>
    Success = 0x00,

    /// <summary>The operation failed for a reason no other code describes.</summary>
    Failure = 0x01,

    /// <summary>The subscription id is not valid.</summary>
    InvalidSubscription = 0x7D,

    /// <summary>The requester's privilege is below what the element requires.</summary>
    UnsupportedAccess = 0x7E,

    /// <summary>The endpoint does not exist.</summary>
    UnsupportedEndpoint = 0x7F,

    /// <summary>The action is malformed or not valid here.</summary>
    InvalidAction = 0x80,

    /// <summary>The command is not supported by this server.</summary>
    UnsupportedCommand = 0x81,

    /// <summary>The command's fields are malformed or missing.</summary>
    InvalidCommand = 0x85,

    /// <summary>The attribute is not supported by this server.</summary>
    UnsupportedAttribute = 0x86,

    /// <summary>A value is outside its constraint.</summary>
    ConstraintError = 0x87,

    /// <summary>The attribute is read-only.</summary>
    UnsupportedWrite = 0x88,

    /// <summary>A resource limit was reached.</summary>
    ResourceExhausted = 0x89,

    /// <summary>The item was not found.</summary>
    NotFound = 0x8B,

    /// <summary>The attribute cannot be reported.</summary>
    UnreportableAttribute = 0x8C,

    /// <summary>The value's data type does not match the attribute's.</summary>
    InvalidDataType = 0x8D,

    /// <summary>The attribute cannot be read.</summary>
    UnsupportedRead = 0x8F,

    /// <summary>The data version did not match.</summary>
    DataVersionMismatch = 0x92,

    /// <summary>The operation timed out.</summary>
    Timeout = 0x94,

    /// <summary>The server is busy.</summary>
    Busy = 0x9C,

    /// <summary>The cluster does not exist on the endpoint.</summary>
    UnsupportedCluster = 0xC3,

    /// <summary>The element must be used within a timed interaction.</summary>
    NeedsTimedInteraction = 0xC6,

    /// <summary>The event is not supported by this server.</summary>
    UnsupportedEvent = 0xC7,

    /// <summary>A timed request did not match its timed action.</summary>
    TimedRequestMismatch = 0xC9,

    /// <summary>The operation needs an armed fail-safe.</summary>
    FailsafeRequired = 0xCA,

    /// <summary>The command cannot be executed in the server's current state.</summary>
    InvalidInState = 0xCB,

    /// <summary>The command produced no response.</summary>
    NoCommandResponse = 0xCC,

    /// <summary>A value breaks a constraint that depends on the server's state.</summary>
    DynamicConstraintError = 0xCF,
}
