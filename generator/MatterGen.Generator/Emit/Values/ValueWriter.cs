using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit.Values;

/// <summary>
/// One of the two writers generated code encodes with: the <c>TlvWriter</c> of attribute codecs
/// (<see cref="Stream"/>), or <c>TlvFieldWriter</c> into a span at the offset <c>at</c>, as a record's
/// <c>EncodeTlvFields</c> writes (<see cref="Span"/>).
/// </summary>
internal abstract class ValueWriter
{
    /// <summary>Writes with <c>ref TlvWriter writer</c>.</summary>
    public static ValueWriter Stream { get; } = new StreamWriter();

    /// <summary>Writes into <c>destination</c> at <c>at</c>, advancing <c>at</c>.</summary>
    public static ValueWriter Span { get; } = new SpanWriter();

    /// <summary>Expression of the output offset a constraint error reports.</summary>
    public abstract string Offset { get; }

    /// <summary>Expression of the anonymous tag (a list entry's).</summary>
    public abstract string AnonymousTag { get; }

    /// <summary>The statement that opens an array.</summary>
    public abstract string StartArray(string tag);

    /// <summary>The statement that closes an array or structure.</summary>
    public abstract string EndContainer { get; }

    /// <summary>The statements that write one present, non-null element.</summary>
    public abstract string Element(MappedType type, string value, string tag);

    /// <summary>The method that writes a scalar (as <c>TlvFieldWriter</c> names it) and its argument.</summary>
    private static (string Method, string Argument) Scalar(MappedType type, string value) => type.Wire switch
    {
        WireKind.UnsignedInteger => ("Unsigned", value),
        WireKind.SignedInteger => ("Signed", value),
        WireKind.Enum or WireKind.Bitmap => ("Unsigned", $"({type.IntegerType}){value}"),
        WireKind.UnsignedWrapper => ("Unsigned", value + ".Value"),
        WireKind.Boolean => ("Boolean", value),
        WireKind.Single => ("Single", value),
        WireKind.Double => ("Double", value),
        WireKind.String => ("String", value),
        WireKind.Bytes => ("OctetString", value + ".Span"),
        _ => throw new System.ArgumentOutOfRangeException(nameof(type), type.Wire, "A structure is no scalar."),
    };

    private sealed class StreamWriter : ValueWriter
    {
        public override string Offset => "writer.BytesWritten";

        public override string AnonymousTag => Tlv + "TlvTag.Anonymous";

        public override string EndContainer => "writer.EndContainer();";

        public override string StartArray(string tag) => $"writer.StartArray({tag});";

        public override string Element(MappedType type, string value, string tag)
        {
            if (type.Wire == WireKind.Struct)
            {
                return $"{value}.Encode(ref writer, {tag});";
            }

            // TlvWriter spells its integer methods out in full.
            var (method, argument) = Scalar(type, value);
            return $"writer.Write{(method is "Unsigned" or "Signed" ? method + "Integer" : method)}({tag}, {argument});";
        }
    }

    private sealed class SpanWriter : ValueWriter
    {
        public override string Offset => "at";

        public override string AnonymousTag => FieldWriter + "Anonymous";

        public override string EndContainer => $"at = {FieldWriter}EndContainer(destination, at);";

        public override string StartArray(string tag) => $"at = {FieldWriter}StartArray(destination, at, {tag});";

        public override string Element(MappedType type, string value, string tag)
        {
            if (type.Wire == WireKind.Struct)
            {
                return $"""
                    at = {FieldWriter}StartStructure(destination, at, {tag});
                    at = {value}.EncodeTlvFields(destination, at);
                    {EndContainer}
                    """;
            }

            var (method, argument) = Scalar(type, value);
            return $"at = {FieldWriter}Write{method}(destination, at, {tag}, {argument});";
        }
    }
}
