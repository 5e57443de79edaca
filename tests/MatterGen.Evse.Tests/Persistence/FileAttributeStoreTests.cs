using System;
using System.IO;
using MatterGen.Evse.Persistence;
using Xunit;

namespace MatterGen.Evse.Tests.Persistence;

/// <summary>The store survives restarts, interrupted writes and corrupt files.</summary>
public sealed class FileAttributeStoreTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("mattergen-store-").FullName;

    private string StorePath => Path.Combine(directory, "evse.tlv");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Values_survive_a_restart()
    {
        new FileAttributeStore(StorePath).Save(1, 0x0099, 0x0040, [0x26, 0x07, 0, 0, 0]);

        var reopened = new FileAttributeStore(StorePath);

        Assert.True(reopened.TryLoad(1, 0x0099, 0x0040, out var value));
        Assert.Equal(new byte[] { 0x26, 0x07, 0, 0, 0 }, value.ToArray());
        Assert.False(reopened.TryLoad(1, 0x0099, 0x0041, out _));
    }

    [Fact]
    public void A_write_interrupted_before_the_rename_leaves_the_last_good_state()
    {
        new FileAttributeStore(StorePath).Save(1, 0x0099, 0x0040, [0x24, 0x01]);
        var failing = new FailingStore(StorePath);

        Assert.Throws<IOException>(() => failing.Save(1, 0x0099, 0x0040, [0x24, 0x02]));

        Assert.True(File.Exists(failing.TemporaryPath)); // the half-done write is there, and ignored
        Assert.True(new FileAttributeStore(StorePath).TryLoad(1, 0x0099, 0x0040, out var value));
        Assert.Equal(new byte[] { 0x24, 0x01 }, value.ToArray());
        Assert.True(failing.TryLoad(1, 0x0099, 0x0040, out var inMemory));
        Assert.Equal(new byte[] { 0x24, 0x01 }, inMemory.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x15, 0x24, 0x00 })]
    [InlineData(new byte[] { 0x15, 0x24, 0x00, 0x09, 0x18 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF })]
    public void A_corrupt_file_starts_from_defaults(byte[] contents)
    {
        File.WriteAllBytes(StorePath, contents);

        var store = new FileAttributeStore(StorePath);

        Assert.False(store.TryLoad(1, 0x0099, 0x0040, out _));
        store.Save(1, 0x0099, 0x0040, [0x24, 0x03]);
        Assert.True(new FileAttributeStore(StorePath).TryLoad(1, 0x0099, 0x0040, out _));
    }

    [Fact]
    public void A_missing_file_starts_from_defaults() =>
        Assert.False(new FileAttributeStore(Path.Combine(directory, "nested", "absent.tlv")).TryLoad(1, 1, 1, out _));

    private sealed class FailingStore(string path) : FileAttributeStore(path)
    {
        protected override void BeforeReplace() => throw new IOException("power lost before the rename");
    }
}
