using System;
using MatterGen.Tests;
using MatterGen.Transport.Crypto;
using MatterGen.Transport.Messages;
using MatterGen.Transport.Tests.Support;
using Xunit;

namespace MatterGen.Transport.Tests.Crypto;

/// <summary>AES-CCM with the spec's nonce against matter.js's encrypted PASE-session messages, both ways.</summary>
public class MessageCipherTests
{
    public static TheoryIndexes Encrypted
    {
        get
        {
            var data = new TheoryIndexes();
            data.Add(0);
            data.Add(1);
            return data;
        }
    }

    [SharedTheory]
    [MemberData(nameof(Encrypted))]
    public void Matter_js_messages_decrypt_and_encrypt_byte_equal(int index)
    {
        var exchange = ChannelVectors.Section("pase").GetProperty("exchange");
        var vector = exchange.GetProperty("encryptedMessages")[index];
        var keys = exchange.GetProperty("sessionKeys");
        var key = vector.Text("sender") == "initiator" ? keys.Hex("I2RKey") : keys.Hex("R2IKey");
        var datagram = vector.Hex("hex");
        var header = MessageHeader.Decode(datagram, out var headerLength);
        var nonce = new byte[MessageCipher.NonceLength];
        MessageCipher.WriteNonce(nonce, header.SecurityFlags, header.MessageCounter, 0);
        Assert.Equal(vector.Hex("nonce"), nonce);

        using var cipher = new MessageCipher(key);
        var ciphertext = datagram.AsSpan(headerLength, datagram.Length - headerLength - MessageCipher.MicLength);
        var plaintext = new byte[ciphertext.Length];
        Assert.True(cipher.TryDecrypt(datagram.AsSpan(0, headerLength), header, 0, ciphertext, datagram.AsSpan(datagram.Length - MessageCipher.MicLength), plaintext));
        Assert.Equal(vector.Hex("plaintextPayloadWithHeader"), plaintext);

        var again = new byte[datagram.Length];
        header.Encode(again);
        cipher.Encrypt(again.AsSpan(0, headerLength), header, 0, plaintext, again.AsSpan(headerLength, plaintext.Length), again.AsSpan(headerLength + plaintext.Length));
        Assert.Equal(Convert.ToHexString(datagram), Convert.ToHexString(again));

        var flipped = (byte[])datagram.Clone();
        flipped[headerLength + 2] ^= 0x10;
        Assert.False(cipher.TryDecrypt(flipped.AsSpan(0, headerLength), header, 0, flipped.AsSpan(headerLength, ciphertext.Length), flipped.AsSpan(datagram.Length - MessageCipher.MicLength), plaintext));
    }
}
