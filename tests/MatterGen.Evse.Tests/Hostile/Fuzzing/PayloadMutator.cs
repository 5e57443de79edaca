using System;
using System.Collections.Generic;

namespace MatterGen.Evse.Tests.Hostile.Fuzzing;

/// <summary>Small corruptions of a well-formed TLV payload, the kind a broken or hostile peer sends.</summary>
public static class PayloadMutator
{
    // Bytes that mean something in TLV: control bytes of each tag form and type, end of container, lengths at edges.
    private static readonly byte[] Interesting = [0x00, 0x01, 0x04, 0x07, 0x0C, 0x10, 0x14, 0x15, 0x16, 0x17, 0x18, 0x1F, 0x24, 0x35, 0x36, 0x7F, 0x80, 0xE0, 0xFF];

    /// <summary>One to three mutations of <paramref name="payload"/>.</summary>
    public static byte[] Mutate(Random random, byte[] payload)
    {
        var bytes = new List<byte>(payload);
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            MutateOnce(random, bytes);
        }

        return bytes.ToArray();
    }

    /// <summary>Random bytes, up to <paramref name="maximumLength"/> long.</summary>
    public static byte[] RandomBytes(Random random, int maximumLength)
    {
        var bytes = new byte[random.Next(maximumLength + 1)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void MutateOnce(Random random, List<byte> bytes)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
        switch (random.Next(bytes.Count == 0 ? 1 : 7))
        {
            case 0:
                bytes.Insert(at, Pick(random));
                break;
            case 1:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 2:
                bytes[at] = Pick(random);
                break;
            case 3:
                bytes.RemoveAt(at);
                break;
            case 4:
                bytes.RemoveRange(at, bytes.Count - at); // Cut short.
                break;
            case 5:
                // Repeat a slice: duplicated fields, doubled containers.
                var length = random.Next(1, Math.Min(8, bytes.Count - at) + 1);
                bytes.InsertRange(at, bytes.GetRange(at, length));
                break;
            default:
                bytes[at] = (byte)random.Next(256);
                break;
        }
    }

    private static byte Pick(Random random) => random.Next(3) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)];
}
