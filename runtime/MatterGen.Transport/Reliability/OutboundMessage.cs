using System.Buffers;
using System.Threading;
using System.Threading.Tasks;

namespace MatterGen.Transport.Reliability;

/// <summary>A reliable message waiting for its acknowledgement: the exact datagram (same counter) to resend.</summary>
internal sealed class OutboundMessage
{
    private byte[]? datagram;

    public OutboundMessage(byte[] rentedDatagram, int length, uint counter)
    {
        datagram = rentedDatagram;
        Length = length;
        Counter = counter;
    }

    public byte[] Datagram => datagram!;

    public int Length { get; }

    public uint Counter { get; }

    /// <summary>Transmissions so far (1 after the first send).</summary>
    public int Transmissions { get; set; } = 1;

    public ITimer? Timer { get; set; }

    public TaskCompletionSource Acknowledged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Stops the timer and returns the datagram buffer to the pool.</summary>
    public void Release()
    {
        Timer?.Dispose();
        var buffer = Interlocked.Exchange(ref datagram, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
