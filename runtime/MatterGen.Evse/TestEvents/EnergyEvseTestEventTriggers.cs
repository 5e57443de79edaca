using System;
using System.Collections.Generic;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Device;
using MatterGen.Interaction;
using MatterGen.TestEvents;

namespace MatterGen.Evse.TestEvents;

/// <summary>
/// The Energy EVSE test event triggers (0x0099_0000_0000_00xx) that the certification tests send through General
/// Diagnostics, with the reference application's effects on the device: each one acts as the hardware would
/// (a vehicle arrives, asks for energy, a fault trips) and each Clear puts back what its trigger changed.
/// </summary>
public static class EnergyEvseTestEventTriggers
{
    /// <summary>Basic functionality: hardware maxima, CircuitCapacity and UserMaximumChargeCurrent all 32 A; no vehicle.</summary>
    public const ulong BasicFunctionality = 0x0099_0000_0000_0000;

    /// <summary>Puts back the limits <see cref="BasicFunctionality"/> changed.</summary>
    public const ulong BasicFunctionalityClear = 0x0099_0000_0000_0001;

    /// <summary>A vehicle is plugged in with a 63 A cable and does not ask for energy.</summary>
    public const ulong EVPluggedIn = 0x0099_0000_0000_0002;

    /// <summary>The vehicle leaves: the cable limit and the hardware state go back to what they were.</summary>
    public const ulong EVPluggedInClear = 0x0099_0000_0000_0003;

    /// <summary>The vehicle asks for energy.</summary>
    public const ulong EVChargeDemand = 0x0099_0000_0000_0004;

    /// <summary>The vehicle stops asking (back to the state before the demand).</summary>
    public const ulong EVChargeDemandClear = 0x0099_0000_0000_0005;

    /// <summary>Time-of-use mode; accepted with no effect, as in the reference application (its handler is a placeholder).</summary>
    public const ulong EVTimeOfUseMode = 0x0099_0000_0000_0006;

    /// <summary>A ground fault trips.</summary>
    public const ulong EVSEGroundFault = 0x0099_0000_0000_0010;

    /// <summary>The EVSE overheats.</summary>
    public const ulong EVSEOverTemperatureFault = 0x0099_0000_0000_0011;

    /// <summary>Every fault clears.</summary>
    public const ulong EVSEFaultClear = 0x0099_0000_0000_0012;

    /// <summary>The self-diagnostics StartDiagnostics began have finished.</summary>
    public const ulong EVSEDiagnosticsComplete = 0x0099_0000_0000_0020;

    /// <summary>Ends <see cref="EVTimeOfUseMode"/>; accepted with no effect, as in the reference application.</summary>
    public const ulong EVTimeOfUseModeClear = 0x0099_0000_0000_0021;

    /// <summary>The vehicle reports 20 % of a 70 kWh battery.</summary>
    public const ulong EVSESetSoCLow = 0x0099_0000_0000_0030;

    /// <summary>The vehicle reports 95 % of a 70 kWh battery.</summary>
    public const ulong EVSESetSoCHigh = 0x0099_0000_0000_0031;

    /// <summary>The vehicle no longer reports its state of charge.</summary>
    public const ulong EVSESetSoCClear = 0x0099_0000_0000_0032;

    /// <summary>The vehicle identifies itself as "Test-Vehicle-ID-012345789-ABCDEF".</summary>
    public const ulong EVSESetVehicleID = 0x0099_0000_0000_0040;

    /// <summary>A card with UID 00 11 22 33 44 55 66 77 88 99 is read.</summary>
    public const ulong EVSETriggerRFID = 0x0099_0000_0000_0050;

    /// <summary>The test plans' current for the basic functionality event, in mA.</summary>
    public const long BasicCurrent = 32_000;

    /// <summary>The test plans' cable rating for the plug-in event, in mA.</summary>
    public const long TestCableCurrent = 63_000;

    /// <summary>The test plans' battery capacity, in mWh (70 kWh).</summary>
    public const long TestBatteryCapacity = 70_000_000;

    /// <summary>The test plans' vehicle id.</summary>
    public const string TestVehicleId = "Test-Vehicle-ID-012345789-ABCDEF";

    /// <summary>The test plans' RFID card UID.</summary>
    public static ReadOnlySpan<byte> TestRfidUid => [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99];

    /// <summary>Registers every code for one charger; disposing the result removes them again.</summary>
    /// <exception cref="InvalidOperationException">Another device already registered these codes.</exception>
    public static IDisposable Register(TestEventTriggerRegistry registry, EnergyEvseController controller)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(controller);
        return TriggerRegistrations.Register(registry, new Effects(controller).All());
    }

    /// <summary>What each trigger does, and what it saved so that its Clear can put it back.</summary>
    private sealed class Effects(EnergyEvseController controller)
    {
        private readonly object gate = new();
        private (long Charge, long Discharge, long Circuit, long User)? limitsBeforeBasic;
        private (long Cable, HardwareState State)? beforePlugIn;
        private HardwareState? beforeDemand;

        public IEnumerable<(ulong Code, Func<MatterStatus> Handler)> All() =>
        [
            (BasicFunctionality, Basic),
            (BasicFunctionalityClear, BasicClear),
            (EVPluggedIn, PlugIn),
            (EVPluggedInClear, PlugInClear),
            (EVChargeDemand, Demand),
            (EVChargeDemandClear, DemandClear),
            (EVTimeOfUseMode, static () => MatterStatus.Success),
            (EVTimeOfUseModeClear, static () => MatterStatus.Success),
            (EVSEGroundFault, () => controller.RaiseFault(EnergyEVSE.FaultStateEnum.GroundFault)),
            (EVSEOverTemperatureFault, () => controller.RaiseFault(EnergyEVSE.FaultStateEnum.OverTemperature)),
            (EVSEFaultClear, controller.ClearFault),
            (EVSEDiagnosticsComplete, controller.DiagnosticsComplete),
            (EVSESetSoCLow, () => StateOfCharge(20, TestBatteryCapacity)),
            (EVSESetSoCHigh, () => StateOfCharge(95, TestBatteryCapacity)),
            (EVSESetSoCClear, () => StateOfCharge(null, null)),
            (EVSESetVehicleID, () => controller.SetVehicleId(TestVehicleId)),
            (EVSETriggerRFID, () => controller.ReadRfid(TestRfidUid)),
        ];

        private MatterStatus Basic()
        {
            lock (gate)
            {
                // Saved once, so a repeated trigger does not make its own 32 A the value to restore.
                limitsBeforeBasic ??= (controller.HardwareMaximumChargeCurrent, controller.HardwareMaximumDischargeCurrent,
                    controller.CircuitCapacity, controller.UserMaximumChargeCurrent);
                controller.SetHardwareMaximumCurrents(BasicCurrent, BasicCurrent);
                controller.SetCircuitCapacity(BasicCurrent);
                controller.UserMaximumChargeCurrent = BasicCurrent;
                return controller.SetHardwareState(HardwareState.NotPluggedIn);
            }
        }

        private MatterStatus BasicClear()
        {
            lock (gate)
            {
                if (limitsBeforeBasic is { } saved)
                {
                    controller.SetHardwareMaximumCurrents(saved.Charge, saved.Discharge);
                    controller.SetCircuitCapacity(saved.Circuit);
                    controller.UserMaximumChargeCurrent = saved.User;
                    limitsBeforeBasic = null;
                }

                return MatterStatus.Success;
            }
        }

        private MatterStatus PlugIn()
        {
            lock (gate)
            {
                beforePlugIn ??= (controller.CableAssemblyLimit, controller.HardwareState);
                controller.SetCableAssemblyLimit(TestCableCurrent);
                return controller.SetHardwareState(HardwareState.PluggedInNoDemand);
            }
        }

        private MatterStatus PlugInClear()
        {
            lock (gate)
            {
                var (cable, state) = beforePlugIn ?? (controller.CableAssemblyLimit, HardwareState.NotPluggedIn);
                beforePlugIn = null;
                beforeDemand = null;
                var status = controller.SetHardwareState(state);
                controller.SetCableAssemblyLimit(cable);
                return status;
            }
        }

        private MatterStatus Demand()
        {
            lock (gate)
            {
                beforeDemand ??= controller.HardwareState;
                return controller.SetHardwareState(HardwareState.PluggedInDemand);
            }
        }

        private MatterStatus DemandClear()
        {
            lock (gate)
            {
                var state = beforeDemand ?? HardwareState.PluggedInNoDemand;
                beforeDemand = null;
                return controller.SetHardwareState(state);
            }
        }

        private MatterStatus StateOfCharge(byte? percent, long? capacity)
        {
            controller.SetStateOfCharge(percent, capacity);
            return MatterStatus.Success;
        }
    }
}
