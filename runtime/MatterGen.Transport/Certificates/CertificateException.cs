using System;

namespace MatterGen.Transport.Certificates;

/// <summary>A Matter operational certificate that is malformed, cannot convert exactly, or fails validation.</summary>
public sealed class CertificateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CertificateException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
