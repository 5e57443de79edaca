using System;
using System.Collections.Generic;

namespace MatterGen.Benchmarks.Generated;

/// <summary>Before a codec benchmark runs: every way it measures writes the same bytes and reads the same value.</summary>
internal static class CodecSetupCheck
{
    /// <summary>Throws unless each encoder writes <paramref name="expectedHex"/> into <paramref name="buffer"/> and each decoder returns <paramref name="expected"/>.</summary>
    public static void Require<T>(string expectedHex, byte[] buffer, T expected,
        IEnumerable<(string Name, Func<int> Encode)> encoders, IEnumerable<(string Name, Func<T> Decode)> decoders)
    {
        foreach (var (name, encode) in encoders)
        {
            var written = Convert.ToHexStringLower(buffer.AsSpan(0, encode()));
            if (written != expectedHex)
            {
                throw new InvalidOperationException($"{name} wrote {written}, expected {expectedHex}");
            }
        }

        foreach (var (name, decode) in decoders)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, decode()))
            {
                throw new InvalidOperationException($"{name} decoded a different value.");
            }
        }
    }
}
