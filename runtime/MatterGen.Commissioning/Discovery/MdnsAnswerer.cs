using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using MatterGen.Commissioning.Discovery.Wire;

namespace MatterGen.Commissioning.Discovery;

/// <summary>What to send for one query: the answers, the additional records that save the asker a round trip, and whether to send it unicast.</summary>
/// <param name="Answers">Records that answer a question.</param>
/// <param name="Additional">SRV, TXT and address records of the instances and hosts answered (RFC 6763 section 12).</param>
/// <param name="Unicast">True when every question asked for a unicast response (QU).</param>
public sealed record MdnsAnswer(IReadOnlyList<DnsRecord> Answers, IReadOnlyList<DnsRecord> Additional, bool Unicast);

/// <summary>Answers queries from a set of service instances and the host's addresses on the interface the query came in on. No I/O.</summary>
public static class MdnsAnswerer
{
    /// <summary>The A and AAAA records of <paramref name="hostName"/>.</summary>
    public static IReadOnlyList<DnsRecord> HostRecords(string hostName, IEnumerable<IPAddress> addresses) =>
        addresses.Select(address => DnsRecord.Address(hostName, address, MatterServiceRecords.HostRecordTtl)).ToList();

    /// <summary>
    /// The answer to <paramref name="query"/>, or null when nothing we own matches. Known answers the asker holds with
    /// at least half our TTL are left out (RFC 6762 section 7.1).
    /// </summary>
    public static MdnsAnswer? Answer(DnsQuery query, IReadOnlyCollection<MdnsServiceInstance> instances, IReadOnlyList<DnsRecord> hostRecords)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(hostRecords);
        var all = instances.SelectMany(instance => instance.Records).Concat(hostRecords).ToList();
        var answers = new RecordSet();
        foreach (var question in query.Questions)
        {
            foreach (var record in all)
            {
                if (DnsName.NamesEqual(record.Name, question.Name)
                    && (question.Type == DnsRecordType.Any || question.Type == record.Type)
                    && !IsKnown(query, record))
                {
                    answers.Add(record);
                }
            }
        }

        if (answers.Count == 0)
        {
            return null;
        }

        var additional = new RecordSet(answers);
        foreach (var answer in answers.ToList())
        {
            if (answer.Type == DnsRecordType.Ptr && instances.FirstOrDefault(i => DnsName.NamesEqual(i.FullName, answer.Target!)) is { } instance)
            {
                foreach (var record in instance.Records.Where(r => r.Type is DnsRecordType.Srv or DnsRecordType.Txt))
                {
                    additional.Add(record);
                }

                additional.AddRange(hostRecords);
            }
            else if (answer.Type == DnsRecordType.Srv)
            {
                additional.AddRange(hostRecords);
            }
        }

        var unicast = query.Questions.Count > 0 && query.Questions.All(question => question.UnicastResponse);
        return new MdnsAnswer(answers.ToList(), additional.Skip(answers.Count).ToList(), unicast);
    }

    private static bool IsKnown(DnsQuery query, DnsRecord record) =>
        record.Target is not null && query.KnownAnswers.Any(known =>
            known.Type == record.Type
            && DnsName.NamesEqual(known.Name, record.Name)
            && known.Target is not null && DnsName.NamesEqual(known.Target, record.Target)
            && known.TimeToLive >= record.TimeToLive / 2);

    // Records in insertion order without repeats (the same service enumeration PTR comes from every instance).
    private sealed class RecordSet : List<DnsRecord>
    {
        private readonly HashSet<string> keys = new(StringComparer.OrdinalIgnoreCase);

        public RecordSet()
        {
        }

        public RecordSet(IEnumerable<DnsRecord> records)
        {
            AddRange(records);
        }

        public new void Add(DnsRecord record)
        {
            if (keys.Add($"{record.Name}|{record.Type}|{Convert.ToHexString(record.Data)}"))
            {
                base.Add(record);
            }
        }

        public new void AddRange(IEnumerable<DnsRecord> records)
        {
            foreach (var record in records)
            {
                Add(record);
            }
        }
    }
}
