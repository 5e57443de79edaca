namespace MatterGen.Interaction;

/// <summary>Ids of the global attributes every cluster server has (Matter Core Specification 7.13).</summary>
public static class GlobalAttributes
{
    /// <summary>GeneratedCommandList.</summary>
    public const uint GeneratedCommandList = 0xFFF8;

    /// <summary>AcceptedCommandList.</summary>
    public const uint AcceptedCommandList = 0xFFF9;

    /// <summary>AttributeList.</summary>
    public const uint AttributeList = 0xFFFB;

    /// <summary>FeatureMap.</summary>
    public const uint FeatureMap = 0xFFFC;

    /// <summary>ClusterRevision.</summary>
    public const uint ClusterRevision = 0xFFFD;

    /// <summary>All of them, in id order.</summary>
    public static uint[] Ids => [GeneratedCommandList, AcceptedCommandList, AttributeList, FeatureMap, ClusterRevision];

    /// <summary>True for a global attribute id.</summary>
    public static bool IsGlobal(uint attributeId) => attributeId is GeneratedCommandList or AcceptedCommandList or AttributeList or FeatureMap or ClusterRevision;
}
