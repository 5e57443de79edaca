using System;
using System.Net;

namespace MatterGen.Transport.Udp;

/// <summary>Called for every datagram that arrives; the span is valid only during the call.</summary>
/// <param name="source">Who sent it.</param>
/// <param name="datagram">The bytes.</param>
public delegate void DatagramReceived(EndPoint source, ReadOnlySpan<byte> datagram);

/// <summary>
/// Unreliable datagrams to and from peers: UDP on a real network, an in-memory lossy network in tests. Reliability
/// (MRP) and security sit above it.
/// </summary>
public interface IDatagramTransport : IDisposable
{
    /// <summary>The largest datagram this transport carries (1280-byte IPv6 minimum MTU less IP and UDP headers).</summary>
    int MaxDatagramSize { get; }

    /// <summary>Where this transport receives.</summary>
    EndPoint LocalEndPoint { get; }

    /// <summary>Starts delivering received datagrams to <paramref name="handler"/> (once).</summary>
    void Start(DatagramReceived handler);

    /// <summary>Sends a datagram, best effort: a failure to send is a lost datagram, not an exception.</summary>
    void Send(EndPoint destination, ReadOnlySpan<byte> datagram);
}
