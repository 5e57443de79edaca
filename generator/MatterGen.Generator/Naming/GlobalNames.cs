namespace MatterGen.Generator.Naming;

/// <summary>
/// Names of the globals class and of the global types in it. Context-free, so the resolver (which reports
/// clashes), the emitters and every cluster file agree on them.
/// </summary>
internal static class GlobalNames
{
    /// <summary>The class that holds the global (cluster-less) types.</summary>
    public const string ClassName = "Globals";

    /// <summary>
    /// The C# name of a global type inside the globals class: its identifier, with <c>Type</c> added where it
    /// would clash with the class itself or with a member every object has.
    /// </summary>
    public static string TypeName(string typeName)
    {
        var identifier = Identifier.FromName(typeName);
        return identifier == ClassName || System.Array.IndexOf(Identifier.ObjectMembers, identifier) >= 0 ? identifier + "Type" : identifier;
    }
}
