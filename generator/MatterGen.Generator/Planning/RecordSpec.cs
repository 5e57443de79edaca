using MatterGen.Generator.Model;

namespace MatterGen.Generator.Planning;

/// <summary>A record to emit: a struct, a command's payload or an event's payload.</summary>
/// <param name="TypeName">The C# name chosen for it.</param>
/// <param name="Summary">Doc summary text.</param>
/// <param name="Fields">Its fields, in id order.</param>
/// <param name="IdConstant">Name of the id constant (<c>CommandId</c>, <c>EventId</c>), or null for structs.</param>
/// <param name="Id">The id's value.</param>
/// <param name="IsProvisional">Provisional in the specification.</param>
/// <param name="IsDeprecated">Deprecated in the specification.</param>
/// <param name="AddFabricIndex">Fabric-scoped data, a fabric-scoped struct or a fabric-sensitive event: it gets the FabricIndex field (0xFE) when its definition does not list it (Core Specification 7.13.6: the field need not be listed), and a struct's fabric-sensitive fields may be omitted (<see cref="SensitiveFieldOmission"/>).</param>
internal sealed record RecordSpec(
    string TypeName,
    string Summary,
    EquatableArray<FieldModel> Fields,
    string? IdConstant,
    uint Id,
    bool IsProvisional,
    bool IsDeprecated,
    bool AddFabricIndex)
{
    /// <summary>The record of a struct type.</summary>
    public static RecordSpec ForStruct(DataTypeModel type, string typeName) => new(
        typeName,
        string.IsNullOrWhiteSpace(type.Description) ? "The " + type.Name + " struct." : type.Description!,
        type.Fields,
        null,
        0,
        MaturityMarks.IsProvisional(type.Maturity),
        MaturityMarks.IsDeprecated(type.Maturity),
        type.IsFabricScoped);

    // The fallback summaries write ids as the emitters' doc text and the diagnostics do (0x0001).

    /// <summary>The payload record of a command (request or response).</summary>
    public static RecordSpec ForCommand(CommandModel command, string typeName) => ForPayload(
        typeName,
        command.Description,
        "The " + command.Name + " command's " + (command.Direction == CommandDirection.ClientToServer ? "request" : "response") + " (id " + DiagnosticInfo.IdText(command.Id) + ").",
        command.Fields,
        "CommandId",
        command.Id,
        command.Maturity,
        command.Conformance,
        fabricScoped: false);

    /// <summary>The payload record of an event.</summary>
    public static RecordSpec ForEvent(EventModel clusterEvent, string typeName) => ForPayload(
        typeName,
        clusterEvent.Description,
        "The " + clusterEvent.Name + " event (id " + DiagnosticInfo.IdText(clusterEvent.Id) + ").",
        clusterEvent.Fields,
        "EventId",
        clusterEvent.Id,
        clusterEvent.Maturity,
        clusterEvent.Conformance,
        fabricScoped: clusterEvent.IsFabricSensitive);

    private static RecordSpec ForPayload(
        string typeName,
        string? description,
        string fallback,
        EquatableArray<FieldModel> fields,
        string idConstant,
        uint id,
        Maturity maturity,
        Conformance conformance,
        bool fabricScoped) => new(
        typeName,
        string.IsNullOrWhiteSpace(description) ? fallback : description!,
        fields,
        idConstant,
        id,
        MaturityMarks.IsProvisional(maturity, conformance),
        MaturityMarks.IsDeprecated(maturity, conformance),
        AddFabricIndex: fabricScoped);

    /// <summary>A struct, not a command's or an event's payload.</summary>
    public bool IsStruct => IdConstant is null;
}
