using System;
using System.Collections.Generic;
using MatterGen.DataModel;
using MatterGen.GeneratedCode;
using Xunit;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>The runtime primitives generated code stands on.</summary>
public sealed class DataModelTests
{
    [Fact]
    public void Optional_keeps_absent_and_null_apart()
    {
        Optional<byte?> absent = default;
        Optional<byte?> nullValue = (byte?)null;
        Optional<byte?> five = (byte)5;

        Assert.False(absent.HasValue);
        Assert.True(nullValue.HasValue);
        Assert.Null(nullValue.Value);
        Assert.Equal((byte)5, five.Value);
        Assert.NotEqual(absent, nullValue);
        Assert.Equal(five, new Optional<byte?>(5));
        Assert.True(five == new Optional<byte?>(5));
        Assert.Equal(Optional<byte?>.Absent, absent);
        Assert.Throws<InvalidOperationException>(() => absent.Value);
        Assert.Equal((byte)9, absent.GetValueOrDefault(9));
    }

    [Fact]
    public void Optional_compares_bytes_and_lists_by_content()
    {
        Assert.Equal(new Optional<ReadOnlyMemory<byte>?>(new byte[] { 1, 2 }), new Optional<ReadOnlyMemory<byte>?>(new byte[] { 1, 2 }));
        Assert.Equal(new Optional<IReadOnlyList<int>?>(new[] { 1, 2 }), new Optional<IReadOnlyList<int>?>(new List<int> { 1, 2 }));
        Assert.NotEqual(new Optional<IReadOnlyList<int>?>(new[] { 1, 2 }), new Optional<IReadOnlyList<int>?>(new[] { 1 }));
        Assert.Equal(
            new Optional<IReadOnlyList<int>?>(new[] { 1, 2 }).GetHashCode(),
            new Optional<IReadOnlyList<int>?>(new List<int> { 1, 2 }).GetHashCode());
    }

    [Fact]
    public void ValueEquality_handles_nulls_bytes_strings_and_nested_lists()
    {
        Assert.True(ValueEquality.Equal<string?>(null, null));
        Assert.False(ValueEquality.Equal<string?>("a", null));
        Assert.True(ValueEquality.Equal(new ReadOnlyMemory<byte>(new byte[] { 1 }), new ReadOnlyMemory<byte>(new byte[] { 1 })));
        Assert.False(ValueEquality.Equal(new ReadOnlyMemory<byte>(new byte[] { 1 }), new ReadOnlyMemory<byte>(new byte[] { 2 })));
        IReadOnlyList<ReadOnlyMemory<byte>> left = new[] { new ReadOnlyMemory<byte>(new byte[] { 7 }) };
        IReadOnlyList<ReadOnlyMemory<byte>> right = new List<ReadOnlyMemory<byte>> { new byte[] { 7 } };
        Assert.True(ValueEquality.Equal(left, right));
        Assert.Equal(ValueEquality.Hash(left), ValueEquality.Hash(right));
        Assert.False(ValueEquality.Equal<IReadOnlyList<int>>(new[] { 1, 2 }, new[] { 1, 2, 3 }));
    }

    [Fact]
    public void EpochSeconds_count_from_the_Matter_epoch()
    {
        var time = new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero);
        Assert.Equal(753315200u, EpochSeconds.FromDateTimeOffset(time).Value);
        Assert.Equal(time, new EpochSeconds(753315200).ToDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new EpochSeconds(0).ToDateTimeOffset());
        Assert.Throws<ArgumentOutOfRangeException>(() => EpochSeconds.FromDateTimeOffset(new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero)));
        Assert.Throws<ArgumentOutOfRangeException>(() => EpochSeconds.FromDateTimeOffset(new DateTimeOffset(2137, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void EpochMicroseconds_and_ElapsedSeconds_convert()
    {
        var time = new DateTimeOffset(2000, 1, 1, 0, 0, 1, TimeSpan.Zero).AddTicks(5);
        Assert.Equal(1_000_000UL, EpochMicroseconds.FromDateTimeOffset(time).Value);
        Assert.Equal(time.AddTicks(-5), new EpochMicroseconds(1_000_000).ToDateTimeOffset());
        Assert.Throws<ArgumentOutOfRangeException>(() => new EpochMicroseconds(ulong.MaxValue).ToDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(1), new ElapsedSeconds(3600).ToTimeSpan());
        Assert.Equal(600u, ElapsedSeconds.FromTimeSpan(TimeSpan.FromMinutes(10)).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => ElapsedSeconds.FromTimeSpan(TimeSpan.FromSeconds(-1)));
    }
}
