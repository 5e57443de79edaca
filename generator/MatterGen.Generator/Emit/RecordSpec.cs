using MatterGen.Generator.Model;

namespace MatterGen.Generator.Emit;

/// <summary>A record to emit: a struct, a command's payload or an event's payload.</summary>
/// <param name="TypeName">The C# name chosen for it.</param>
/// <param name="Summary">Doc summary text.</param>
/// <param name="Fields">Its fields, in id order.</param>
/// <param name="IdConstant">Name of the id constant (<c>CommandId</c>, <c>EventId</c>), or null for structs.</param>
/// <param name="Id">The id's value.</param>
/// <param name="IsProvisional">Provisional in the specification.</param>
/// <param name="IsDeprecated">Deprecated in the specification.</param>
/// <param name="AddFabricIndex">A fabric-scoped struct whose definition does not list the FabricIndex field (0xFE) itself.</param>
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
        Docs.IsProvisional(type.Maturity),
        Docs.IsDeprecated(type.Maturity),
        type.IsFabricScoped);

    /// <summary>The payload record of a command (request or response).</summary>
    public static RecordSpec ForCommand(CommandModel command, string typeName)
    {
        var what = command.Direction == CommandDirection.ClientToServer ? "request" : "response";
        return new RecordSpec(
            typeName,
            string.IsNullOrWhiteSpace(command.Description) ? "The " + command.Name + " command's " + what + " (id " + Docs.Id(command.Id) + ")." : command.Description!,
            command.Fields,
            "CommandId",
            command.Id,
            Docs.IsProvisional(command.Maturity, command.Conformance),
            Docs.IsDeprecated(command.Maturity, command.Conformance),
            AddFabricIndex: false);
    }

    /// <summary>The payload record of an event.</summary>
    public static RecordSpec ForEvent(EventModel clusterEvent, string typeName) => new(
        typeName,
        string.IsNullOrWhiteSpace(clusterEvent.Description) ? "The " + clusterEvent.Name + " event (id " + Docs.Id(clusterEvent.Id) + ")." : clusterEvent.Description!,
        clusterEvent.Fields,
        "EventId",
        clusterEvent.Id,
        Docs.IsProvisional(clusterEvent.Maturity, clusterEvent.Conformance),
        Docs.IsDeprecated(clusterEvent.Maturity, clusterEvent.Conformance),
        AddFabricIndex: false);
}
