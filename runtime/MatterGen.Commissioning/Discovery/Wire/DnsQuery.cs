using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace MatterGen.Commissioning.Discovery.Wire;

/// <summary>One question of a query.</summary>
/// <param name="Name">The name asked about.</param>
/// <param name="Type">The type asked for (<see cref="DnsRecordType.Any"/> for all).</param>
/// <param name="UnicastResponse">The QU bit: the asker would like a unicast answer (RFC 6762 section 5.4).</param>
public sealed record DnsQuestion(string Name, DnsRecordType Type, bool UnicastResponse);

/// <summary>
/// A received mDNS query: its id, questions and known answers. Reading is bounded: at most
/// <see cref="MaximumEntries"/> questions and answers, every offset checked, anything else is a <see cref="DnsFormatException"/>.
/// </summary>
/// <param name="Id">The message id (echoed only in a legacy unicast answer).</param>
/// <param name="Questions">The questions.</param>
/// <param name="KnownAnswers">The answer section: records the asker already has (RFC 6762 section 7.1).</param>
public sealed record DnsQuery(ushort Id, IReadOnlyList<DnsQuestion> Questions, IReadOnlyList<DnsReceivedRecord> KnownAnswers)
{
    /// <summary>The most questions or answers read from one message.</summary>
    public const int MaximumEntries = 64;

    private const int HeaderLength = 12;

    /// <summary>
    /// Reads <paramref name="message"/>; returns null for a response or a message with an opcode or rcode other than
    /// zero (RFC 6762 section 18: those are ignored), throws <see cref="DnsFormatException"/> when it is malformed.
    /// </summary>
    public static DnsQuery? Read(ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderLength)
        {
            throw new DnsFormatException($"A DNS message of {message.Length} bytes is shorter than its header.");
        }

        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        if ((flags & 0x8000) != 0 || (flags & 0x7800) != 0 || (flags & 0x000F) != 0)
        {
            return null;
        }

        var questionCount = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var answerCount = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        if (questionCount > MaximumEntries || answerCount > MaximumEntries)
        {
            throw new DnsFormatException($"A query with {questionCount} questions and {answerCount} answers is over the limit of {MaximumEntries}.");
        }

        var offset = HeaderLength;
        var questions = new List<DnsQuestion>(questionCount);
        for (var i = 0; i < questionCount; i++)
        {
            var name = DnsName.Read(message, ref offset);
            var type = ReadUInt16(message, ref offset);
            var @class = ReadUInt16(message, ref offset);
            questions.Add(new DnsQuestion(name, (DnsRecordType)type, (@class & DnsRecord.TopBit) != 0));
        }

        var answers = new List<DnsReceivedRecord>(answerCount);
        for (var i = 0; i < answerCount; i++)
        {
            answers.Add(DnsReceivedRecord.Read(message, ref offset));
        }

        // Authority and additional sections are not needed to answer; they are not read.
        return new DnsQuery(BinaryPrimitives.ReadUInt16BigEndian(message), questions, answers);
    }

    private static int ReadUInt16(ReadOnlySpan<byte> message, ref int offset)
    {
        if (offset + 2 > message.Length)
        {
            throw new DnsFormatException("The message ends inside a field.");
        }

        var value = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
        offset += 2;
        return value;
    }
}
