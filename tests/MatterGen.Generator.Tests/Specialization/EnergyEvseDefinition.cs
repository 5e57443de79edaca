using MatterGen.Generator.Model;
using static MatterGen.Generator.Tests.ConformanceRules.Rules;

namespace MatterGen.Generator.Tests.Specialization;

/// <summary>Energy EVSE (0x0099, revision 3) as its upstream definition states it, built by hand.</summary>
internal static class EnergyEvseDefinition
{
    public static ClusterUnit Unit() => Builder().Unit();

    public static ClusterBuilder Builder() => new ClusterBuilder("Energy EVSE", 0x0099, revision: 3)
        .Feature(0, "PREF", "ChargingPreferences", M)
        .Feature(1, "SOC", "SoCReporting", Otherwise(P, O))
        .Feature(2, "PNC", "PlugAndCharge", Otherwise(P, O))
        .Feature(3, "RFID", "RFID", O)
        .Feature(4, "V2X", "V2X", Otherwise(P, O))
        .Enum("StateEnum", "enum8", ("NotPluggedIn", 0), ("PluggedInNoDemand", 1), ("PluggedInDemand", 2), ("PluggedInCharging", 3),
            ("PluggedInDischarging", 4), ("SessionEnding", 5), ("Fault", 6))
        .Enum("SupplyStateEnum", "enum8", ("Disabled", 0), ("ChargingEnabled", 1), ("DischargingEnabled", 2), ("DisabledError", 3),
            ("DisabledDiagnostics", 4), ("Enabled", 5))
        .Enum("FaultStateEnum", "enum8", ("NoError", 0), ("MeterFailure", 1), ("Other", 255))
        .Attribute(0x0000, "State", "StateEnum", M, nullable: true, min: "0", max: "6")
        .Attribute(0x0001, "SupplyState", "SupplyStateEnum", M, min: "0", max: "5")
        .Attribute(0x0002, "FaultState", "FaultStateEnum", M, min: "0", max: "255")
        .Attribute(0x0003, "ChargingEnabledUntil", "epoch_s", M, nullable: true, @default: "0")
        .Attribute(0x0004, "DischargingEnabledUntil", "epoch_s", Mandatory(Feature("V2X")), nullable: true, @default: "0")
        .Attribute(0x0005, "CircuitCapacity", "amperage_ma", M, @default: "0", min: "0")
        .Attribute(0x0006, "MinimumChargeCurrent", "amperage_ma", M, @default: "6000", min: "0")
        .Attribute(0x0007, "MaximumChargeCurrent", "amperage_ma", M, @default: "0", min: "0")
        .Attribute(0x0008, "MaximumDischargeCurrent", "amperage_ma", Mandatory(Feature("V2X")), @default: "0", min: "0")
        .Attribute(0x0009, "UserMaximumChargeCurrent", "amperage_ma", O, writable: true, @default: "0")
        .Attribute(0x000A, "RandomizationDelayWindow", "elapsed_s", O, writable: true, @default: "600")
        .Attribute(0x0023, "NextChargeStartTime", "epoch_s", Mandatory(Feature("PREF")), nullable: true)
        .Attribute(0x0024, "NextChargeTargetTime", "epoch_s", Mandatory(Feature("PREF")), nullable: true)
        .Attribute(0x0025, "NextChargeRequiredEnergy", "energy_mwh", Mandatory(Feature("PREF")), nullable: true, min: "0")
        .Attribute(0x0026, "NextChargeTargetSoC", "percent", Mandatory(Feature("PREF")), nullable: true)
        .Attribute(0x0027, "ApproximateEVEfficiency", "int16u", Optional(Feature("PREF")), nullable: true, writable: true, min: "0", max: "65534")
        .Attribute(0x0030, "StateOfCharge", "percent", Mandatory(Feature("SOC")), nullable: true)
        .Attribute(0x0031, "BatteryCapacity", "energy_mwh", Mandatory(Feature("SOC")), nullable: true, min: "0")
        .Attribute(0x0032, "VehicleID", "char_string", Mandatory(Feature("PNC")), nullable: true, length: 32)
        .Attribute(0x0040, "SessionID", "int32u", M, nullable: true)
        .Attribute(0x0041, "SessionDuration", "elapsed_s", M, nullable: true)
        .Attribute(0x0042, "SessionEnergyCharged", "energy_mwh", M, nullable: true, min: "0")
        .Attribute(0x0043, "SessionEnergyDischarged", "energy_mwh", Mandatory(Feature("V2X")), nullable: true, min: "0")
        .Request(0x01, "Disable", M)
        .Request(0x02, "EnableCharging", M)
        .Request(0x03, "EnableDischarging", Mandatory(Feature("V2X")))
        .Request(0x04, "StartDiagnostics", O)
        .Request(0x05, "SetTargets", Mandatory(Feature("PREF")))
        .Request(0x06, "GetTargets", Mandatory(Feature("PREF")), response: "GetTargetsResponse")
        .Request(0x07, "ClearTargets", Mandatory(Feature("PREF")))
        .Response(0x00, "GetTargetsResponse", Mandatory(Feature("PREF")))
        .Event(0x00, "EVConnected", M)
        .Event(0x01, "EVNotDetected", M)
        .Event(0x02, "EnergyTransferStarted", M)
        .Event(0x03, "EnergyTransferStopped", M)
        .Event(0x04, "Fault", M)
        .Event(0x05, "RFID", Optional(Feature("RFID")));
}
