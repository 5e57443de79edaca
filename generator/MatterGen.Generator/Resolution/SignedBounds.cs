using System.Linq;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Resolution;

/// <summary>
/// Older ZAP files write the bounds of signed integers as their two's complement bits in hex
/// (<c>type="int16s" min="0x954D"</c>, meaning -27315, the absolute zero of a temperature). Read as a plain
/// number such a bound lies above the type's largest value, which no value can reach; read as the type's bits it
/// is what the file means. So a bound of a signed integer between the type's largest value and its width's
/// all-ones is taken as two's complement; every other bound stays as written.
/// </summary>
internal static class SignedBounds
{
    /// <summary>The cluster with its attributes' and fields' signed bounds read as two's complement where they must be.</summary>
    public static ClusterModel Apply(ClusterModel cluster, TypeScope scope) => cluster with
    {
        Attributes = cluster.Attributes.Select(a => a with { Constraint = Apply(a.Type, a.Constraint, scope) }).ToEquatableArray(),
        Commands = cluster.Commands.Select(c => c with { Fields = Apply(c.Fields, scope) }).ToEquatableArray(),
        Events = cluster.Events.Select(e => e with { Fields = Apply(e.Fields, scope) }).ToEquatableArray(),
    };

    /// <summary>The type with its struct fields' signed bounds corrected.</summary>
    public static DataTypeModel Apply(DataTypeModel type, TypeScope scope) =>
        type.Kind == DataTypeKind.Struct ? type with { Fields = Apply(type.Fields, scope) } : type;

    private static EquatableArray<FieldModel> Apply(EquatableArray<FieldModel> fields, TypeScope scope) =>
        fields.Select(f => f with { Constraint = Apply(f.Type, f.Constraint, scope) }).ToEquatableArray();

    private static Constraint Apply(TypeReference type, Constraint constraint, TypeScope scope)
    {
        if ((constraint.Min is null && constraint.Max is null) || type.IsList || scope.Resolve(type.Name)?.Base is not { IsSigned: true } baseType)
        {
            return constraint;
        }

        return constraint with { Min = Reinterpret(constraint.Min, baseType), Max = Reinterpret(constraint.Max, baseType) };
    }

    private static decimal? Reinterpret(decimal? bound, MatterBaseType type)
    {
        if (bound is not { } value || type.WireMax is not { } max || type.Width >= 8)
        {
            return bound;
        }

        var span = (decimal)(1UL << (type.Width * 8));
        return value > max && value < span ? value - span : bound;
    }
}
