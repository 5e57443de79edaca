using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Tests.Infrastructure;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>The Energy EVSE cluster (revision 3) built by hand from energy-evse-cluster.xml, independent of the parser.</summary>
internal static class EvseModel
{
    private static readonly SourcePosition Here = new("energy-evse-cluster.xml", 1, 1);

    public static ClusterUnit Unit { get; } = Build();

    public static FieldModel Field(uint id, string name, string type, bool list = false, bool nullable = false, bool optional = false,
        string? min = null, string? max = null, int? length = null, Maturity maturity = Maturity.Stable) =>
        new(id, name, new TypeReference(type, list), nullable, optional, false, null, Definitions.Bounds(min, max, length), maturity, null);

    public static DataTypeModel Enum(string name, string baseType, params (string Name, ulong Value)[] items) =>
        new(name, DataTypeKind.Enum, baseType, Arr(0x99u), Arr(items.Select(i => new NamedValue(i.Name, i.Value, null)).ToArray()), Arr<FieldModel>(), false, Maturity.Stable, null, Here);

    public static DataTypeModel Bitmap(string name, string baseType, Maturity maturity, params (string Name, ulong Value)[] items) =>
        new(name, DataTypeKind.Bitmap, baseType, Arr(0x99u), Arr(items.Select(i => new NamedValue(i.Name, i.Value, null)).ToArray()), Arr<FieldModel>(), false, maturity, null, Here);

    public static DataTypeModel Struct(string name, Maturity maturity, params FieldModel[] fields) =>
        new(name, DataTypeKind.Struct, "struct", Arr(0x99u), Arr<NamedValue>(), Arr(fields), false, maturity, null, Here);

    public static AttributeModel Attribute(uint id, string name, string type, bool nullable = false, bool writable = false,
        string? min = null, string? max = null, int? length = null, string? defaultValue = null, Conformance? conformance = null) =>
        new(id, name, new TypeReference(type, false), nullable, writable, false,
            writable ? Access.Default with { Write = Privilege.Manage } : Access.Default,
            nullable ? AttributeQuality.Nullable : AttributeQuality.None, Definitions.Default(defaultValue), Definitions.Bounds(min, max, length),
            conformance ?? Conformance.Mandatory, Maturity.Stable, null, Here);

    public static CommandModel Command(uint id, string name, CommandDirection direction, string? description, Conformance conformance,
        Maturity maturity = Maturity.Stable, string? response = null, params FieldModel[] fields) =>
        new(id, name, direction, response, Arr(fields), direction == CommandDirection.ClientToServer, false, Access.Default,
            conformance, maturity, description, Here);

    public static EventModel Event(uint id, string name, EventPriority priority, string? description, Conformance? conformance = null, params FieldModel[] fields) =>
        new(id, name, priority, Arr(fields), false, Access.Default, conformance ?? Conformance.Mandatory, Maturity.Stable, description, Here);

    public static EquatableArray<T> Arr<T>(params T[] items)
        where T : System.IEquatable<T> => EquatableArray.From(items);

    public static Conformance Feature(ConformanceKind kind, string feature) => Conformance.Create(kind, new FeatureTerm(feature));

    private static ClusterUnit Build()
    {
        var provisionalOrOptional = new Conformance(ConformanceKind.Otherwise, null, null, false, 0,
            Arr(Conformance.Create(ConformanceKind.Provisional), Conformance.Optional));
        var types = Arr(
            Enum("StateEnum", "enum8", ("NotPluggedIn", 0), ("PluggedInNoDemand", 1), ("PluggedInDemand", 2), ("PluggedInCharging", 3), ("PluggedInDischarging", 4), ("SessionEnding", 5), ("Fault", 6)),
            Enum("SupplyStateEnum", "enum8", ("Disabled", 0), ("ChargingEnabled", 1), ("DischargingEnabled", 2), ("DisabledError", 3), ("DisabledDiagnostics", 4), ("Enabled", 5)),
            Enum("FaultStateEnum", "enum8", ("NoError", 0), ("MeterFailure", 1), ("OverVoltage", 2), ("UnderVoltage", 3), ("OverCurrent", 4), ("ContactWetFailure", 5), ("ContactDryFailure", 6), ("GroundFault", 7), ("PowerLoss", 8), ("PowerQuality", 9), ("PilotShortCircuit", 10), ("EmergencyStop", 11), ("EVDisconnected", 12), ("WrongPowerSupply", 13), ("LiveNeutralSwap", 14), ("OverTemperature", 15), ("Other", 255)),
            Enum("EnergyTransferStoppedReasonEnum", "enum8", ("EVStopped", 0), ("EVSEStopped", 1), ("Other", 2)),
            Bitmap("TargetDayOfWeekBitmap", "bitmap8", Maturity.Provisional, ("Sunday", 1), ("Monday", 2), ("Tuesday", 4), ("Wednesday", 8), ("Thursday", 16), ("Friday", 32), ("Saturday", 64)),
            Struct("ChargingTargetStruct", Maturity.Provisional,
                Field(0, "TargetTimeMinutesPastMidnight", "int16u", max: "1439"),
                Field(1, "TargetSoC", "percent", optional: true),
                Field(2, "AddedEnergy", "energy_mwh", optional: true, min: "0")),
            Struct("ChargingTargetScheduleStruct", Maturity.Provisional,
                Field(0, "DayOfWeekForSequence", "TargetDayOfWeekBitmap", min: "0", max: "127"),
                Field(1, "ChargingTargets", "ChargingTargetStruct", list: true, length: 10)));

        var mandatoryV2X = Feature(ConformanceKind.Mandatory, "V2X");
        var mandatoryPref = Feature(ConformanceKind.Mandatory, "PREF");
        var attributes = Arr(
            Attribute(0x00, "State", "StateEnum", nullable: true, min: "0", max: "6"),
            Attribute(0x01, "SupplyState", "SupplyStateEnum", min: "0", max: "5"),
            Attribute(0x02, "FaultState", "FaultStateEnum", min: "0", max: "255"),
            Attribute(0x03, "ChargingEnabledUntil", "epoch_s", nullable: true, defaultValue: "0"),
            Attribute(0x04, "DischargingEnabledUntil", "epoch_s", nullable: true, defaultValue: "0", conformance: mandatoryV2X),
            Attribute(0x05, "CircuitCapacity", "amperage_ma", min: "0", defaultValue: "0"),
            Attribute(0x06, "MinimumChargeCurrent", "amperage_ma", min: "0", defaultValue: "6000"),
            Attribute(0x07, "MaximumChargeCurrent", "amperage_ma", min: "0", defaultValue: "0"),
            Attribute(0x08, "MaximumDischargeCurrent", "amperage_ma", min: "0", defaultValue: "0", conformance: mandatoryV2X),
            Attribute(0x09, "UserMaximumChargeCurrent", "amperage_ma", writable: true, defaultValue: "0", conformance: Conformance.Optional),
            Attribute(0x0A, "RandomizationDelayWindow", "elapsed_s", writable: true, defaultValue: "600", conformance: Conformance.Optional),
            Attribute(0x23, "NextChargeStartTime", "epoch_s", nullable: true, conformance: mandatoryPref),
            Attribute(0x24, "NextChargeTargetTime", "epoch_s", nullable: true, conformance: mandatoryPref),
            Attribute(0x25, "NextChargeRequiredEnergy", "energy_mwh", nullable: true, min: "0", conformance: mandatoryPref),
            Attribute(0x26, "NextChargeTargetSoC", "percent", nullable: true, conformance: mandatoryPref),
            Attribute(0x27, "ApproximateEVEfficiency", "int16u", nullable: true, writable: true, min: "0", max: "65534", conformance: Feature(ConformanceKind.Optional, "PREF")),
            Attribute(0x30, "StateOfCharge", "percent", nullable: true, conformance: Feature(ConformanceKind.Mandatory, "SOC")),
            Attribute(0x31, "BatteryCapacity", "energy_mwh", nullable: true, min: "0", conformance: Feature(ConformanceKind.Mandatory, "SOC")),
            Attribute(0x32, "VehicleID", "char_string", nullable: true, length: 32, conformance: Feature(ConformanceKind.Mandatory, "PNC")),
            Attribute(0x40, "SessionID", "int32u", nullable: true),
            Attribute(0x41, "SessionDuration", "elapsed_s", nullable: true),
            Attribute(0x42, "SessionEnergyCharged", "energy_mwh", nullable: true, min: "0"),
            Attribute(0x43, "SessionEnergyDischarged", "energy_mwh", nullable: true, min: "0", conformance: mandatoryV2X));

        var schedules = Field(0, "ChargingTargetSchedules", "ChargingTargetScheduleStruct", list: true, length: 7);
        var commands = Arr(
            Command(0x01, "Disable", CommandDirection.ClientToServer, "Allows a client to disable the EVSE from charging and discharging.", Conformance.Mandatory, Maturity.Provisional),
            Command(0x02, "EnableCharging", CommandDirection.ClientToServer, "This command allows a client to enable the EVSE to charge an EV, and to provide or update the maximum and minimum charge current.", Conformance.Mandatory, Maturity.Stable, null,
                Field(0, "ChargingEnabledUntil", "epoch_s", nullable: true),
                Field(1, "MinimumChargeCurrent", "amperage_ma", min: "0"),
                Field(2, "MaximumChargeCurrent", "amperage_ma", min: "0")),
            Command(0x03, "EnableDischarging", CommandDirection.ClientToServer, "Upon receipt, this SHALL allow a client to enable the discharge of an EV, and to provide or update the maximum discharge current.", mandatoryV2X, Maturity.Provisional, null,
                Field(0, "DischargingEnabledUntil", "epoch_s", nullable: true),
                Field(1, "MaximumDischargeCurrent", "amperage_ma", min: "0")),
            Command(0x04, "StartDiagnostics", CommandDirection.ClientToServer, "Allows a client to put the EVSE into a self-diagnostics mode.", Conformance.Optional),
            Command(0x05, "SetTargets", CommandDirection.ClientToServer, "Allows a client to set the user specified charging targets.", mandatoryPref, Maturity.Provisional, null, schedules),
            Command(0x06, "GetTargets", CommandDirection.ClientToServer, "Allows a client to retrieve the current set of charging targets.", mandatoryPref, Maturity.Provisional, "GetTargetsResponse"),
            Command(0x07, "ClearTargets", CommandDirection.ClientToServer, "Allows a client to clear all stored charging targets.", mandatoryPref, Maturity.Provisional),
            Command(0x00, "GetTargetsResponse", CommandDirection.ServerToClient, "The GetTargetsResponse is sent in response to the GetTargets Command.", mandatoryPref, Maturity.Provisional, null, schedules));

        var events = Arr(
            Event(0x00, "EVConnected", EventPriority.Info, "This event SHALL be generated when the EV is plugged in.", null,
                Field(0, "SessionID", "int32u")),
            Event(0x01, "EVNotDetected", EventPriority.Info, "This event SHALL be generated when the EV is unplugged or not detected (having been previously plugged in).", null,
                Field(0, "SessionID", "int32u"), Field(1, "State", "StateEnum", min: "0", max: "6"), Field(2, "SessionDuration", "elapsed_s"),
                Field(3, "SessionEnergyCharged", "energy_mwh", min: "0"), Field(4, "SessionEnergyDischarged", "energy_mwh", optional: true, min: "0", maturity: Maturity.Provisional)),
            Event(0x02, "EnergyTransferStarted", EventPriority.Info, "This event SHALL be generated whenever the EV starts charging or discharging.", null,
                Field(0, "SessionID", "int32u"), Field(1, "State", "StateEnum", min: "0", max: "6"), Field(2, "MaximumCurrent", "amperage_ma", min: "0"),
                Field(3, "MaximumDischargeCurrent", "amperage_ma", optional: true, min: "0")),
            Event(0x03, "EnergyTransferStopped", EventPriority.Info, "This event SHALL be generated whenever the EV stops charging or discharging.", null,
                Field(0, "SessionID", "int32u"), Field(1, "State", "StateEnum", min: "0", max: "6"), Field(2, "Reason", "EnergyTransferStoppedReasonEnum", min: "0", max: "2"),
                Field(4, "EnergyTransferred", "energy_mwh", min: "0"), Field(5, "EnergyDischarged", "energy_mwh", optional: true, min: "0")),
            Event(0x04, "Fault", EventPriority.Critical, "If the EVSE detects a fault it SHALL generate a Fault Event.", null,
                Field(0, "SessionID", "int32u", nullable: true), Field(1, "State", "StateEnum", min: "0", max: "6"),
                Field(2, "FaultStatePreviousState", "FaultStateEnum", min: "0", max: "255"), Field(4, "FaultStateCurrentState", "FaultStateEnum", min: "0", max: "255")),
            Event(0x05, "RFID", EventPriority.Info, "This event SHALL be generated when a RFID card has been read.", Feature(ConformanceKind.Optional, "RFID"),
                Field(0, "UID", "octet_string", length: 10)));

        var features = Arr(
            new FeatureModel(0, "PREF", "ChargingPreferences", "EVSE supports storing user charging preferences", Conformance.Mandatory, Here),
            new FeatureModel(1, "SOC", "SoCReporting", "EVSE supports reporting of vehicle State of Charge (SoC)", provisionalOrOptional, Here),
            new FeatureModel(2, "PNC", "PlugAndCharge", "EVSE supports PLC to support Plug and Charge", provisionalOrOptional, Here),
            new FeatureModel(3, "RFID", "RFID", "EVSE is fitted with an RFID reader", Conformance.Optional, Here),
            new FeatureModel(4, "V2X", "V2X", "EVSE supports bi-directional charging / discharging", provisionalOrOptional, Here));

        var cluster = new ClusterModel(0x99, "Energy EVSE", "Energy Management",
            "Electric Vehicle Supply Equipment (EVSE) is equipment used to charge an Electric Vehicle (EV) or Plug-In Hybrid Electric Vehicle. This cluster provides an interface to the functionality of Electric Vehicle Supply Equipment (EVSE) management.",
            3, features, attributes, commands, events, Maturity.Stable, Here);
        return new ClusterUnit(cluster, "EnergyEvse", types, Arr<DataTypeModel>());
    }
}
