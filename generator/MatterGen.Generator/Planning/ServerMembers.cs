using System.Linq;
using MatterGen.Generator.Naming;

namespace MatterGen.Generator.Planning;

/// <summary>The names a generated server may not give its own members: its fixed members and its base class's.</summary>
internal static class ServerMembers
{
    /// <summary>Members every generated server declares.</summary>
    public static readonly string[] Fixed =
    {
        "ClusterId", "ClusterRevision", "FeatureMap", "Features", "AttributeList", "AcceptedCommandList", "GeneratedCommandList", "EventList",
        "Description", "WriteAttributeValue", "StoreAttributeValue", "DispatchAsync",
    };

    /// <summary>Members of <c>MatterGen.Interaction.ClusterServer</c>; a generated member of the same name would hide one.</summary>
    public static readonly string[] Inherited =
    {
        "Options", "Endpoint", "Time", "EventLog", "DataVersion", "AttributeReported", "ReadAttribute", "WriteAttribute", "InvokeAsync",
        "ReadEvents", "OnAttributeChanged", "RestoreNonVolatileAttributes", "RecordEvent", "TryDecodeRequest", "Respond", "EncodePayload",
        "ListsEqual",
    };

    /// <summary>A scope holding every reserved name, the server type's own name included (CS0542).</summary>
    public static NameScope Scope(string typeName) =>
        new(new[] { typeName }.Concat(Fixed).Concat(Inherited).Concat(NameScope.ObjectMembers));
}
