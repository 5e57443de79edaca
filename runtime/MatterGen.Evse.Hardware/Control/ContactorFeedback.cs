namespace MatterGen.Evse.Hardware.Control;

/// <summary>What the contactor's mirror contact (or AC sense after it) reports.</summary>
public enum ContactorFeedback
{
    /// <summary>No feedback input is fitted.</summary>
    Unknown,

    /// <summary>The contacts are open.</summary>
    Open,

    /// <summary>The contacts are closed.</summary>
    Closed,
}
