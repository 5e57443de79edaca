using System;
using System.Collections.Generic;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Resolution;

/// <summary>What a type name resolves to: a named type or a base type, under its canonical spelling.</summary>
internal sealed record ResolvedType(string CanonicalName, DataTypeModel? Named, MatterBaseType? Base);

/// <summary>
/// Looks type names up for one cluster (its local types, then the global ones, then the base types) or for
/// the global scope alone; exact spelling first, then ignoring case.
/// </summary>
internal sealed class TypeScope
{
    private readonly IReadOnlyDictionary<string, DataTypeModel>? local;
    private readonly IReadOnlyDictionary<string, DataTypeModel> global;
    private readonly IReadOnlyDictionary<string, string>? baseAliases;

    /// <param name="local">The cluster's own types, or null for the global scope.</param>
    /// <param name="global">The global types.</param>
    /// <param name="baseAliases">Base types the tree declares that the table lacks, as the table type they travel as.</param>
    public TypeScope(IReadOnlyDictionary<string, DataTypeModel>? local, IReadOnlyDictionary<string, DataTypeModel> global, IReadOnlyDictionary<string, string>? baseAliases = null)
    {
        this.local = local;
        this.global = global;
        this.baseAliases = baseAliases;
    }

    /// <summary>The named type or base type a name means here, or null when it means nothing.</summary>
    public ResolvedType? Resolve(string name)
    {
        return Find(name, StringComparison.Ordinal) ?? Find(name, StringComparison.OrdinalIgnoreCase);
    }

    private ResolvedType? Find(string name, StringComparison comparison)
    {
        if (Lookup(local, name, comparison) is { } localType)
        {
            return new ResolvedType(localType.Name, localType, null);
        }

        if (Lookup(global, name, comparison) is { } globalType)
        {
            return new ResolvedType(globalType.Name, globalType, null);
        }

        var found = comparison == StringComparison.Ordinal
            ? BaseTypeTable.TryGetExact(name, out var baseType)
            : BaseTypeTable.TryGetIgnoringCase(name, out baseType);
        if (!found && baseAliases is not null && baseAliases.TryGetValue(name, out var alias))
        {
            found = BaseTypeTable.TryGetExact(alias, out baseType);
        }

        return found ? new ResolvedType(baseType.Name, null, baseType) : null;
    }

    private static DataTypeModel? Lookup(IReadOnlyDictionary<string, DataTypeModel>? types, string name, StringComparison comparison)
    {
        if (types is null)
        {
            return null;
        }

        if (types.TryGetValue(name, out var exact))
        {
            return exact;
        }

        if (comparison == StringComparison.Ordinal)
        {
            return null;
        }

        // Dictionaries are ordinal; a case-insensitive miss is rare, so scan in a fixed order.
        DataTypeModel? match = null;
        foreach (var pair in types)
        {
            if (string.Equals(pair.Key, name, comparison) && (match is null || string.CompareOrdinal(pair.Key, match.Name) < 0))
            {
                match = pair.Value;
            }
        }

        return match;
    }
}
