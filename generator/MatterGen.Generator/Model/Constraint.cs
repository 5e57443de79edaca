namespace MatterGen.Generator.Model;

/// <summary>
/// The constraints on a value as the XML states them, numbers read once (integers and reals alike);
/// <see langword="null"/> means no constraint.
/// </summary>
/// <param name="Min">Minimum value (numbers).</param>
/// <param name="Max">Maximum value (numbers).</param>
/// <param name="MinLength">Minimum length (strings) or count (lists).</param>
/// <param name="MaxLength">Maximum length (strings: bytes) or count (lists): the XML's <c>length</c>.</param>
/// <param name="MinReference">
/// A lower bound that names another attribute of the cluster instead of a number (<c>min="MIN_POWER"</c>): as
/// written after parsing, the attribute's name after resolution. Checked at run time against that attribute's
/// current value.
/// </param>
/// <param name="MaxReference">The same for the upper bound.</param>
/// <param name="Unreadable">
/// A bound the generator could not read (<c>min="ten"</c>), as written: left out with a warning (MG0012), and
/// an error (MG1009) for a server that has the element, since the server could not enforce it.
/// </param>
internal sealed record Constraint(decimal? Min, decimal? Max, int? MinLength, int? MaxLength, string? MinReference = null, string? MaxReference = null, string? Unreadable = null)
{
    public static Constraint None { get; } = new(null, null, null, null);

    public bool IsEmpty => Min is null && Max is null && MinLength is null && MaxLength is null && MinReference is null && MaxReference is null && Unreadable is null;

    /// <summary>True when a bound names an attribute.</summary>
    public bool HasReference => MinReference is not null || MaxReference is not null;
}
