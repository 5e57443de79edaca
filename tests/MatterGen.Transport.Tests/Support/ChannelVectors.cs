using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using MatterGen.Tests;

namespace MatterGen.Transport.Tests.Support;

/// <summary>../shared/vectors/matterjs-channel.json, loaded once.</summary>
public static class ChannelVectors
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(SharedMaterial.PathOf("vectors/matterjs-channel.json"))).RootElement);

    public static JsonElement Document => Root.Value;

    public static JsonElement Section(string name) => Document.GetProperty(name);

    public static byte[] Hex(this JsonElement element, string property) => Convert.FromHexString(element.GetProperty(property).GetString()!);

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static ulong UInt64(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.String
            ? ulong.Parse(element.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : element.GetProperty(property).GetUInt64();

    public static bool Has(this JsonElement element, string property) => element.TryGetProperty(property, out _);

    /// <summary>The index of each array entry, for theories.</summary>
    public static TheoryIndexes Indexes(string section, string? inner = null)
    {
        var data = new TheoryIndexes();
        if (SharedMaterial.Directory is null)
        {
            data.Add(-1);
            return data;
        }

        var array = inner is null ? Section(section) : Section(section).GetProperty(inner);
        foreach (var index in Enumerable.Range(0, array.GetArrayLength()))
        {
            data.Add(index);
        }

        return data;
    }
}

public sealed class TheoryIndexes : Xunit.TheoryData<int>
{
}
