using System;
using System.Collections.Generic;
using System.Text;

namespace MatterGen.Commissioning.Discovery.Wire;

/// <summary>
/// Domain names on the wire (RFC 1035 section 4.1.4): labels of at most 63 bytes, 255 bytes in all, read with
/// compression pointers (only backwards, so no loop is possible) and written without compression.
/// </summary>
public static class DnsName
{
    /// <summary>The longest name on the wire.</summary>
    public const int MaximumLength = 255;

    /// <summary>The longest label.</summary>
    public const int MaximumLabelLength = 63;

    /// <summary>Splits a dotted name into labels; throws <see cref="ArgumentException"/> for an empty or oversized label.</summary>
    public static IReadOnlyList<string> Labels(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var labels = name.TrimEnd('.').Split('.');
        var total = 1;
        foreach (var label in labels)
        {
            var length = Encoding.UTF8.GetByteCount(label);
            if (length is 0 or > MaximumLabelLength)
            {
                throw new ArgumentException($"The name \"{name}\" has a label of {length} bytes (1 to {MaximumLabelLength} allowed).", nameof(name));
            }

            total += length + 1;
        }

        return total <= MaximumLength ? labels : throw new ArgumentException($"The name \"{name}\" is longer than {MaximumLength} bytes.", nameof(name));
    }

    /// <summary>Writes <paramref name="name"/> uncompressed.</summary>
    public static void Write(List<byte> output, string name)
    {
        foreach (var label in Labels(name))
        {
            var bytes = Encoding.UTF8.GetBytes(label);
            output.Add((byte)bytes.Length);
            output.AddRange(bytes);
        }

        output.Add(0);
    }

    /// <summary>
    /// Reads a name at <paramref name="offset"/> of <paramref name="message"/> and moves the offset past it. Throws
    /// <see cref="DnsFormatException"/> for a truncated name, a forward or self pointer, a reserved label type or a
    /// name over 255 bytes.
    /// </summary>
    public static string Read(ReadOnlySpan<byte> message, ref int offset)
    {
        var text = new StringBuilder();
        var position = offset;
        var end = -1;
        var length = 1;
        while (true)
        {
            if (position >= message.Length)
            {
                throw new DnsFormatException("A name runs past the end of the message.");
            }

            var prefix = message[position];
            if (prefix == 0)
            {
                position++;
                break;
            }

            switch (prefix & 0xC0)
            {
                case 0xC0:
                    if (position + 1 >= message.Length)
                    {
                        throw new DnsFormatException("A compression pointer runs past the end of the message.");
                    }

                    var target = ((prefix & 0x3F) << 8) | message[position + 1];
                    if (end < 0)
                    {
                        end = position + 2;
                    }

                    // Only backwards: every jump lowers the position, so the walk ends.
                    if (target >= position)
                    {
                        throw new DnsFormatException($"A compression pointer at {position} does not point backwards.");
                    }

                    position = target;
                    continue;
                case 0x00:
                    length += prefix + 1;
                    if (length > MaximumLength || position + 1 + prefix > message.Length)
                    {
                        throw new DnsFormatException("A name is longer than 255 bytes or runs past the end of the message.");
                    }

                    if (text.Length > 0)
                    {
                        text.Append('.');
                    }

                    text.Append(Encoding.UTF8.GetString(message.Slice(position + 1, prefix)));
                    position += 1 + prefix;
                    continue;
                default:
                    throw new DnsFormatException($"Label type 0x{prefix & 0xC0:X2} at {position} is reserved.");
            }
        }

        offset = end >= 0 ? end : position;
        return text.ToString();
    }

    /// <summary>DNS name equality: ASCII case-insensitive (RFC 6762 section 16), a trailing dot ignored.</summary>
    public static bool NamesEqual(string left, string right) =>
        string.Equals(left.TrimEnd('.'), right.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
}
