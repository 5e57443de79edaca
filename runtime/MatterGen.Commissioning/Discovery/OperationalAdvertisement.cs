namespace MatterGen.Commissioning.Discovery;

/// <summary>
/// What a commissioned node advertises per fabric as <c>_matter._tcp</c> (Matter Core 4.3.2): the instance
/// <c>&lt;compressed fabric id&gt;-&lt;node id&gt;</c>, each 16 upper-case hex digits, and the <c>_I&lt;compressed fabric id&gt;</c> subtype.
/// </summary>
/// <param name="CompressedFabricId">The compressed fabric id (spec 4.3.2.2, derived from the root public key and fabric id).</param>
/// <param name="NodeId">The node's operational node id on that fabric.</param>
/// <param name="Port">The UDP port the node serves Matter on.</param>
public sealed record OperationalAdvertisement(ulong CompressedFabricId, ulong NodeId, ushort Port)
{
    /// <summary>SII, SAI, SAT.</summary>
    public SessionTiming Timing { get; init; } = SessionTiming.MainsPowered;

    /// <summary>T: the TCP support bitmap; null leaves it out.</summary>
    public byte? TcpSupport { get; init; }

    /// <summary>ICD: 1 for a long-idle-time ICD; null leaves it out.</summary>
    public byte? IntermittentlyConnected { get; init; }

    /// <summary>The instance name, <c>XXXXXXXXXXXXXXXX-YYYYYYYYYYYYYYYY</c>.</summary>
    public string InstanceName => $"{CompressedFabricId:X16}-{NodeId:X16}";
}
