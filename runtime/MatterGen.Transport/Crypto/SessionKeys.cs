using System;
using System.Security.Cryptography;

namespace MatterGen.Transport.Crypto;

/// <summary>
/// The keys of a secure session (Core Specification 4.14.1.3 and 4.14.2.6): HKDF-SHA256 output of 48 bytes split
/// into the initiator-to-responder key, the responder-to-initiator key and the attestation challenge.
/// </summary>
/// <param name="InitiatorToResponder">I2RKey.</param>
/// <param name="ResponderToInitiator">R2IKey.</param>
/// <param name="AttestationChallenge">The attestation challenge.</param>
public sealed record SessionKeys(byte[] InitiatorToResponder, byte[] ResponderToInitiator, byte[] AttestationChallenge)
{
    /// <summary>Derives the keys from a shared secret, salt and info.</summary>
    public static SessionKeys Derive(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info)
    {
        Span<byte> output = stackalloc byte[48];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, output, salt, info);
        return new SessionKeys(output[..16].ToArray(), output[16..32].ToArray(), output[32..].ToArray());
    }
}
