using System.Runtime.CompilerServices;

namespace MatterGen.Tlv;

/// <summary>
/// The kinds of the open containers, as two shift registers (bit 0 = the innermost container, bit d = the
/// one d levels out), so the reader and writer can check tag rules with one bit test and without allocating.
/// Holds at most <see cref="MaxDepth"/> levels, which exactly fill the 64 bits: a pop shifts the outer kinds
/// back down.
/// </summary>
internal struct TlvContainerStack
{
    /// <summary>The deepest nesting the stack can record.</summary>
    public const int MaxDepth = 64;

    private ulong structures;
    private ulong arrays;

    /// <summary>The number of open containers.</summary>
    public int Depth { readonly get; private set; }

    /// <summary>True when the innermost open container is a structure (its members must be tagged).</summary>
    public readonly bool InStructure
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (structures & 1) != 0;
    }

    /// <summary>True when the innermost open container is an array (its members must be anonymous).</summary>
    public readonly bool InArray
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (arrays & 1) != 0;
    }

    /// <summary>Opens a container; the caller has checked <see cref="Depth"/> &lt; <see cref="MaxDepth"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(TlvElementType kind)
    {
        structures = (structures << 1) | (kind == TlvElementType.Structure ? 1UL : 0UL);
        arrays = (arrays << 1) | (kind == TlvElementType.Array ? 1UL : 0UL);
        Depth++;
    }

    /// <summary>Closes the innermost container; the caller has checked <see cref="Depth"/> &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Pop()
    {
        structures >>= 1;
        arrays >>= 1;
        Depth--;
    }
}
