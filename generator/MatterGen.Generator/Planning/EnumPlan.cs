using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Planning;

/// <summary>
/// An enum or bitmap resolved for emission, so the emitter only prints: its C# name, the integer type under it,
/// and the C# name of each value it declares. Value-equal, so a plan that holds it can be cached.
/// </summary>
/// <param name="Type">The enum or bitmap's definition.</param>
/// <param name="TypeName">Its C# name.</param>
/// <param name="Underlying">The integer type under it (<c>enum16</c> → <c>ushort</c>).</param>
/// <param name="Members">The values it declares, in definition order, each with its C# name.</param>
/// <param name="NoneName">
/// For a bitmap that names no zero value, the name of the synthetic "no bit set" member (<c>None</c> unless a
/// value took that name); null otherwise.
/// </param>
internal sealed record EnumPlan(DataTypeModel Type, string TypeName, MappedType Underlying, EquatableArray<EnumMemberPlan> Members, string? NoneName)
{
    /// <summary>Members every C# enum has: a value never takes their names.</summary>
    public static readonly string[] EnumMembers = { "value__", "CompareTo", "GetTypeCode", "HasFlag" };

    /// <summary>True for a bitmap (a <c>[Flags]</c> enum).</summary>
    public bool IsBitmap => Type.Kind == DataTypeKind.Bitmap;

    /// <summary>Resolves the names of <paramref name="type"/>'s values, declared as <paramref name="typeName"/>.</summary>
    public static EnumPlan Resolve(DataTypeModel type, string typeName)
    {
        var underlying = TypeMapper.UnderlyingOf(type);
        var scope = new NameScope(new[] { typeName }.Concat(NameScope.ObjectMembers).Concat(EnumMembers));

        // Named members first, so the definition's own names win over the synthetic None.
        var members = type.Values
            .Where(item => underlying.WireMax is not { } max || item.Value <= max) // a value too wide is reported by the resolver
            .Select(item => new EnumMemberPlan(item, scope.Claim(Identifier.FromName(item.Name))))
            .ToEquatableArray();
        var noneName = type.Kind == DataTypeKind.Bitmap && type.Values.All(v => v.Value != 0) ? scope.Claim("None") : null;
        return new EnumPlan(type, typeName, underlying, members, noneName);
    }
}

/// <summary>One value of an enum or bitmap with the C# name chosen for it.</summary>
/// <param name="Value">The value as the definition names it.</param>
/// <param name="Name">Its C# member name, unique in the enum.</param>
internal sealed record EnumMemberPlan(NamedValue Value, string Name);
