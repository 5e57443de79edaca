using System;
using MatterGen.GeneratedCode;

namespace MatterGen.DataModel;

/// <summary>
/// A field that may be absent, for Matter fields that are both optional and nullable: absent
/// (<see cref="HasValue"/> false, the <see langword="default"/>) is distinct from present with a TLV null
/// (<see cref="HasValue"/> true and <see cref="Value"/> <see langword="null"/>).
/// </summary>
/// <typeparam name="T">The field's type, usually nullable (<c>byte?</c>, <c>string?</c>).</typeparam>
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T value;

    /// <summary>A present value (which may itself be <see langword="null"/>: a TLV null).</summary>
    /// <param name="value">The value.</param>
    public Optional(T value)
    {
        this.value = value;
        HasValue = true;
    }

    /// <summary>The absent value; the same as <see langword="default"/>.</summary>
    public static Optional<T> Absent => default;

    /// <summary>True when the field is present on the wire.</summary>
    public bool HasValue { get; }

    /// <summary>The value when present.</summary>
    /// <exception cref="InvalidOperationException">The field is absent.</exception>
    public T Value => HasValue ? value : throw new InvalidOperationException("The optional field is absent.");

    /// <summary>A present value: <c>Optional&lt;byte?&gt; x = null</c> is present and null, not absent.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <summary>Equal when both are absent, or both present with equal values (lists and bytes by content).</summary>
    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    /// <summary>Not <see cref="op_Equality"/>.</summary>
    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);

    /// <summary>The value when present, otherwise <paramref name="fallback"/>.</summary>
    /// <param name="fallback">What to return when absent.</param>
    public T GetValueOrDefault(T fallback) => HasValue ? value : fallback;

    /// <inheritdoc/>
    public bool Equals(Optional<T> other) =>
        HasValue == other.HasValue && (!HasValue || ValueEquality.Equal(value, other.value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HasValue ? HashCode.Combine(1, ValueEquality.Hash(value)) : 0;

    /// <inheritdoc/>
    public override string ToString() => HasValue ? (value?.ToString() ?? "null") : "(absent)";
}
