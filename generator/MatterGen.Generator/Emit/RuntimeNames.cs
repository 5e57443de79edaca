namespace MatterGen.Generator.Emit;

/// <summary>
/// The runtime's namespaces and hooks as generated code names them: fully qualified from <c>global::</c>, so no
/// type of the user's can capture a name. Emitters import this class statically and write
/// <c>{{Tlv}}TlvWriter</c> in their templates.
/// </summary>
internal static class RuntimeNames
{
    /// <summary>The TLV reader, writer, tags and errors.</summary>
    public const string Tlv = "global::MatterGen.Tlv.";

    /// <summary>TLV element types, for <c>ExpectType</c> and <c>TryReadContext</c>.</summary>
    public const string ElementType = Tlv + "TlvElementType.";

    /// <summary>The runtime's hooks for generated code (not meant for hand-written code).</summary>
    public const string GeneratedCode = "global::MatterGen.GeneratedCode.";

    /// <summary>The static class generated field encoders write with.</summary>
    public const string FieldWriter = GeneratedCode + "TlvFieldWriter.";

    /// <summary>The static class generated decoders read scalar fields with.</summary>
    public const string FieldReader = GeneratedCode + "TlvFieldReader.";

    /// <summary>Servers, clients, statuses and requests.</summary>
    public const string Interaction = "global::MatterGen.Interaction.";

    /// <summary>Metadata records, privileges and qualities.</summary>
    public const string DataModel = "global::MatterGen.DataModel.";
}
