using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// Emits one property per attribute present: typed storage that starts at the default and whose setter
/// refuses values outside the (possibly tightened) constraint, so the server never holds an illegal value.
/// </summary>
internal sealed class AttributeStorageEmitter
{
    private readonly TypeMapper mapper;
    private readonly NameScope names;

    public AttributeStorageEmitter(ClusterUnit unit, string rootNamespace)
    {
        mapper = ClusterEmitter.MapperFor(unit, new GeneratorSettings(rootNamespace), ClusterNames.Assign(unit));
        names = new NameScope(new[] { "ClusterId", "ClusterRevision", "FeatureMap", "Features", "AttributeList", "AcceptedCommandList", "GeneratedCommandList", "EventList" }.Concat(NameScope.ObjectMembers));
    }

    public void Emit(CodeWriter writer, AttributeModel attribute)
    {
        var type = mapper.Map(attribute.Type.Name);
        if (type is null)
        {
            return; // The catalog reported the unknown type; nothing sensible to store.
        }

        var isList = attribute.Type.IsList;
        // A struct value has no natural default, so a struct attribute is empty (null) until the device sets it.
        var nullableStorage = attribute.IsNullable || (!isList && type.Wire == WireKind.Struct);
        var propertyType = TypeText.Property(type, isList, nullableStorage ? FieldShape.Nullable : FieldShape.Mandatory);
        var property = names.Claim(Identifier.FromName(attribute.Name));
        var field = "storage" + property.TrimStart('@');
        var initial = DefaultValue.Expression(type, isList, nullableStorage, attribute.Default);
        var check = ConstraintCheck.Condition(type, isList, nullableStorage, attribute.Constraint);

        writer.Line("private " + propertyType + " " + field + " = " + initial + ";");
        writer.Line();
        Docs.Summary(writer, attribute.Description, attribute.Name);
        Docs.Maturity(writer, Docs.IsProvisional(attribute.Maturity, attribute.Conformance), Docs.IsDeprecated(attribute.Maturity, attribute.Conformance), note: Remarks(attribute));
        writer.Block("public " + propertyType + " " + property);
        writer.Line("get => " + field + ";");
        if (check is null)
        {
            writer.Line("set => " + field + " = value;");
        }
        else
        {
            writer.Block("set");
            writer.Line("if (" + check.Value.Condition + ")");
            writer.Open();
            writer.Line("throw new global::System.ArgumentOutOfRangeException(nameof(value), " + Literals.String(attribute.Name + " must be " + check.Value.Rule) + ");");
            writer.Close();
            writer.Line();
            writer.Line(field + " = value;");
            writer.Close();
        }

        writer.Close();
        writer.Line();
    }

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
            parts.Add("range " + (attribute.Constraint.Min ?? "…") + " to " + (attribute.Constraint.Max ?? "…"));
        }

        if (attribute.Constraint.MaxLength is { } length)
        {
            parts.Add("at most " + length.ToString(CultureInfo.InvariantCulture) + (attribute.Type.IsList ? " entries" : " bytes"));
        }

        return string.Join("; ", parts) + ".";
    }
}
