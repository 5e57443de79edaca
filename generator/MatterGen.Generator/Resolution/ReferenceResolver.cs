using System.Collections.Generic;
using System.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Resolution;

/// <summary>
/// Resolves every type reference of a cluster or a data type in one <see cref="TypeScope"/>: names are
/// rewritten to their canonical spelling, unknown names reported (MG0003), and named types used are collected.
/// </summary>
internal sealed class ReferenceResolver
{
    private readonly TypeScope scope;
    private readonly ICollection<DiagnosticInfo> diagnostics;

    public ReferenceResolver(TypeScope scope, ICollection<DiagnosticInfo> diagnostics)
    {
        this.scope = scope;
        this.diagnostics = diagnostics;
    }

    /// <summary>Named types referenced so far, in first-use order.</summary>
    public List<DataTypeModel> Referenced { get; } = new();

    /// <summary>The cluster with every reference resolved.</summary>
    public ClusterModel ResolveCluster(ClusterModel cluster) => cluster with
    {
        Attributes = cluster.Attributes.Select(a => a with
        {
            Type = Resolve(a.Type, "Attribute", cluster.Name + "." + a.Name, a.Position),
        }).ToEquatableArray(),
        Commands = cluster.Commands.Select(c => c with
        {
            Fields = ResolveFields(c.Fields, "Command field", cluster.Name + "." + c.Name, c.Position),
        }).ToEquatableArray(),
        Events = cluster.Events.Select(e => e with
        {
            Fields = ResolveFields(e.Fields, "Event field", cluster.Name + "." + e.Name, e.Position),
        }).ToEquatableArray(),
    };

    /// <summary>The data type with its base type checked and its fields resolved.</summary>
    public DataTypeModel ResolveType(DataTypeModel type)
    {
        if (type.Kind == DataTypeKind.Struct)
        {
            return type with { Fields = ResolveFields(type.Fields, "Struct field", type.Name, type.Position) };
        }

        var resolved = scope.Resolve(type.BaseType);
        if (resolved?.Base is not { } baseType || baseType.Encoding != BaseTypeEncoding.UnsignedInteger)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnknownType, type.Position, type.Kind.ToString(), type.Name, type.BaseType));
            return type;
        }

        return type with { BaseType = baseType.Name };
    }

    private EquatableArray<FieldModel> ResolveFields(EquatableArray<FieldModel> fields, string what, string owner, SourcePosition ownerPosition) =>
        fields.Select(f => f with { Type = Resolve(f.Type, what, owner + "." + f.Name, f.Position ?? ownerPosition) }).ToEquatableArray();

    private TypeReference Resolve(TypeReference reference, string what, string name, SourcePosition position)
    {
        var resolved = scope.Resolve(reference.Name);
        if (resolved is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnknownType, position, what, name, reference.Name));
            return reference;
        }

        if (resolved.Named is { } named && !Referenced.Contains(named))
        {
            Referenced.Add(named);
        }

        return reference.Name == resolved.CanonicalName ? reference : reference with { Name = resolved.CanonicalName };
    }
}
