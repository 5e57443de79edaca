using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Planning;

/// <summary>
/// Maps Matter type names to C#: base types by <see cref="BaseTypeTable"/>, named enums,
/// bitmaps and structs to the types emitted for them (nested in the cluster class when local, in the globals
/// class when global). Value-equal over its named types (base types are the same for every mapper), so a
/// cluster's plan that holds one can be cached between generator runs.
/// </summary>
internal sealed class TypeMapper : IEquatable<TypeMapper>
{
    private static readonly Dictionary<string, MappedType> BaseTypes = CreateBaseTypes();

    private readonly EquatableMap<string, (DataTypeModel Type, string CSharp)> named;

    /// <summary>A mapper for code inside one cluster: local names first, then global ones.</summary>
    /// <param name="localTypes">The cluster's types with the C# names chosen for them.</param>
    /// <param name="globalTypes">Global types the cluster uses.</param>
    /// <param name="rootNamespace">Namespace of the generated code.</param>
    public TypeMapper(IEnumerable<(DataTypeModel Type, string CSharp)> localTypes, IEnumerable<DataTypeModel> globalTypes, string rootNamespace)
    {
        // A local type hides a global one of the same name; of two with one name, the later one counts.
        named = EquatableMap<string, (DataTypeModel Type, string CSharp)>.LastWins(
            globalTypes.Select(type => (type.Name, (type, GlobalTypeReference(rootNamespace, type.Name))))
                .Concat(localTypes.Select(local => (local.Type.Name, local))));
    }

    /// <summary>The fully qualified C# name of a global type.</summary>
    public static string GlobalTypeReference(string rootNamespace, string typeName) =>
        "global::" + rootNamespace + "." + GlobalNames.ClassName + "." + GlobalNames.TypeName(typeName);


    /// <summary>The C# type of an element type name, or null when the name is unknown.</summary>
    public MappedType? Map(string typeName)
    {
        if (named.TryGetValue(typeName, out var entry))
        {
            return FromNamed(entry.Type, entry.CSharp);
        }

        return BaseTypes.TryGetValue(typeName, out var baseType) ? baseType : null;
    }

    /// <summary>The named enum, bitmap or struct a type name refers to, or null for a base type or an unknown name.</summary>
    public DataTypeModel? Named(string typeName) => named.TryGetValue(typeName, out var entry) ? entry.Type : null;

    /// <inheritdoc/>
    public bool Equals(TypeMapper? other) => other is not null && named.Equals(other.named);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TypeMapper);

    /// <inheritdoc/>
    public override int GetHashCode() => named.GetHashCode();

    /// <summary>The integer type and reader call for an enum or bitmap base type (<c>enum16</c> → <c>ushort</c>).</summary>
    public static MappedType UnderlyingOf(DataTypeModel type) =>
        BaseTypes.TryGetValue(type.BaseType, out var mapped) && mapped.Wire == WireKind.UnsignedInteger
            ? mapped
            : BaseTypes[type.Kind == DataTypeKind.Bitmap ? "bitmap8" : "enum8"];

    private static MappedType FromNamed(DataTypeModel type, string cSharp)
    {
        if (type.Kind == DataTypeKind.Struct)
        {
            return new MappedType(cSharp, WireKind.Struct, IsValueType: false);
        }

        var underlying = UnderlyingOf(type);
        return underlying with
        {
            CSharpType = cSharp,
            Wire = type.Kind == DataTypeKind.Enum ? WireKind.Enum : WireKind.Bitmap,
        };
    }

    // Every base type as generated code sees it, ignoring case as the definitions' spelling does.
    private static Dictionary<string, MappedType> CreateBaseTypes()
    {
        var map = new Dictionary<string, MappedType>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in BaseTypeTable.All.Values)
        {
            map[type.Name] = FromBase(type);
        }

        return map;
    }

    private static MappedType FromBase(MatterBaseType type)
    {
        var wire = type.Encoding switch
        {
            BaseTypeEncoding.UnsignedInteger => type.IsWrapped ? WireKind.UnsignedWrapper : WireKind.UnsignedInteger,
            BaseTypeEncoding.SignedInteger => WireKind.SignedInteger,
            BaseTypeEncoding.Boolean => WireKind.Boolean,
            BaseTypeEncoding.Float => WireKind.Single,
            BaseTypeEncoding.Double => WireKind.Double,
            BaseTypeEncoding.CharString => WireKind.String,
            _ => WireKind.Bytes,
        };
        return new MappedType(type.CSharpType, wire, type.Encoding != BaseTypeEncoding.CharString, type.IntegerType, type.ReaderGetter,
            type.WireMin, type.WireMax, type.TypeMin, type.TypeMax);
    }
}
