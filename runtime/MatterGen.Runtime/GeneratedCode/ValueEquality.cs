using System;
using System.Collections;
using System.ComponentModel;

namespace MatterGen.GeneratedCode;

/// <summary>
/// Value equality for generated types: byte strings and lists compare by content, element by element,
/// where the default equality of <see cref="ReadOnlyMemory{T}"/> and of list objects compares references.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValueEquality
{
    /// <summary>True when both values are equal by content.</summary>
    /// <typeparam name="T">The values' type.</typeparam>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    public static bool Equal<T>(T left, T right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return EqualObjects(left, right);
    }

    /// <summary>A hash consistent with <see cref="Equal{T}(T, T)"/>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    public static int Hash<T>(T value) => value is null ? 0 : HashObject(value);

    private static bool EqualObjects(object left, object right)
    {
        switch (left)
        {
            case ReadOnlyMemory<byte> leftBytes:
                return right is ReadOnlyMemory<byte> rightBytes && leftBytes.Span.SequenceEqual(rightBytes.Span);
            case string leftText:
                return leftText.Equals(right);
            case IEnumerable leftItems:
                return right is IEnumerable rightItems && EqualSequences(leftItems, rightItems);
            default:
                return left.Equals(right);
        }
    }

    private static bool EqualSequences(IEnumerable left, IEnumerable right)
    {
        var leftItems = left.GetEnumerator();
        var rightItems = right.GetEnumerator();
        while (true)
        {
            var leftMore = leftItems.MoveNext();
            if (leftMore != rightItems.MoveNext())
            {
                return false;
            }

            if (!leftMore)
            {
                return true;
            }

            if (!Equal(leftItems.Current, rightItems.Current))
            {
                return false;
            }
        }
    }

    private static int HashObject(object value)
    {
        switch (value)
        {
            case ReadOnlyMemory<byte> bytes:
                var byteHash = new HashCode();
                byteHash.AddBytes(bytes.Span);
                return byteHash.ToHashCode();
            case string text:
                return text.GetHashCode(StringComparison.Ordinal);
            case IEnumerable items:
                var listHash = new HashCode();
                foreach (var item in items)
                {
                    listHash.Add(Hash(item));
                }

                return listHash.ToHashCode();
            default:
                return value.GetHashCode();
        }
    }
}
