using System;

namespace MatterGen.Transport.Messages;

/// <summary>The exchange flags of a protocol header (Core Specification 4.4.3.1).</summary>
[Flags]
public enum ExchangeFlags : byte
{
    /// <summary>No flag set.</summary>
    None = 0,

    /// <summary>I: the sender is the exchange's initiator.</summary>
    Initiator = 0x01,

    /// <summary>A: the header carries an acknowledged message counter.</summary>
    Acknowledgement = 0x02,

    /// <summary>R: the sender wants an acknowledgement (MRP).</summary>
    Reliability = 0x04,

    /// <summary>SX: secured extensions follow the header.</summary>
    SecuredExtensions = 0x08,

    /// <summary>V: the protocol vendor id is present.</summary>
    Vendor = 0x10,
}
