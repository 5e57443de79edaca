namespace MatterGen.Generator.Model;

/// <summary>
/// A default value: the text the definition or the user wrote, kept because metadata and documentation show
/// it as written, and the number it reads as, read once where the text is read.
/// </summary>
/// <param name="Text">As written (<c>0x10</c>, <c>true</c>, <c>"abc"</c>, <c>null</c>).</param>
/// <param name="Number">The number the text stands for (integer or real), or null when it is not a number.</param>
internal sealed record DefaultValue(string Text, decimal? Number)
{
    /// <inheritdoc/>
    public override string ToString() => Text;
}
