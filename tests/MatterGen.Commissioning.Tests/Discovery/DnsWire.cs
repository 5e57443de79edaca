using System;
using System.Collections.Generic;
using System.Text;
using MatterGen.Commissioning.Discovery.Wire;

namespace MatterGen.Commissioning.Tests.Discovery;

/// <summary>Builds queries and reads responses the way another mDNS implementation would, for the tests.</summary>
internal static class DnsWire
{
    public static byte[] Query(params (string Name, DnsRecordType Type)[] questions) => Query(questions, []);

    public static byte[] Query((string Name, DnsRecordType Type)[] questions, DnsRecord[] knownAnswers, bool unicastResponse = false)
    {
        var output = new List<byte> { 0, 0, 0, 0, 0, (byte)questions.Length, 0, (byte)knownAnswers.Length, 0, 0, 0, 0 };
        foreach (var (name, type) in questions)
        {
            DnsName.Write(output, name);
            output.AddRange([(byte)((int)type >> 8), (byte)type, (byte)(unicastResponse ? 0x80 : 0), 1]);
        }

        foreach (var answer in knownAnswers)
        {
            answer.WriteTo(output);
        }

        return output.ToArray();
    }

    public static Dictionary<string, string> TextEntries(byte[] data)
    {
        var entries = new Dictionary<string, string>();
        for (var offset = 0; offset < data.Length;)
        {
            var text = Encoding.UTF8.GetString(data, offset + 1, data[offset]);
            offset += 1 + data[offset];
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            entries[text[..equals]] = text[(equals + 1)..];
        }

        return entries;
    }
}
