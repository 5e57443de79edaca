using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using MatterGen.Interaction;
using MatterGen.Persistence;
using MatterGen.Tlv;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MatterGen.Evse.Persistence;

/// <summary>
/// A file-backed <see cref="IAttributeStore"/> that never leaves a half-written state: every save writes the
/// whole store to a temporary file, flushes it to the disk and renames it over the old one (atomic on the
/// same file system). A missing or corrupt file starts from defaults with a logged warning, never a crash.
/// The file is TLV: an anonymous structure with a format version (tag 0) and an array (tag 1) of
/// structures {0: endpoint, 1: cluster id, 2: attribute id, 3: value as TLV bytes}.
/// </summary>
public class FileAttributeStore : IAttributeStore
{
    private const uint FormatVersion = 1;
    private readonly object gate = new();
    private readonly Dictionary<(ushort Endpoint, uint Cluster, uint Attribute), byte[]> values = new();
    private readonly ILogger logger;

    /// <summary>Opens (or starts) the store at <paramref name="path"/>.</summary>
    public FileAttributeStore(string path, ILogger<FileAttributeStore>? logger = null)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        Load();
    }

    /// <summary>The store's file.</summary>
    public string Path { get; }

    /// <summary>The temporary file a save writes before it replaces <see cref="Path"/>.</summary>
    public string TemporaryPath => Path + ".tmp";

    /// <inheritdoc/>
    public bool TryLoad(ushort endpoint, uint clusterId, uint attributeId, out ReadOnlyMemory<byte> value)
    {
        lock (gate)
        {
            var found = values.TryGetValue((endpoint, clusterId, attributeId), out var bytes);
            value = bytes;
            return found;
        }
    }

    /// <inheritdoc/>
    public void Save(ushort endpoint, uint clusterId, uint attributeId, ReadOnlySpan<byte> value)
    {
        lock (gate)
        {
            var key = (endpoint, clusterId, attributeId);
            var previous = values.TryGetValue(key, out var old) ? old : null;
            values[key] = value.ToArray();
            try
            {
                Commit(Serialize());
            }
            catch
            {
                // The file still holds the last good state; keep memory in step with it.
                if (previous is null)
                {
                    values.Remove(key);
                }
                else
                {
                    values[key] = previous;
                }

                throw;
            }
        }
    }

    /// <summary>Called after the temporary file is written and flushed, before it replaces the store (a seam for tests).</summary>
    protected virtual void BeforeReplace()
    {
    }

    // Owner-only: the store holds secrets too (Group Key Management keeps its epoch keys in it).
    private void Commit(byte[] contents) => AtomicFile.Write(Path, TemporaryPath, contents, BeforeReplace, ownerOnly: true);

    private byte[] Serialize()
    {
        var output = new ArrayBufferWriter<byte>(256);
        var writer = new TlvWriter(output);
        writer.StartStructure(TlvTag.Anonymous);
        writer.WriteUnsignedInteger(TlvTag.Context(0), FormatVersion);
        writer.StartArray(TlvTag.Context(1));
        foreach (var ((endpoint, cluster, attribute), bytes) in values)
        {
            writer.StartStructure(TlvTag.Anonymous);
            writer.WriteUnsignedInteger(TlvTag.Context(0), endpoint);
            writer.WriteUnsignedInteger(TlvTag.Context(1), cluster);
            writer.WriteUnsignedInteger(TlvTag.Context(2), attribute);
            writer.WriteOctetString(TlvTag.Context(3), bytes);
            writer.EndContainer();
        }

        writer.EndContainer();
        writer.EndContainer();
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }

    private void Load()
    {
        byte[] contents;
        try
        {
            if (!File.Exists(Path))
            {
                logger.LogInformation("No attribute store at {Path}; starting from defaults", Path);
                return;
            }

            contents = File.ReadAllBytes(Path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "Attribute store {Path} could not be read; starting from defaults", Path);
            return;
        }

        try
        {
            var loaded = Parse(contents);
            foreach (var (key, bytes) in loaded)
            {
                values[key] = bytes;
            }
        }
        catch (TlvException exception)
        {
            logger.LogWarning(exception, "Attribute store {Path} is corrupt; starting from defaults", Path);
        }
    }

    private static List<((ushort, uint, uint) Key, byte[] Value)> Parse(byte[] contents)
    {
        var entries = new List<((ushort, uint, uint), byte[])>();
        var reader = new TlvReader(contents);
        reader.ExpectType(TlvElementType.Structure);
        uint? version = null;
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            if (reader.Tag.IsContext(0))
            {
                version = reader.GetUInt32();
            }
            else if (reader.Tag.IsContext(1) && version == FormatVersion)
            {
                reader.ExpectType(TlvElementType.Array);
                while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
                {
                    entries.Add(ParseEntry(ref reader));
                }
            }
            else
            {
                reader.Skip();
            }
        }

        reader.ExpectEnd();
        if (version != FormatVersion)
        {
            throw new TlvException(TlvError.ConstraintViolation, 0, $"unknown attribute store format {version?.ToString() ?? "(none)"}", "version");
        }

        return entries;
    }

    private static ((ushort, uint, uint), byte[]) ParseEntry(ref TlvReader reader)
    {
        reader.ExpectType(TlvElementType.Structure);
        ushort? endpoint = null;
        uint? cluster = null;
        uint? attribute = null;
        byte[]? value = null;
        while (reader.Read() && reader.ElementType != TlvElementType.EndOfContainer)
        {
            switch (reader.Tag.Kind == TlvTagKind.Context ? (int)reader.Tag.Number : -1)
            {
                case 0: endpoint = reader.GetUInt16(); break;
                case 1: cluster = reader.GetUInt32(); break;
                case 2: attribute = reader.GetUInt32(); break;
                case 3: value = reader.GetOctetStringArray(); break;
                default: reader.Skip(); break;
            }
        }

        if (endpoint is null || cluster is null || attribute is null || value is null)
        {
            throw TlvException.MissingField("entry", reader.ElementOffset);
        }

        return ((endpoint.Value, cluster.Value, attribute.Value), value);
    }
}
