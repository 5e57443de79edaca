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
/// <param name="AddFabricIndex">A fabric-scoped struct: it gets the FabricIndex field (0xFE) when its definition does not list it, and its fabric-sensitive fields may be omitted (<see cref="SensitiveFieldOmission"/>).</param>
internal sealed record RecordSpec(
    string TypeName,
    string Summary,
    EquatableArray<FieldModel> Fields,
    string? IdConstant,
    uint Id,
    bool IsProvisional,
    bool IsDeprecated,
    bool AddFabricIndex);
