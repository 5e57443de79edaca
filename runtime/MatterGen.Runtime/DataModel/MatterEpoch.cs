using System;

namespace MatterGen.DataModel;

/// <summary>The Matter epoch: 2000-01-01T00:00:00Z, the zero of <c>epoch-s</c> and <c>epoch-us</c> values.</summary>
public static class MatterEpoch
{
    /// <summary>2000-01-01T00:00:00Z.</summary>
    public static DateTimeOffset Zero { get; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
