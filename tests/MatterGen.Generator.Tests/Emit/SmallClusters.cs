using MatterGen.Generator.Model;
using static MatterGen.Generator.Tests.Emit.EvseModel;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>Small hand-built clusters for collision and shape tests.</summary>
internal static class SmallClusters
{
    private static readonly SourcePosition Here = new("test.xml", 1, 1);

    public static ClusterUnit Unit(string typeName, EquatableArray<DataTypeModel> local, EquatableArray<AttributeModel> attributes,
        EquatableArray<CommandModel> commands, EquatableArray<EventModel> events, EquatableArray<DataTypeModel> globals = default,
        EquatableArray<FeatureModel> features = default) =>
        new(new ClusterModel(0xFFF1, "Test Cluster", null, null, 1, features, attributes, commands, events, Maturity.Stable, Here), typeName, local, globals);

    public static DataTypeModel GlobalStruct(string name, params FieldModel[] fields) =>
        new(name, DataTypeKind.Struct, "struct", Arr<uint>(), Arr<NamedValue>(), Arr(fields), false, Maturity.Stable, null, Here);

    public static DataTypeModel GlobalEnum(string name, string baseType, params (string Name, ulong Value)[] items) =>
        Enum(name, baseType, items) with { ClusterCodes = Arr<uint>() };

    public static DataTypeModel LocalStruct(string name, params FieldModel[] fields) => Struct(name, Maturity.Stable, fields);
}
