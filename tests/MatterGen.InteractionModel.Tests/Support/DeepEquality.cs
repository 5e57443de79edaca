using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using Xunit;

namespace MatterGen.InteractionModel.Tests.Support;

/// <summary>
/// Structural equality for message records, whose lists and byte payloads compare by reference in the records'
/// own Equals: public properties compared recursively, sequences item by item, byte payloads by content.
/// </summary>
internal static class DeepEquality
{
    public static void AssertEqual(object? expected, object? actual, string path = "message")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }

        Assert.True(expected.GetType() == actual.GetType(), $"{path}: type {expected.GetType().Name} vs {actual.GetType().Name}");
        switch (expected)
        {
            case ReadOnlyMemory<byte> bytes:
                Assert.True(bytes.Span.SequenceEqual(((ReadOnlyMemory<byte>)actual).Span), $"{path}: {Convert.ToHexString(bytes.Span)} vs {Convert.ToHexString(((ReadOnlyMemory<byte>)actual).Span)}");
                return;
            case string or ValueType when expected.GetType().Namespace == "System" || expected.GetType().IsEnum || expected is string:
                Assert.True(expected.Equals(actual), $"{path}: {expected} vs {actual}");
                return;
            case IEnumerable sequence:
                var left = sequence.Cast<object?>().ToList();
                var right = ((IEnumerable)actual).Cast<object?>().ToList();
                Assert.True(left.Count == right.Count, $"{path}: {left.Count} items vs {right.Count}");
                for (var i = 0; i < left.Count; i++)
                {
                    AssertEqual(left[i], right[i], $"{path}[{i}]");
                }

                return;
        }

        var properties = expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToList();
        if (properties.Count == 0 || expected.GetType().IsGenericType && expected.GetType().GetGenericTypeDefinition() == typeof(DataModel.Optional<>))
        {
            Assert.True(expected.Equals(actual), $"{path}: {expected} vs {actual}");
            return;
        }

        foreach (var property in properties)
        {
            AssertEqual(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
        }
    }
}
