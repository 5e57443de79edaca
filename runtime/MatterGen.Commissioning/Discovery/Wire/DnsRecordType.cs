namespace MatterGen.Commissioning.Discovery.Wire;

/// <summary>The DNS resource record types mDNS service discovery uses (RFC 1035, 2782, 3596, 6762).</summary>
public enum DnsRecordType : ushort
{
    /// <summary>An IPv4 address.</summary>
    A = 1,

    /// <summary>A pointer to another name (service enumeration and instances).</summary>
    Ptr = 12,

    /// <summary>Key/value text strings (RFC 6763 section 6).</summary>
    Txt = 16,

    /// <summary>An IPv6 address.</summary>
    Aaaa = 28,

    /// <summary>Service location: priority, weight, port, target host.</summary>
    Srv = 33,

    /// <summary>Which types a name has (RFC 6762 section 6.1, negative responses).</summary>
    Nsec = 47,

    /// <summary>A question for every type of a name.</summary>
    Any = 255,
}
