namespace MatterGen.Evse.Hardware.Metering;

/// <summary>
/// Input-register (function 0x04) addresses of Eastron SDM120 / SDM630 meters. Each quantity is an IEEE-754
/// float32 in two registers, high word first. Energies are in kWh.
/// </summary>
internal static class SdmRegisters
{
    /// <summary>Voltage L1 to neutral, V (30001).</summary>
    public const ushort VoltageL1 = 0x0000;

    /// <summary>Voltage L2, V (SDM630 only).</summary>
    public const ushort VoltageL2 = 0x0002;

    /// <summary>Voltage L3, V (SDM630 only).</summary>
    public const ushort VoltageL3 = 0x0004;

    /// <summary>Current L1, A (30007).</summary>
    public const ushort CurrentL1 = 0x0006;

    /// <summary>Current L2, A (SDM630 only).</summary>
    public const ushort CurrentL2 = 0x0008;

    /// <summary>Current L3, A (SDM630 only).</summary>
    public const ushort CurrentL3 = 0x000A;

    /// <summary>Active power: total on SDM120, L1 on SDM630, W (30013).</summary>
    public const ushort ActivePower = 0x000C;

    /// <summary>Total system active power, W (SDM630 only, 30053).</summary>
    public const ushort TotalSystemPower = 0x0034;

    /// <summary>Frequency, Hz (30071).</summary>
    public const ushort Frequency = 0x0046;

    /// <summary>Import active energy, kWh (30073).</summary>
    public const ushort ImportActiveEnergy = 0x0048;

    /// <summary>Export active energy, kWh (30075): energy from the vehicle (V2X), SessionEnergyDischarged.</summary>
    public const ushort ExportActiveEnergy = 0x004A;

    /// <summary>Total active energy, kWh (30343).</summary>
    public const ushort TotalActiveEnergy = 0x0156;
}

/// <summary>Which Eastron meter is fitted; decides the power register.</summary>
public enum SdmModel
{
    /// <summary>Single-phase SDM120: power at <see cref="SdmRegisters.ActivePower"/>.</summary>
    Sdm120,

    /// <summary>Three-phase SDM630: power at <see cref="SdmRegisters.TotalSystemPower"/>.</summary>
    Sdm630,
}
