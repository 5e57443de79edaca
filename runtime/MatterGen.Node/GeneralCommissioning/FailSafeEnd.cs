namespace MatterGen.Node.GeneralCommissioning;

/// <summary>How a fail-safe ended.</summary>
public enum FailSafeEnd
{
    /// <summary>Its timer ran out: everything added under it was rolled back.</summary>
    Expired,

    /// <summary>ArmFailSafe with 0 seconds disarmed it: everything added under it was rolled back.</summary>
    Disarmed,

    /// <summary>CommissioningComplete made what was added under it permanent.</summary>
    Completed,
}
