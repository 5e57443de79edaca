namespace MatterGen.Evse.Hardware.Metering;

/// <summary>Modbus exception codes a server returns in an exception response (function code | 0x80).</summary>
public enum ModbusExceptionCode : byte
{
    /// <summary>The function code is not supported.</summary>
    IllegalFunction = 0x01,

    /// <summary>The register address is not valid on this device.</summary>
    IllegalDataAddress = 0x02,

    /// <summary>A value in the request is not allowed (e.g. register count).</summary>
    IllegalDataValue = 0x03,

    /// <summary>The device failed while performing the request.</summary>
    ServerDeviceFailure = 0x04,

    /// <summary>The request was accepted and takes long to process.</summary>
    Acknowledge = 0x05,

    /// <summary>The device is busy; retry later.</summary>
    ServerDeviceBusy = 0x06,

    /// <summary>The device found a parity error in its memory.</summary>
    MemoryParityError = 0x08,

    /// <summary>A gateway could not allocate a path.</summary>
    GatewayPathUnavailable = 0x0A,

    /// <summary>A gateway got no answer from the target device.</summary>
    GatewayTargetDeviceFailedToRespond = 0x0B,
}
