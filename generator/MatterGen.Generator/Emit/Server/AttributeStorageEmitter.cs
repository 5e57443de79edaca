using System.Collections.Generic;
using System.Globalization;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;
using static MatterGen.Generator.Emit.RuntimeNames;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// Emits one property per attribute present: typed storage that starts at the default, whose setter refuses
/// values outside the (possibly tightened) constraint, so the server never holds an illegal value, and tells
/// the interaction machinery of every change (data version, persistence, reports).
/// </summary>
internal static class AttributeStorageEmitter
{
    /// <summary>Writes the storage of one attribute the server's plan holds.</summary>
    public static void Emit(CodeWriter writer, StoredAttribute held)
    {
        var (attribute, type, property, field, propertyType, nullableStorage) = (held.Attribute, held.Type, held.Property, held.Field, held.PropertyType, held.NullableStorage);
        var isList = attribute.Type.IsList;
        var initial = InitialValue.Expression(type, isList, nullableStorage, attribute.Default);
        var check = ConstraintCheck.Condition(type, isList, nullableStorage, attribute.Constraint);
        writer.Lines($$"""
            private {{propertyType}} {{field}} = {{initial}};

            """);
        Docs.Summary(writer, attribute.Description, attribute.Name);
        Docs.Maturity(writer, MaturityMarks.IsProvisional(attribute.Maturity, attribute.Conformance), MaturityMarks.IsDeprecated(attribute.Maturity, attribute.Conformance), note: Remarks(attribute));
        // Under the server's one lock, so a network read never sees half of a value (a Nullable<long> is two words)
        // and a value and its data version change together; the lock is reentrant for device code that holds it.
        writer.Lines($$"""
            public {{propertyType}} {{property}}
            {
                get
                {
                    lock (SyncRoot)
                    {
                        return {{field}};
                    }
                }

                set
                {
            """);
        writer.Indent(2);
        if (check is not null)
        {
            writer.Guard(check.Value.Condition, $"throw new global::System.ArgumentOutOfRangeException(nameof(value), {Literals.String(attribute.Name + " must be " + check.Value.Rule)});");
        }

        // Lists and byte strings compare by content: the same bytes in a new buffer are no change to report.
        var same = isList
            ? $"ListsEqual({field}, value)"
            : type.Wire == WireKind.Bytes
                ? $"{GeneratedCode}ValueEquality.Equal({field}, value)"
                : $"global::System.Collections.Generic.EqualityComparer<{propertyType}>.Default.Equals({field}, value)";
        // A change to or from null is one quieter reporting must not hold back.
        var significant = nullableStorage ? $"({field} is null) != (value is null)" : "false";
        writer.Lines($$"""
            lock (SyncRoot)
            {
                if ({{same}})
                {
                    return;
                }

                var significant = {{significant}};
                {{field}} = value;
                OnAttributeChanged({{Literals.Hex(attribute.Id)}}, significant);
            }
            """);
        writer.Close();
        writer.Close();
        writer.Line();
    }

    private static string Bound(decimal? bound) => bound?.ToString(CultureInfo.InvariantCulture) ?? "…";

    private static string Remarks(AttributeModel attribute)
    {
        var parts = new List<string> { "Attribute " + Docs.Id(attribute.Id) + ", type " + attribute.Type + (attribute.IsNullable ? ", nullable" : string.Empty) };
        parts.Add(attribute.IsWritable ? "writable (" + attribute.Access.Write + ")" : "read-only");
        if (attribute.Default is not null)
        {
            parts.Add("default " + attribute.Default);
        }

        if (attribute.Constraint.Min is not null || attribute.Constraint.Max is not null)
        {
            parts.Add("range " + Bound(attribute.Constraint.Min) + " to " + Bound(attribute.Constraint.Max));
        }

        if (attribute.Constraint.MaxLength is { } length)
        {
            parts.Add("at most " + length.ToString(CultureInfo.InvariantCulture) + (attribute.Type.IsList ? " entries" : " bytes"));
        }

        var quality = new List<string>();
        if ((attribute.Quality & AttributeQuality.NonVolatile) != 0)
        {
            quality.Add("kept across restarts (N)");
        }

        if ((attribute.Quality & AttributeQuality.QuieterReporting) != 0)
        {
            quality.Add("reported at most once per interval (Q)");
        }

        if ((attribute.Quality & AttributeQuality.ChangesOmitted) != 0)
        {
            quality.Add("changes not reported (C)");
        }

        parts.AddRange(quality);
        return string.Join("; ", parts) + ".";
    }
}
