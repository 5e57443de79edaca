using System;

namespace MatterGen;

/// <summary>
/// Sets the starting value of one attribute on a <see cref="MatterServerAttribute"/> type, replacing the
/// definition's default. The value is checked against the attribute's type and constraints at compile time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MatterAttributeDefaultAttribute : Attribute
{
    /// <summary>Sets the default of <paramref name="attribute"/> to <paramref name="value"/>.</summary>
    /// <param name="attribute">The attribute's name.</param>
    /// <param name="value">A number, boolean or string constant, or null for a nullable attribute.</param>
    public MatterAttributeDefaultAttribute(string attribute, object? value)
    {
        Attribute = attribute;
        Value = value;
    }

    /// <summary>The attribute's name.</summary>
    public string Attribute { get; }

    /// <summary>The default value.</summary>
    public object? Value { get; }
}
