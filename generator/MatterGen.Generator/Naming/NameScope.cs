using System.Collections.Generic;
using System.Globalization;

namespace MatterGen.Generator.Naming;

/// <summary>
/// The names already taken in one C# declaration space. A name that is taken gets the first free numeric
/// suffix (<c>Foo2</c>, <c>Foo3</c>), so the same input always gives the same names.
/// </summary>
internal sealed class NameScope
{
    /// <summary>Members every type inherits from <see cref="object"/>; a nested name like these would hide one (CS0108).</summary>
    public static readonly string[] ObjectMembers = Naming.Identifier.ObjectMembers;

    private readonly HashSet<string> taken = new(System.StringComparer.Ordinal);

    /// <summary>A scope with names that are not available.</summary>
    public NameScope(IEnumerable<string> reserved)
    {
        foreach (var name in reserved)
        {
            taken.Add(Bare(name));
        }
    }

    /// <summary>Takes <paramref name="candidate"/>, or the first free suffixed form of it.</summary>
    public string Claim(string candidate)
    {
        if (taken.Add(Bare(candidate)))
        {
            return candidate;
        }

        var stem = Bare(candidate);
        for (var i = 2; ; i++)
        {
            var next = stem + i.ToString(CultureInfo.InvariantCulture);
            if (taken.Add(next))
            {
                return next;
            }
        }
    }

    // "@class" and "class" are the same identifier.
    private static string Bare(string name) => name.StartsWith("@", System.StringComparison.Ordinal) ? name.Substring(1) : name;
}
