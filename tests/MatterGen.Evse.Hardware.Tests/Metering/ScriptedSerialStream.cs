using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace MatterGen.Evse.Hardware.Tests.Metering;

/// <summary>
/// A serial line: each written request releases the next scripted response; null scripts silence, during which
/// the fake clock is moved on by <see cref="SilenceLength"/> so the client's timeout fires deterministically.
/// </summary>
internal sealed class ScriptedSerialStream : Stream
{
    public static readonly TimeSpan SilenceLength = TimeSpan.FromSeconds(10);

    private readonly Queue<byte[]?> scriptedResponses;
    private byte[] pending = [];
    private int pendingOffset;

    public ScriptedSerialStream(params byte[]?[] responses) => scriptedResponses = new Queue<byte[]?>(responses);

    public FakeTimeProvider Time { get; } = new();

    public List<byte[]> Requests { get; } = [];

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Requests.Add(buffer.AsSpan(offset, count).ToArray());
        pending = scriptedResponses.Count > 0 ? scriptedResponses.Dequeue() ?? [] : [];
        pendingOffset = 0;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(count, pending.Length - pendingOffset);
        Array.Copy(pending, pendingOffset, buffer, offset, n);
        pendingOffset += n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (pendingOffset >= pending.Length)
        {
            Time.Advance(SilenceLength);
            await Task.Delay(Timeout.Infinite, cancellationToken); // silence until the timeout
        }

        // Deliver one byte at a time, as a UART does.
        buffer.Span[0] = pending[pendingOffset++];
        return 1;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
