using System;
using System.Linq;
using System.Threading.Tasks;
using MatterGen.Evse.Hardware.Control;
using MatterGen.Evse.Hardware.Metering;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Metering;

public class ModbusTests
{
    // Frames checked against an independent CRC-16/MODBUS implementation and the reference's SDM table.
    private static readonly byte[] VoltageRequest = [0x01, 0x04, 0x00, 0x00, 0x00, 0x02, 0x71, 0xCB];
    private static readonly byte[] CurrentRequest = [0x01, 0x04, 0x00, 0x06, 0x00, 0x02, 0x91, 0xCA];
    private static readonly byte[] PowerRequest120 = [0x01, 0x04, 0x00, 0x0C, 0x00, 0x02, 0xB1, 0xC8];
    private static readonly byte[] PowerRequest630 = [0x01, 0x04, 0x00, 0x34, 0x00, 0x02, 0x30, 0x05];
    private static readonly byte[] EnergyRequest = [0x01, 0x04, 0x00, 0x48, 0x00, 0x02, 0xF1, 0xDD];
    private static readonly byte[] ExportEnergyRequest = [0x01, 0x04, 0x00, 0x4A, 0x00, 0x02, 0x50, 0x1D];
    private static readonly byte[] Volts230_2 = [0x01, 0x04, 0x04, 0x43, 0x66, 0x33, 0x33, 0x5A, 0xFA];
    private static readonly byte[] Amps16 = [0x01, 0x04, 0x04, 0x41, 0x80, 0x00, 0x00, 0xEE, 0x50];
    private static readonly byte[] Watts3683_2 = [0x01, 0x04, 0x04, 0x45, 0x66, 0x33, 0x33, 0x5A, 0x72];
    private static readonly byte[] Kwh12_5 = [0x01, 0x04, 0x04, 0x41, 0x48, 0x00, 0x00, 0x6F, 0xAE];
    private static readonly byte[] Kwh3_25 = [0x01, 0x04, 0x04, 0x40, 0x50, 0x00, 0x00, 0xEE, 0x55];
    private static readonly byte[] CurrentsRequest630 = [0x01, 0x04, 0x00, 0x06, 0x00, 0x06, 0x90, 0x09];
    private static readonly byte[] Amps16_20_5_9 = [0x01, 0x04, 0x0C, 0x41, 0x80, 0x00, 0x00, 0x41, 0xA4, 0x00, 0x00, 0x41, 0x10, 0x00, 0x00, 0xF5, 0x46];
    private static readonly byte[] Amps16_NaN_9 = [0x01, 0x04, 0x0C, 0x41, 0x80, 0x00, 0x00, 0x7F, 0xC0, 0x00, 0x00, 0x41, 0x10, 0x00, 0x00, 0x52, 0x18];
    private static readonly byte[] IllegalAddress = [0x01, 0x84, 0x02, 0xC2, 0xC1];

    private static ModbusRtuClient Client(ScriptedSerialStream stream, int attempts = 3) =>
        new(stream, stream.Time, new ModbusRtuOptions { Attempts = attempts, ResponseTimeout = TimeSpan.FromMilliseconds(500) });

    [Theory]
    [InlineData(new byte[] { 0x01, 0x04, 0x00, 0x00, 0x00, 0x02 }, 0xCB71)]
    [InlineData(new byte[] { 0x01, 0x04, 0x01, 0x56, 0x00, 0x02 }, 0x2790)]
    [InlineData(new byte[] { 0x01, 0x04, 0x00, 0x4A, 0x00, 0x02 }, 0x1D50)]
    [InlineData(new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 }, 0x4B37)] // CRC-16/MODBUS check value
    public void Crc_matches_known_values(byte[] data, int crc)
    {
        Assert.Equal((ushort)crc, ModbusCrc.Compute(data));
    }

    [Theory]
    [InlineData(SdmRegisters.VoltageL1, "01 04 00 00 00 02 71 CB")]
    [InlineData(SdmRegisters.CurrentL1, "01 04 00 06 00 02 91 CA")]
    [InlineData(SdmRegisters.ActivePower, "01 04 00 0C 00 02 B1 C8")]
    [InlineData(SdmRegisters.TotalSystemPower, "01 04 00 34 00 02 30 05")]
    [InlineData(SdmRegisters.Frequency, "01 04 00 46 00 02 90 1E")]
    [InlineData(SdmRegisters.ImportActiveEnergy, "01 04 00 48 00 02 F1 DD")]
    [InlineData(SdmRegisters.ExportActiveEnergy, "01 04 00 4A 00 02 50 1D")]
    [InlineData(SdmRegisters.TotalActiveEnergy, "01 04 01 56 00 02 90 27")]
    public void Request_frames_match_the_sdm_table(ushort register, string expected)
    {
        Assert.Equal(expected, Convert.ToHexString(ModbusRtuClient.BuildReadInputRegistersRequest(1, register, 2)).Chunk(2).Select(c => new string(c)).Aggregate((a, b) => a + " " + b));
    }

    [Fact]
    public async Task Reads_and_decodes_a_float()
    {
        var stream = new ScriptedSerialStream(Volts230_2);
        var meter = new SdmMeter(Client(stream), 1, SdmModel.Sdm120, TimeProvider.System);
        Assert.Equal(230.2f, await meter.ReadFloatAsync(SdmRegisters.VoltageL1));
        Assert.Equal([VoltageRequest], stream.Requests);
    }

    [Fact]
    public async Task A_single_phase_reading_uses_L1_and_the_power_register()
    {
        var stream = new ScriptedSerialStream(Volts230_2, Amps16, Watts3683_2, Kwh12_5, Kwh3_25);
        var meter = new SdmMeter(Client(stream), 1, SdmModel.Sdm120, TimeProvider.System);
        var r = await meter.ReadAsync();
        Assert.Equal((230.2f, 16f, 3683.2f, 12.5f, 3.25f), ((float)r.VoltageVolts, (float)r.CurrentAmps, (float)r.PowerWatts, (float)r.ImportedEnergyKilowattHours, (float)r.ExportedEnergyKilowattHours));
        Assert.Equal([VoltageRequest, CurrentRequest, PowerRequest120, EnergyRequest, ExportEnergyRequest], stream.Requests);
    }

    [Fact]
    public async Task A_three_phase_reading_reports_the_most_loaded_phase_and_the_total_power()
    {
        var stream = new ScriptedSerialStream(Volts230_2, Amps16_20_5_9, Watts3683_2, Kwh12_5, Kwh3_25);
        var meter = new SdmMeter(Client(stream), 1, SdmModel.Sdm630, TimeProvider.System);
        var r = await meter.ReadAsync();
        Assert.Equal((230.2f, 20.5f, 3683.2f), ((float)r.VoltageVolts, (float)r.CurrentAmps, (float)r.PowerWatts));
        Assert.Equal([VoltageRequest, CurrentsRequest630, PowerRequest630, EnergyRequest, ExportEnergyRequest], stream.Requests);
    }

    [Fact]
    public async Task A_phase_that_reads_NaN_makes_the_whole_current_NaN()
    {
        var stream = new ScriptedSerialStream(Volts230_2, Amps16_NaN_9, Watts3683_2, Kwh12_5, Kwh3_25);
        var meter = new SdmMeter(Client(stream), 1, SdmModel.Sdm630, TimeProvider.System);
        var r = await meter.ReadAsync();
        Assert.True(double.IsNaN(r.CurrentAmps)); // which the station turns into MeterFailure
    }

    [Fact]
    public async Task Crc_error_and_timeout_are_retried()
    {
        var corrupt = (byte[])Volts230_2.Clone();
        corrupt[5] ^= 0x01;
        var stream = new ScriptedSerialStream(corrupt, null, Volts230_2);
        var words = await Client(stream).ReadInputRegistersAsync(1, 0, 2);
        Assert.Equal(new ushort[] { 0x4366, 0x3333 }, words);
        Assert.Equal(3, stream.Requests.Count);
    }

    [Fact]
    public async Task Persistent_failure_becomes_MeterFailure()
    {
        var stream = new ScriptedSerialStream(null, null, null);
        var meter = new SdmMeter(Client(stream), 1, SdmModel.Sdm120, TimeProvider.System);
        var e = await Assert.ThrowsAsync<MeterFailureException>(async () => await meter.ReadFloatAsync(SdmRegisters.VoltageL1));
        Assert.Equal(FaultKind.MeterFailure, e.Fault);
        var inner = Assert.IsType<ModbusCommunicationException>(e.InnerException);
        Assert.Equal(3, inner.Attempts);
        Assert.IsType<TimeoutException>(inner.InnerException);
        Assert.Equal(3, stream.Requests.Count);
    }

    [Fact]
    public async Task Exception_response_is_decoded_and_not_retried()
    {
        var stream = new ScriptedSerialStream(IllegalAddress);
        var e = await Assert.ThrowsAsync<ModbusExceptionResponseException>(() => Client(stream).ReadInputRegistersAsync(1, 0x9999, 2));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, e.Code);
        Assert.Equal(0x04, e.Function);
        Assert.Single(stream.Requests);
    }

    [Theory]
    [InlineData(new byte[] { 0x02, 0x04, 0x04, 0x43, 0x66, 0x33, 0x33, 0x5A, 0xFA })] // wrong address
    [InlineData(new byte[] { 0x01, 0x03, 0x04, 0x43, 0x66, 0x33, 0x33, 0x5A, 0xFA })] // wrong function
    [InlineData(new byte[] { 0x01, 0x04, 0xFF, 0x43 })] // absurd byte count: rejected before reading it
    [InlineData(new byte[] { 0x01, 0x84, 0x02, 0xC2, 0xC0 })] // exception response with bad CRC
    public async Task Malformed_responses_are_frame_errors(byte[] response)
    {
        var stream = new ScriptedSerialStream(response);
        var e = await Assert.ThrowsAsync<ModbusCommunicationException>(() => Client(stream, attempts: 1).ReadInputRegistersAsync(1, 0, 2));
        Assert.IsType<ModbusFrameException>(e.InnerException);
    }

    [Fact]
    public void Bad_requests_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRtuClient.BuildReadInputRegistersRequest(0, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRtuClient.BuildReadInputRegistersRequest(248, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRtuClient.BuildReadInputRegistersRequest(1, 0, 126));
        Assert.Throws<ArgumentException>(() => new ModbusRtuClient(new ScriptedSerialStream(), TimeProvider.System, new ModbusRtuOptions { Attempts = 0 }));
    }
}
