namespace MatterGen.Transport.Messages;

/// <summary>
/// Duplicate detection for the messages of one peer (Core Specification 4.6.5): the largest counter seen and a
/// bitmap of the 32 counters before it. On a secure unicast session counters never roll over, so anything older
/// than the window is a duplicate; on the unsecured session and for groups (<see cref="AllowsRollover"/>) a counter
/// far behind the window is taken as the peer having restarted, and the window follows it.
/// </summary>
public struct MessageCounterWindow
{
    /// <summary>The number of counters before the largest one that the window remembers.</summary>
    public const int Size = 32;

    private uint maximum;
    private uint seen;
    private bool initialized;

    /// <summary>Creates a window; <paramref name="allowsRollover"/> for unsecured and group sessions.</summary>
    public MessageCounterWindow(bool allowsRollover)
    {
        AllowsRollover = allowsRollover;
    }

    /// <summary>True when counters may wrap around (unsecured and group sessions).</summary>
    public bool AllowsRollover { get; }

    /// <summary>The largest counter accepted so far (meaningful once one was accepted).</summary>
    public readonly uint Maximum => maximum;

    /// <summary>
    /// Records <paramref name="counter"/> and returns true when it is new, false when it is a duplicate (which the
    /// receiver acknowledges if asked but does not process again).
    /// </summary>
    public bool Accept(uint counter)
    {
        if (!initialized)
        {
            initialized = true;
            maximum = counter;
            seen = 0;
            return true;
        }

        var ahead = unchecked(counter - maximum);
        var isAhead = AllowsRollover ? ahead != 0 && ahead < 0x8000_0000u : counter > maximum;
        if (isAhead)
        {
            seen = ahead > Size ? 0 : ahead == Size ? 0x8000_0000u : (seen << (int)ahead) | (1u << ((int)ahead - 1));
            maximum = counter;
            return true;
        }

        var behind = unchecked(maximum - counter);
        if (behind == 0)
        {
            return false;
        }

        if (behind <= Size)
        {
            var bit = 1u << ((int)behind - 1);
            if ((seen & bit) != 0)
            {
                return false;
            }

            seen |= bit;
            return true;
        }

        if (AllowsRollover)
        {
            // Far behind on a session whose counters may restart: the peer rebooted; resynchronize.
            maximum = counter;
            seen = 0;
            return true;
        }

        return false;
    }
}
