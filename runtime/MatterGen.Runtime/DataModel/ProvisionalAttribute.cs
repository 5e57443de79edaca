using System;

namespace MatterGen.DataModel;

/// <summary>
/// Marks a generated element that the Matter specification calls provisional: it may change or disappear in a
/// later revision, and certified devices may not support it yet.
/// </summary>
[AttributeUsage(AttributeTargets.All, Inherited = false)]
public sealed class ProvisionalAttribute : Attribute
{
}
