using System;
using System.Security.Cryptography;

namespace MatterGen.Transport.Crypto;

/// <summary>The SPAKE2+ context of PASE (Core Specification 4.14.1.2): SHA-256("CHIP PAKE V1 Commissioning" || PBKDFParamRequest || PBKDFParamResponse).</summary>
public static class PaseContext
{
    /// <summary>Computes the context from the two PBKDF messages' payloads as sent.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> request, ReadOnlySpan<byte> response)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData("CHIP PAKE V1 Commissioning"u8);
        hash.AppendData(request);
        hash.AppendData(response);
        return hash.GetHashAndReset();
    }
}
