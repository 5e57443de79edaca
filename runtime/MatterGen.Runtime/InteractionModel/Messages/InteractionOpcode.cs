namespace MatterGen.InteractionModel.Messages;

/// <summary>The Interaction Model protocol's message types (Core Specification 10.2.1).</summary>
public enum InteractionOpcode : byte
{
    /// <summary>StatusResponse: a status for the previous message of the exchange.</summary>
    StatusResponse = 0x01,

    /// <summary>ReadRequest.</summary>
    ReadRequest = 0x02,

    /// <summary>SubscribeRequest.</summary>
    SubscribeRequest = 0x03,

    /// <summary>SubscribeResponse.</summary>
    SubscribeResponse = 0x04,

    /// <summary>ReportData.</summary>
    ReportData = 0x05,

    /// <summary>WriteRequest.</summary>
    WriteRequest = 0x06,

    /// <summary>WriteResponse.</summary>
    WriteResponse = 0x07,

    /// <summary>InvokeRequest.</summary>
    InvokeRequest = 0x08,

    /// <summary>InvokeResponse.</summary>
    InvokeResponse = 0x09,

    /// <summary>TimedRequest.</summary>
    TimedRequest = 0x0A,
}
