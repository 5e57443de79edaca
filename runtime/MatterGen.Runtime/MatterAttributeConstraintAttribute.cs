using System;

namespace MatterGen;

/// <summary>
/// Tightens the constraint of one attribute on a <see cref="MatterServerAttribute"/> type: a device may
/// accept less than the definition allows, never more. Checked at compile time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MatterAttributeConstraintAttribute : Attribute
{
    /// <summary>Tightens the constraint of <paramref name="attribute"/>.</summary>
    /// <param name="attribute">The attribute's name.</param>
    public MatterAttributeConstraintAttribute(string attribute) => Attribute = attribute;

    /// <summary>The attribute's name.</summary>
    public string Attribute { get; }

    /// <summary>The smallest value accepted; <see cref="long.MinValue"/> (the default) leaves the definition's.</summary>
    public long Min { get; set; } = long.MinValue;

    /// <summary>The largest value accepted; <see cref="long.MaxValue"/> (the default) leaves the definition's.</summary>
    public long Max { get; set; } = long.MaxValue;

    /// <summary>The longest string or list accepted; -1 (the default) leaves the definition's.</summary>
    public int MaxLength { get; set; } = -1;
}
