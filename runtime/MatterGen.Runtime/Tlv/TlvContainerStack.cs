using System.Runtime.CompilerServices;

namespace MatterGen.Tlv;

/// <summary>
/// The kinds of the open containers, as two bit masks (bit d = container at depth d+1), so the reader and
/// writer can check tag rules without allocating. Holds at most <see cref="MaxDepth"/> levels. The innermost
/// kind is kept in a field as well, because every element's tag check reads it.
/// </summary>
internal struct TlvContainerStack
{
    /// <summary>The deepest nesting the stack can record.</summary>
    public const int MaxDepth = 64;

    private ulong _structures;
    private ulong _arrays;
    private TlvElementType _current;

    /// <summary>The number of open containers.</summary>
    public int Depth { readonly get; private set; }

    /// <summary>
    /// The kind of the innermost open container: <see cref="TlvElementType.Structure"/>,
    /// <see cref="TlvElementType.Array"/> or <see cref="TlvElementType.List"/>; with none open, the default
    /// value (<see cref="TlvElementType.SignedInteger"/>), which no tag rule applies to.
    /// </summary>
    public readonly TlvElementType Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _current;
    }

    /// <summary>Opens a container; the caller has checked <see cref="Depth"/> &lt; <see cref="MaxDepth"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(TlvElementType kind)
    {
        var bit = 1UL << Depth;
        _structures = kind == TlvElementType.Structure ? _structures | bit : _structures & ~bit;
        _arrays = kind == TlvElementType.Array ? _arrays | bit : _arrays & ~bit;
        _current = kind;
        Depth++;
    }

    /// <summary>Closes the innermost container; the caller has checked <see cref="Depth"/> &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Pop()
    {
        var depth = Depth - 1;
        Depth = depth;
        if (depth == 0)
        {
            _current = default;
            return;
        }

        var bit = 1UL << (depth - 1);
        _current = (_structures & bit) != 0 ? TlvElementType.Structure
            : (_arrays & bit) != 0 ? TlvElementType.Array
            : TlvElementType.List;
    }
}
