using System;
using System.IO.Ports;
using MatterGen.Evse.Hardware.Metering;
using MatterGen.Evse.Hardware.Station;
using Xunit;

namespace MatterGen.Evse.Hardware.Tests.Metering;

/// <summary>The meter's serial options become a configured <see cref="SerialPort"/> (created, never opened: no device needed).</summary>
public class SerialPortFactoryTests
{
    [Fact]
    public void Defaults_are_the_SDM_factory_settings_9600_8N1()
    {
        var hw = new EvseHardwareOptions { MeterSerialPort = "/dev/ttyUSB0" };
        using var port = SerialPortFactory.Create(hw.MeterLine()!);
        Assert.Equal(("/dev/ttyUSB0", 9600, Parity.None, 8, StopBits.One, 500, 500), (port.PortName, port.BaudRate, port.Parity, port.DataBits, port.StopBits, port.ReadTimeout, port.WriteTimeout));
        Assert.Equal(Handshake.None, port.Handshake);
        Assert.False(port.IsOpen);
    }

    [Fact]
    public void Every_option_is_mapped()
    {
        var hw = new EvseHardwareOptions
        {
            MeterSerialPort = "COM7",
            MeterBaudRate = 4800,
            MeterParity = Parity.Even,
            MeterDataBits = 7,
            MeterStopBits = StopBits.Two,
            MeterReadTimeout = TimeSpan.FromMilliseconds(250.5),
        };
        using var port = SerialPortFactory.Create(hw.MeterLine()!);
        Assert.Equal(("COM7", 4800, Parity.Even, 7, StopBits.Two, 251), (port.PortName, port.BaudRate, port.Parity, port.DataBits, port.StopBits, port.ReadTimeout));
    }

    [Fact]
    public void No_port_means_no_line()
    {
        Assert.Null(new EvseHardwareOptions().MeterLine());
    }

    [Theory]
    [InlineData("", 9600, 8, StopBits.One, 500)]
    [InlineData("/dev/ttyS0", 0, 8, StopBits.One, 500)]
    [InlineData("/dev/ttyS0", 9600, 9, StopBits.One, 500)]
    [InlineData("/dev/ttyS0", 9600, 8, StopBits.None, 500)]
    [InlineData("/dev/ttyS0", 9600, 8, StopBits.One, 0)]
    public void Impossible_settings_are_a_clear_error(string name, int baud, int dataBits, StopBits stopBits, int timeoutMs)
    {
        var line = new SerialLineSettings(name, baud, Parity.None, dataBits, stopBits, TimeSpan.FromMilliseconds(timeoutMs));
        Assert.Throws<ArgumentException>(() => SerialPortFactory.Create(line));
        var options = new EvseStationOptions
        {
            Simulated = false,
            Hardware = { ContactorCoilPin = 17, MeterSerialPort = name, MeterBaudRate = baud, MeterDataBits = dataBits, MeterStopBits = stopBits, MeterReadTimeout = TimeSpan.FromMilliseconds(timeoutMs) },
        };
        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Fact]
    public void Opening_a_missing_device_fails_with_a_typed_error()
    {
        var missing = OperatingSystem.IsWindows() ? "COM250" : "/dev/mattergen-no-such-tty";
        var e = Record.Exception(() => SerialPortFactory.Open(new SerialLineSettings(missing)).Dispose());
        Assert.True(e is System.IO.IOException or UnauthorizedAccessException or ArgumentException, e?.GetType().FullName);
    }
}
