using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;

namespace MatterGen.Generator.Emit.Values;

/// <summary>Writes the statements that check and encode one present, non-null value: an element, or a list of them.</summary>
internal static class ValueEncoding
{
    /// <summary>Statements that write a present, non-null value.</summary>
    /// <param name="writer">Where to write the code.</param>
    /// <param name="target">The writer the generated code writes with.</param>
    /// <param name="type">The element type.</param>
    /// <param name="isList">The value is a list of the element type.</param>
    /// <param name="value">Expression of the value (never null).</param>
    /// <param name="tag">Expression of the tag.</param>
    /// <param name="fieldName">Name for errors.</param>
    /// <param name="constraint">Constraints to check before writing.</param>
    /// <param name="unique">A suffix that keeps locals unique.</param>
    public static void Write(CodeWriter writer, ValueWriter target, MappedType type, bool isList, string value, string tag, string fieldName, Constraint constraint, string unique)
    {
        if (!isList)
        {
            ValueChecks.Emit(writer, ValueChecks.Element(type, value, fieldName, constraint, target.Offset));
            writer.Lines(target.Element(type, value, tag));
            return;
        }

        // The count read once (an interface call) and an indexed loop: foreach over an IReadOnlyList<T> boxes
        // the enumerator, and encoding must not allocate.
        var count = "count" + unique;
        var index = "index" + unique;
        var item = "item" + unique;
        writer.Line($"var {count} = {value}.Count;");
        ValueChecks.Emit(writer, [
            ValueChecks.TooFew(count, fieldName, constraint, target.Offset),
            ValueChecks.TooMany(count, ">", fieldName, constraint, target.Offset),
        ]);
        writer.Lines($$"""
            {{target.StartArray(tag)}}
            for (var {{index}} = 0; {{index}} < {{count}}; {{index}}++)
            {
                var {{item}} = {{value}}[{{index}}];
            """);
        writer.Indent();
        ValueChecks.Emit(writer, ValueChecks.Element(type, item, fieldName, constraint, target.Offset));
        writer.Lines(target.Element(type, item, target.AnonymousTag));
        writer.Close();
        writer.Line(target.EndContainer);
    }
}
