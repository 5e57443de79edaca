namespace MatterGen.Generator.Model;

/// <summary>The privileges an element requires, with the Matter defaults where the XML is silent.</summary>
/// <param name="Read">Privilege to read an attribute or event.</param>
/// <param name="Write">Privilege to write an attribute.</param>
/// <param name="Invoke">Privilege to invoke a command.</param>
internal sealed record Access(Privilege Read, Privilege Write, Privilege Invoke)
{
    /// <summary>The data model's defaults: read View, write Operate, invoke Operate.</summary>
    public static Access Default { get; } = new(Privilege.View, Privilege.Operate, Privilege.Operate);
}
