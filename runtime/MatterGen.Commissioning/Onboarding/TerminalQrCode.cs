using System;
using QRCoder;

namespace MatterGen.Commissioning.Onboarding;

/// <summary>Draws a QR code as text for a terminal, with half-block characters (two modules per character row).</summary>
public static class TerminalQrCode
{
    /// <summary>
    /// The QR code of <paramref name="text"/> as lines of block characters with the quiet zone. Uses error correction
    /// level M; <paramref name="darkOnLight"/> false inverts it for terminals with a dark background.
    /// </summary>
    public static string Render(string text, bool darkOnLight = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var drawing = new AsciiQRCode(data);
        return drawing.GetGraphicSmall(drawQuietZones: true, invert: !darkOnLight, endOfLine: "\n");
    }
}
