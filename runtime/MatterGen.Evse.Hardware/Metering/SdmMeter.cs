using System;
using System.Buffers.Binary;
using System.Threading;
using System.Threading.Tasks;

namespace MatterGen.Evse.Hardware.Metering;

/// <summary>An Eastron SDM120 or SDM630 meter read over Modbus RTU.</summary>
public sealed class SdmMeter : IEnergyMeter
{
    private readonly ModbusRtuClient modbus;
    private readonly byte slaveAddress;
    private readonly SdmModel meterModel;
    private readonly TimeProvider clock;

    /// <summary>Creates the meter.</summary>
    /// <param name="client">The bus.</param>
    /// <param name="slave">The meter's Modbus address (1–247).</param>
    /// <param name="model">The meter model.</param>
    /// <param name="time">Clock for reading timestamps.</param>
    public SdmMeter(ModbusRtuClient client, byte slave, SdmModel model, TimeProvider time)
    {
        modbus = client ?? throw new ArgumentNullException(nameof(client));
        if (slave is 0 or > 247)
        {
            throw new ArgumentOutOfRangeException(nameof(slave), slave, "A Modbus server address is 1–247.");
        }

        slaveAddress = slave;
        meterModel = model;
        clock = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Reads one float32 quantity (two registers, high word first).</summary>
    /// <param name="register">The first register, from <see cref="SdmRegisters"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="MeterFailureException">No valid answer, or an exception response.</exception>
    public async ValueTask<float> ReadFloatAsync(ushort register, CancellationToken cancellationToken = default)
    {
        ushort[] words;
        try
        {
            words = await modbus.ReadInputRegistersAsync(slaveAddress, register, 2, cancellationToken).ConfigureAwait(false);
        }
        catch (ModbusException e)
        {
            throw new MeterFailureException($"SDM meter {slaveAddress}: reading register 0x{register:X4} failed.", e);
        }

        return DecodeFloat(words[0], words[1]);
    }

    /// <inheritdoc />
    public async ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken = default)
    {
        var volts = await ReadFloatAsync(SdmRegisters.VoltageL1, cancellationToken).ConfigureAwait(false);
        var amps = meterModel == SdmModel.Sdm630
            ? await ReadHighestPhaseCurrentAsync(cancellationToken).ConfigureAwait(false)
            : await ReadFloatAsync(SdmRegisters.CurrentL1, cancellationToken).ConfigureAwait(false);
        var powerRegister = meterModel == SdmModel.Sdm630 ? SdmRegisters.TotalSystemPower : SdmRegisters.ActivePower;
        var watts = await ReadFloatAsync(powerRegister, cancellationToken).ConfigureAwait(false);
        var kwh = await ReadFloatAsync(SdmRegisters.ImportActiveEnergy, cancellationToken).ConfigureAwait(false);
        var exportedKwh = await ReadFloatAsync(SdmRegisters.ExportActiveEnergy, cancellationToken).ConfigureAwait(false);
        return new MeterReading(volts, amps, watts, kwh, clock.GetUtcNow(), exportedKwh);
    }

    /// <summary>
    /// The highest of the three phase currents, read in one request (L1 to L3 are adjacent): the pilot's offer
    /// limits each phase, so the most loaded one is what an over-current check must see.
    /// </summary>
    private async ValueTask<float> ReadHighestPhaseCurrentAsync(CancellationToken cancellationToken)
    {
        ushort[] words;
        try
        {
            words = await modbus.ReadInputRegistersAsync(slaveAddress, SdmRegisters.CurrentL1, 6, cancellationToken).ConfigureAwait(false);
        }
        catch (ModbusException e)
        {
            throw new MeterFailureException($"SDM meter {slaveAddress}: reading the phase currents failed.", e);
        }

        // A NaN phase must not hide behind Math.Max's NaN rules: the station rejects a non-finite reading.
        float l1 = DecodeFloat(words[0], words[1]), l2 = DecodeFloat(words[2], words[3]), l3 = DecodeFloat(words[4], words[5]);
        return float.IsFinite(l1) && float.IsFinite(l2) && float.IsFinite(l3) ? Math.Max(l1, Math.Max(l2, l3)) : float.NaN;
    }

    /// <summary>Decodes a big-endian float32 held in two registers, high word first.</summary>
    /// <param name="high">The first register.</param>
    /// <param name="low">The second register.</param>
    public static float DecodeFloat(ushort high, ushort low)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[2..], low);
        return BinaryPrimitives.ReadSingleBigEndian(bytes);
    }
}
