using System;
using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace MatterGen.Transport.Udp;

/// <summary>
/// Matter over UDP (Core Specification 4.3.1): an IPv6 dual-stack socket that also takes IPv4, on port 5540 unless
/// configured otherwise, falling back to IPv4 alone where the host has no IPv6. Datagrams larger than the 1280-byte
/// IPv6 MTU budget are neither sent nor accepted.
/// </summary>
public sealed class UdpDatagramTransport : IDatagramTransport
{
    /// <summary>The Matter port.</summary>
    public const int DefaultPort = 5540;

    /// <summary>1280 bytes of IPv6 MTU less 40 bytes of IPv6 header and 8 of UDP header.</summary>
    public const int DefaultMaxDatagramSize = 1232;

    private readonly Socket socket;
    private readonly CancellationTokenSource stopping = new();
    private Task? receiveLoop;
    private int disposed;

    /// <summary>Binds the socket: dual-stack IPv6 on <paramref name="port"/> (0 for any), or IPv4 when IPv6 is unavailable.</summary>
    public UdpDatagramTransport(int port = DefaultPort, bool forceIPv4 = false)
    {
        if (!forceIPv4 && Socket.OSSupportsIPv6)
        {
            try
            {
                socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp) { DualMode = true };
                socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
                return;
            }
            catch (SocketException)
            {
                socket?.Dispose();
            }
        }

        socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Any, port));
    }

    /// <inheritdoc/>
    public int MaxDatagramSize => DefaultMaxDatagramSize;

    /// <inheritdoc/>
    public EndPoint LocalEndPoint => socket.LocalEndPoint!;

    /// <summary>True when the socket is IPv6 dual-stack, false on the IPv4 fallback.</summary>
    public bool IsDualStack => socket.AddressFamily == AddressFamily.InterNetworkV6;

    /// <inheritdoc/>
    public void Start(DatagramReceived handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (receiveLoop is not null)
        {
            throw new InvalidOperationException("The transport is already started.");
        }

        receiveLoop = Task.Run(() => ReceiveLoopAsync(handler));
    }

    /// <inheritdoc/>
    public void Send(EndPoint destination, ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length > MaxDatagramSize)
        {
            return;
        }

        if (!IsDualStack && destination is IPEndPoint { Address.IsIPv4MappedToIPv6: true } mapped)
        {
            destination = new IPEndPoint(mapped.Address.MapToIPv4(), mapped.Port);
        }

        try
        {
            socket.SendTo(datagram, SocketFlags.None, destination);
        }
        catch (SocketException)
        {
            // UDP is best effort: an unreachable peer is a lost datagram, which MRP handles.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        stopping.Cancel();
        socket.Dispose();
    }

    private async Task ReceiveLoopAsync(DatagramReceived handler)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(2048);
        EndPoint any = socket.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPEndPoint(IPAddress.IPv6Any, 0)
            : new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                SocketReceiveFromResult result;
                try
                {
                    result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stopping.Token).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    continue; // e.g. ICMP port unreachable reported on the next receive (Windows)
                }

                if (result.ReceivedBytes <= MaxDatagramSize)
                {
                    handler(result.RemoteEndPoint, buffer.AsSpan(0, result.ReceivedBytes));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
