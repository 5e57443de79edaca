using System.Linq;
using CsCheck;
using MatterGen.DataModel;

namespace MatterGen.Clusters.Tests;

/// <summary>
/// CsCheck generators of valid values of every generated Energy EVSE struct, command payload and event payload:
/// every field within its constraints, optional and nullable fields both present and absent, integers of every
/// encoded width.
/// </summary>
internal static class EnergyEvseGenerators
{
    /// <summary>Non-negative 64-bit values (energy, power, current), biased towards each TLV width.</summary>
    public static readonly Gen<long> NonNegative = Gen.OneOf(Gen.Long[0, 127], Gen.Long[0, 40_000], Gen.Long[0, 3_000_000_000], Gen.Long[0, long.MaxValue]);

    /// <summary>Any 32-bit unsigned value, biased towards each TLV width.</summary>
    public static readonly Gen<uint> UInt32 = Gen.OneOf(Gen.UInt[0, 255], Gen.UInt[0, 65_535], Gen.UInt);

    public static readonly Gen<EnergyEVSE.StateEnum> State = Gen.Byte.Select(b => (EnergyEVSE.StateEnum)b);

    public static readonly Gen<EnergyEVSE.FaultStateEnum> FaultState = Gen.Byte.Select(b => (EnergyEVSE.FaultStateEnum)b);

    public static readonly Gen<EnergyEVSE.ChargingTargetStruct> ChargingTarget =
        Gen.Select(Gen.Int[0, 1439], OrNull(Gen.Byte[0, 100]), OrNull(NonNegative), (minutes, soc, energy) =>
            new EnergyEVSE.ChargingTargetStruct { TargetTimeMinutesPastMidnight = (ushort)minutes, TargetSoC = soc, AddedEnergy = energy });

    public static readonly Gen<EnergyEVSE.ChargingTargetScheduleStruct> Schedule =
        Gen.Select(Gen.Byte, ChargingTarget.Array[0, 10], (days, targets) =>
            new EnergyEVSE.ChargingTargetScheduleStruct { DayOfWeekForSequence = (EnergyEVSE.TargetDayOfWeekBitmap)days, ChargingTargets = targets });

    public static readonly Gen<EnergyEVSE.DisableRequest> Disable = Gen.Const(0).Select(_ => new EnergyEVSE.DisableRequest());

    public static readonly Gen<EnergyEVSE.EnableChargingRequest> EnableCharging =
        Gen.Select(OrNull(UInt32), NonNegative, NonNegative, (until, minimum, maximum) => new EnergyEVSE.EnableChargingRequest
        {
            ChargingEnabledUntil = until is { } seconds ? new EpochSeconds(seconds) : null,
            MinimumChargeCurrent = minimum,
            MaximumChargeCurrent = maximum,
        });

    public static readonly Gen<EnergyEVSE.EnableDischargingRequest> EnableDischarging =
        Gen.Select(OrNull(UInt32), NonNegative, (until, maximum) => new EnergyEVSE.EnableDischargingRequest
        {
            DischargingEnabledUntil = until is { } seconds ? new EpochSeconds(seconds) : null,
            MaximumDischargeCurrent = maximum,
        });

    public static readonly Gen<EnergyEVSE.StartDiagnosticsRequest> StartDiagnostics = Gen.Const(0).Select(_ => new EnergyEVSE.StartDiagnosticsRequest());

    public static readonly Gen<EnergyEVSE.SetTargetsRequest> SetTargets =
        Schedule.Array[0, 7].Select(schedules => new EnergyEVSE.SetTargetsRequest { ChargingTargetSchedules = schedules });

    public static readonly Gen<EnergyEVSE.GetTargetsRequest> GetTargets = Gen.Const(0).Select(_ => new EnergyEVSE.GetTargetsRequest());

    public static readonly Gen<EnergyEVSE.ClearTargetsRequest> ClearTargets = Gen.Const(0).Select(_ => new EnergyEVSE.ClearTargetsRequest());

    public static readonly Gen<EnergyEVSE.GetTargetsResponse> GetTargetsResponse =
        Schedule.Array[0, 7].Select(schedules => new EnergyEVSE.GetTargetsResponse { ChargingTargetSchedules = schedules });

    public static readonly Gen<EnergyEVSE.EVConnectedEvent> EVConnected =
        UInt32.Select(session => new EnergyEVSE.EVConnectedEvent { SessionID = session });

    public static readonly Gen<EnergyEVSE.EVNotDetectedEvent> EVNotDetected =
        Gen.Select(UInt32, State, UInt32, NonNegative, OrNull(NonNegative), (session, state, duration, charged, discharged) => new EnergyEVSE.EVNotDetectedEvent
        {
            SessionID = session,
            State = state,
            SessionDuration = new ElapsedSeconds(duration),
            SessionEnergyCharged = charged,
            SessionEnergyDischarged = discharged,
        });

    public static readonly Gen<EnergyEVSE.EnergyTransferStartedEvent> EnergyTransferStarted =
        Gen.Select(UInt32, State, NonNegative, OrNull(NonNegative), (session, state, maximum, discharge) => new EnergyEVSE.EnergyTransferStartedEvent
        {
            SessionID = session,
            State = state,
            MaximumCurrent = maximum,
            MaximumDischargeCurrent = discharge,
        });

    public static readonly Gen<EnergyEVSE.EnergyTransferStoppedEvent> EnergyTransferStopped =
        Gen.Select(UInt32, State, Gen.Byte, NonNegative, OrNull(NonNegative), (session, state, reason, transferred, discharged) => new EnergyEVSE.EnergyTransferStoppedEvent
        {
            SessionID = session,
            State = state,
            Reason = (EnergyEVSE.EnergyTransferStoppedReasonEnum)reason,
            EnergyTransferred = transferred,
            EnergyDischarged = discharged,
        });

    public static readonly Gen<EnergyEVSE.FaultEvent> Fault =
        Gen.Select(OrNull(UInt32), State, FaultState, FaultState, (session, state, previous, current) => new EnergyEVSE.FaultEvent
        {
            SessionID = session,
            State = state,
            FaultStatePreviousState = previous,
            FaultStateCurrentState = current,
        });

    public static readonly Gen<EnergyEVSE.RFIDEvent> Rfid =
        Gen.Byte.Array[0, 10].Select(uid => new EnergyEVSE.RFIDEvent { UID = uid.ToArray() });

    /// <summary>The value or, a third of the time, null.</summary>
    public static Gen<T?> OrNull<T>(Gen<T> gen)
        where T : struct =>
        Gen.Int[0, 2].SelectMany(pick => pick == 0 ? Gen.Const((T?)null) : gen.Select(value => (T?)value));
}
