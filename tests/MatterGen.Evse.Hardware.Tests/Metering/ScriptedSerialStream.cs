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

    private readonly Queue<byte[]?> _responses;
    private byte[] _pending = [];
    private int _offset;

    public ScriptedSerialStream(params byte[]?[] responses) => _responses = new Queue<byte[]?>(responses);

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
        _pending = _responses.Count > 0 ? _responses.Dequeue() ?? [] : [];
        _offset = 0;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(count, _pending.Length - _offset);
        Array.Copy(_pending, _offset, buffer, offset, n);
        _offset += n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset >= _pending.Length)
        {
            Time.Advance(SilenceLength);
            await Task.Delay(Timeout.Infinite, cancellationToken); // silence until the timeout
        }

        // Deliver one byte at a time, as a UART does.
        buffer.Span[0] = _pending[_offset++];
        return 1;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
