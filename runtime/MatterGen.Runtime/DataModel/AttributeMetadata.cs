using System.Collections.Generic;

namespace MatterGen.DataModel;

/// <summary>What the specification says about one attribute of a cluster.</summary>
/// <param name="Id">Attribute id.</param>
/// <param name="Name">Name as the specification writes it.</param>
/// <param name="TypeName">The Matter data type as written (element type for lists).</param>
/// <param name="IsList">The value is a list.</param>
/// <param name="IsNullable">The value may be null.</param>
/// <param name="IsWritable">Clients may write it.</param>
/// <param name="ReadPrivilege">Privilege needed to read.</param>
/// <param name="WritePrivilege">Privilege needed to write (meaningful when writable).</param>
/// <param name="Quality">Quality flags.</param>
/// <param name="MustUseTimedWrite">Writes must be timed.</param>
/// <param name="Default">Default value as written, if any.</param>
/// <param name="Min">Minimum value, if stated.</param>
/// <param name="Max">Maximum value, if stated.</param>
/// <param name="MinLength">Minimum length (bytes for strings, count for lists), if stated.</param>
/// <param name="MaxLength">Maximum length (bytes for strings, count for lists), if stated.</param>
/// <param name="Conformance">Conformance in the specification's notation (<c>M</c>, <c>[PREF]</c>, <c>P, O</c>).</param>
/// <param name="IsProvisional">The specification calls it provisional.</param>
public sealed record AttributeMetadata(
    uint Id,
    string Name,
    string TypeName,
    bool IsList,
    bool IsNullable,
    bool IsWritable,
    Privilege ReadPrivilege,
    Privilege WritePrivilege,
    AttributeQuality Quality,
    bool MustUseTimedWrite,
    string? Default,
    decimal? Min,
    decimal? Max,
    int? MinLength,
    int? MaxLength,
    string Conformance,
    bool IsProvisional)
{
    /// <summary>
    /// The value is a fabric-scoped struct or a list of them (the struct's definition says <c>isFabricScoped</c>):
    /// each entry carries its FabricIndex in field 0xFE, a fabric-filtered read reports only the accessing
    /// fabric's entries, and a write touches only the writer's (Core Specification 7.13.6 and 8.4.3.2).
    /// </summary>
    public bool IsFabricScoped { get; init; }

    /// <summary>
    /// The ids of the struct's fabric-sensitive fields, in ascending order (empty when none or not fabric-scoped):
    /// left out of another fabric's entries when they are reported.
    /// </summary>
    public IReadOnlyList<byte> FabricSensitiveFields { get; init; } = [];
}
