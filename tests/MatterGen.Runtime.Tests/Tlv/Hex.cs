using System;
using System.Linq;

namespace MatterGen.Runtime.Tests.Tlv;

/// <summary>Hex text as the vector tables write it: bytes separated by spaces.</summary>
internal static class Hex
{
    public static byte[] Parse(string text) => Convert.FromHexString(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));

    public static string Format(ReadOnlySpan<byte> bytes) => string.Join(' ', bytes.ToArray().Select(b => b.ToString("X2")));
}
