namespace MatterGen.DataModel;

/// <summary>Access privilege levels of the Matter data model (Core Specification 6.6), lowest first.</summary>
public enum Privilege
{
    /// <summary>Read attributes and events.</summary>
    View = 1,

    /// <summary>View, on behalf of another node (proxy).</summary>
    ProxyView = 2,

    /// <summary>Operate: change the device's operational state.</summary>
    Operate = 3,

    /// <summary>Manage: change persistent configuration.</summary>
    Manage = 4,

    /// <summary>Administer: access control and the like.</summary>
    Administer = 5,
}
