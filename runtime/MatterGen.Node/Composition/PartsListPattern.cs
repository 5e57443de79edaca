namespace MatterGen.Node.Composition;

/// <summary>How an endpoint's Descriptor lists the endpoints below it (Core Specification 9.2, endpoint composition).</summary>
public enum PartsListPattern
{
    /// <summary>Tree pattern: only the direct children (a composed device such as a charger with its sub-devices).</summary>
    Tree,

    /// <summary>Full-family pattern: every descendant (an aggregator). The root endpoint always lists every endpoint this way.</summary>
    FullFamily,
}
