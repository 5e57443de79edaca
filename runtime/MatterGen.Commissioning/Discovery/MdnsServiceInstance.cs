using System.Collections.Generic;
using MatterGen.Commissioning.Discovery.Wire;

namespace MatterGen.Commissioning.Discovery;

/// <summary>
/// One advertised service instance: its full name and its records (the shared PTRs of the service type, its subtypes
/// and the service enumeration, and the instance's own SRV and TXT). Host address records come from the interface a
/// query arrives on, not from here.
/// </summary>
/// <param name="FullName">The instance's full name, for example <c>0123456789ABCDEF._matterc._udp.local</c>.</param>
/// <param name="Records">The records, PTRs first.</param>
public sealed record MdnsServiceInstance(string FullName, IReadOnlyList<DnsRecord> Records);
