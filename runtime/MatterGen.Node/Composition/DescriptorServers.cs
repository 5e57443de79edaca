
namespace MatterGen.Node.Composition;

/// <summary>The Descriptor server of an endpoint without semantic tags; the node fills it from the composition.</summary>
[MatterServer("Descriptor")]
public partial class DescriptorServer : IDescriptorLists;

/// <summary>The Descriptor server of an endpoint with semantic tags (the TagList feature).</summary>
[MatterServer("Descriptor", Features = "TagList")]
public partial class TaggedDescriptorServer : IDescriptorLists;
