using System;
using System.Security.Cryptography;
using MatterGen.Transport.Crypto;
using MatterGen.Transport.SecureChannel;

namespace MatterGen.Node.Network;

/// <summary>
/// What a device needs to answer PASE (Core Specification 5.1.1.6, 3.10): the SPAKE2+ verifier, the PBKDF salt and
/// iterations, and the discriminator it advertises. The passcode itself is never held: a device provisioned with a
/// verifier never sees it, and <see cref="FromPasscode"/> derives the verifier and drops it.
/// </summary>
public sealed record CommissioningSecret
{
    /// <summary>The largest discriminator (12 bits).</summary>
    public const ushort MaxDiscriminator = 0x0FFF;

    /// <summary>Creates the secret from a verifier provisioned at manufacturing.</summary>
    /// <exception cref="ArgumentException">A salt, iteration count or discriminator outside the spec's range.</exception>
    public CommissioningSecret(PaseVerifier verifier, byte[] salt, uint iterations, ushort discriminator)
    {
        Verifier = verifier ?? throw new ArgumentNullException(nameof(verifier));
        ArgumentNullException.ThrowIfNull(salt);
        if (salt.Length is < 16 or > 32)
        {
            throw new ArgumentException("The PBKDF salt has 16 to 32 bytes.", nameof(salt));
        }

        if (iterations is < PbkdfParameters.MinimumIterations or > PbkdfParameters.MaximumIterations)
        {
            throw new ArgumentException($"PBKDF iterations are {PbkdfParameters.MinimumIterations} to {PbkdfParameters.MaximumIterations}.", nameof(iterations));
        }

        if (discriminator > MaxDiscriminator)
        {
            throw new ArgumentException("The discriminator has 12 bits.", nameof(discriminator));
        }

        Salt = (byte[])salt.Clone();
        Iterations = iterations;
        Discriminator = discriminator;
    }

    /// <summary>The SPAKE2+ verifier (w0, L).</summary>
    public PaseVerifier Verifier { get; }

    /// <summary>The PBKDF2 salt (16 to 32 bytes).</summary>
    public byte[] Salt { get; }

    /// <summary>The PBKDF2 iterations (1000 to 100000).</summary>
    public uint Iterations { get; }

    /// <summary>The 12-bit discriminator the device advertises.</summary>
    public ushort Discriminator { get; }

    /// <summary>
    /// Derives the secret from a passcode, with a fresh random 32-byte salt unless one is given. The passcode is used
    /// once and not kept.
    /// </summary>
    /// <exception cref="ArgumentException">An invalid passcode (Core Specification 5.1.7.1), salt, iteration count or discriminator.</exception>
    public static CommissioningSecret FromPasscode(uint passcode, ushort discriminator, byte[]? salt = null, uint iterations = PbkdfParameters.MinimumIterations)
    {
        if (!IsValidPasscode(passcode))
        {
            throw new ArgumentException("The passcode is 1 to 99999998 and not one of the trivial values (11111111, 12345678, ...).", nameof(passcode));
        }

        salt ??= RandomNumberGenerator.GetBytes(32);
        if (iterations is < PbkdfParameters.MinimumIterations or > PbkdfParameters.MaximumIterations)
        {
            throw new ArgumentException($"PBKDF iterations are {PbkdfParameters.MinimumIterations} to {PbkdfParameters.MaximumIterations}.", nameof(iterations));
        }

        return new CommissioningSecret(PaseVerifier.FromPasscode(passcode, salt, (int)iterations), salt, iterations, discriminator);
    }

    /// <summary>
    /// True for a passcode a device may use: 00000001 to 99999998, except 11111111, ..., 88888888, 12345678 and
    /// 87654321 (Core Specification 5.1.7.1).
    /// </summary>
    public static bool IsValidPasscode(uint passcode) =>
        passcode is >= 1 and <= 99_999_998 and not 12_345_678 and not 87_654_321 && passcode % 11_111_111 != 0;

    /// <summary>A PASE window over this secret.</summary>
    internal CommissioningWindow OpenWindow() => new(Verifier, Salt, Iterations);
}
