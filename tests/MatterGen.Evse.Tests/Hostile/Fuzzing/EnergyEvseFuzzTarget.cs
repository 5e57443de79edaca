using System;
using System.Collections.Generic;
using System.Linq;
using MatterGen.Evse.Clusters;
using MatterGen.Evse.Device;
using MatterGen.Evse.Targets;
using MatterGen.Tlv;

namespace MatterGen.Evse.Tests.Hostile.Fuzzing;

/// <summary>The Energy EVSE cluster of a <see cref="HostileBed"/> as the fuzzer's target.</summary>
internal sealed class EnergyEvseFuzzTarget : IFuzzTarget
{
    // The most the store may hold: every non-volatile attribute at its widest plus seven full schedules.
    private const int StoreBound = 2048;

    private static readonly long[] Currents = [long.MinValue, -1, 0, 1, 6000, 16000, 32000, 80000, int.MaxValue, long.MaxValue];

    private readonly HostileBed bed;

    public EnergyEvseFuzzTarget(HostileBed bed)
    {
        this.bed = bed;
        var description = bed.Device.Server.Description;
        Commands = description.AcceptedCommands.Select(command => command.Id).ToArray();
        Attributes = description.AttributeList.ToArray();
    }

    public ushort Endpoint => HostileBed.Endpoint;

    public uint ClusterId => EnergyEVSE.ClusterId;

    public IReadOnlyList<uint> Commands { get; }

    public IReadOnlyList<uint> Attributes { get; }

    public IReadOnlyList<(uint CommandId, byte[] Fields)> ReadingCommands { get; } = [(EnergyEVSE.Commands.GetTargets.Id, [0x15, 0x18])];

    public long StoreFingerprint => bed.Store.Fingerprint;

    public IDisposable? InjectFailure(Random random)
    {
        bed.Plan.Arm(failAt: random.Next(1, 16));
        return new Disarm(bed.Plan);
    }

    public byte[] CommandFields(Random random, uint commandId) => FuzzValues.Encode((ref TlvWriter writer) =>
    {
        writer.StartStructure(TlvTag.Anonymous);
        switch (commandId)
        {
            case 0x02: // EnableCharging
                Deadline(random, ref writer, 0);
                writer.WriteSignedInteger(TlvTag.Context(1), Current(random));
                writer.WriteSignedInteger(TlvTag.Context(2), Current(random));
                break;
            case 0x03: // EnableDischarging
                Deadline(random, ref writer, 0);
                writer.WriteSignedInteger(TlvTag.Context(1), Current(random));
                break;
            case 0x05: // SetTargets
                Schedules(random, ref writer);
                break;
        }

        writer.EndContainer();
    });

    public byte[] AttributeValue(Random random, uint attributeId) => FuzzValues.AnyScalar(random);

    public void MoveDevice(Random random)
    {
        var controller = bed.Controller;
        switch (random.Next(9))
        {
            case 0:
                controller.SetHardwareState((HardwareState)random.Next(3));
                break;
            case 1:
                controller.RaiseFault((EnergyEVSE.FaultStateEnum)random.Next(16));
                break;
            case 2:
                controller.ClearFault();
                break;
            case 3:
                controller.DiagnosticsComplete();
                break;
            case 4:
                controller.SetStateOfCharge((byte)random.Next(0, 120), random.NextInt64(-1, 100_000_000));
                break;
            case 5:
                controller.UpdateMeter(random.NextInt64(0, 1L << 40), random.NextInt64(0, 1L << 40));
                break;
            case 6:
                controller.SetCircuitCapacity(random.NextInt64(-1, 64_000));
                break;
            default:
                // Time passes: deadlines lapse, quieter reports go out, all on the timer's "thread".
                bed.Clock.Advance(TimeSpan.FromSeconds(random.Next(3) == 0 ? random.Next(1, 60 * 86400) : random.Next(1, 120)));
                break;
        }
    }

    public string? CheckBounds()
    {
        var entries = bed.Controller.Targets.Entries;
        if (entries.Count > ChargingTargetRules.MaxSchedules)
        {
            return $"{entries.Count} schedules stored";
        }

        var days = (EnergyEVSE.TargetDayOfWeekBitmap)0;
        foreach (var schedule in entries)
        {
            if (schedule.ChargingTargets.Count > ChargingTargetRules.MaxTargetsPerSchedule
                || (schedule.DayOfWeekForSequence & ~ChargingTargetRules.AllDays) != 0
                || schedule.DayOfWeekForSequence == 0
                || (schedule.DayOfWeekForSequence & days) != 0)
            {
                return $"a stored schedule breaks the rules: days 0x{(byte)schedule.DayOfWeekForSequence:X2}, {schedule.ChargingTargets.Count} targets";
            }

            days |= schedule.DayOfWeekForSequence;
        }

        return bed.Store.TotalBytes > StoreBound ? $"the store holds {bed.Store.TotalBytes} bytes" : null;
    }

    private static long Current(Random random) => random.Next(3) == 0 ? random.NextInt64(-100, 100_000) : FuzzValues.Edge(random, Currents);

    private void Deadline(Random random, ref TlvWriter writer, byte tag)
    {
        var now = (long)MatterGen.DataModel.EpochSeconds.FromDateTimeOffset(bed.Clock.GetUtcNow()).Value;
        switch (random.Next(5))
        {
            case 0:
                writer.WriteNull(TlvTag.Context(tag));
                break;
            case 1:
                writer.WriteUnsignedInteger(TlvTag.Context(tag), uint.MaxValue);
                break;
            case 2:
                writer.WriteUnsignedInteger(TlvTag.Context(tag), (ulong)Math.Max(0, now + random.Next(-3600, 3600)));
                break;
            case 3:
                writer.WriteUnsignedInteger(TlvTag.Context(tag), (ulong)random.NextInt64(0, uint.MaxValue));
                break;
            default:
                writer.WriteUnsignedInteger(TlvTag.Context(tag), (ulong)(now + random.Next(40, 400) * 86400L));
                break;
        }
    }

    private static void Schedules(Random random, ref TlvWriter writer)
    {
        writer.StartArray(TlvTag.Context(0));
        var schedules = random.Next(10) == 0 ? random.Next(8, 10) : random.Next(0, 4);
        for (var i = 0; i < schedules; i++)
        {
            writer.StartStructure(TlvTag.Anonymous);
            writer.WriteUnsignedInteger(TlvTag.Context(0), random.Next(4) == 0 ? (ulong)random.Next(256) : (ulong)(1 << random.Next(7)));
            writer.StartArray(TlvTag.Context(1));
            var targets = random.Next(10) == 0 ? random.Next(10, 12) : random.Next(0, 4);
            for (var j = 0; j < targets; j++)
            {
                writer.StartStructure(TlvTag.Anonymous);
                writer.WriteUnsignedInteger(TlvTag.Context(0), (ulong)(random.Next(8) == 0 ? random.Next(1440, 65536) : random.Next(1440)));
                if (random.Next(3) != 0)
                {
                    writer.WriteUnsignedInteger(TlvTag.Context(1), (ulong)(random.Next(4) == 0 ? random.Next(256) : 100));
                }

                if (random.Next(2) == 0)
                {
                    writer.WriteSignedInteger(TlvTag.Context(2), random.Next(8) == 0 ? -1 : random.NextInt64(0, 100_000_000));
                }

                writer.EndContainer();
            }

            writer.EndContainer();
            writer.EndContainer();
        }

        writer.EndContainer();
    }

    private sealed class Disarm(FaultPlan plan) : IDisposable
    {
        public void Dispose() => plan.Disarm();
    }
}
