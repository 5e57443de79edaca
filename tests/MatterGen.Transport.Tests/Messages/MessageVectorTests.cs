using System;
using MatterGen.Messaging;
using MatterGen.Tests;
using MatterGen.Transport.Messages;
using MatterGen.Transport.Tests.Support;
using Xunit;

namespace MatterGen.Transport.Tests.Messages;

/// <summary>matter.js's encoded messages decode to its field values and encode back byte for byte.</summary>
public class MessageVectorTests
{
    public static TheoryIndexes Messages => ChannelVectors.Indexes("messages");

    [SharedTheory]
    [MemberData(nameof(Messages))]
    public void Message_headers_decode_and_encode_byte_equal(int index)
    {
        var vector = ChannelVectors.Section("messages")[index];
        var packet = vector.GetProperty("packetHeader");
        var payloadHeader = vector.GetProperty("payloadHeader");
        var whole = vector.Hex("hex");

        var header = MessageHeader.Decode(whole, out var headerLength);
        Assert.Equal(vector.Hex("packetHeaderHex").Length, headerLength);
        Assert.Equal(packet.GetProperty("sessionId").GetUInt16(), header.SessionId);
        Assert.Equal(packet.GetProperty("sessionType").GetByte(), (byte)header.SessionType);
        Assert.Equal(packet.GetProperty("messageId").GetUInt32(), header.MessageCounter);
        Assert.Equal(packet.GetProperty("securityFlags").GetByte(), header.SecurityFlags);
        Assert.Equal(packet.Has("sourceNodeId") ? packet.UInt64("sourceNodeId") : null, header.SourceNodeId);
        Assert.Equal(packet.Has("destNodeId") ? packet.UInt64("destNodeId") : null, header.DestinationNodeId);
        Assert.Equal(packet.Has("destGroupId") ? (ushort?)packet.GetProperty("destGroupId").GetUInt16() : null, header.DestinationGroupId);

        var protocol = ProtocolHeader.Decode(whole.AsSpan(headerLength), out var protocolLength);
        Assert.Equal(vector.Hex("payloadHeaderHex").Length, protocolLength);
        var protocolId = payloadHeader.GetProperty("protocolId").GetUInt32();
        Assert.Equal(new ProtocolId((ushort)(protocolId >> 16), (ushort)protocolId), protocol.Protocol);
        Assert.Equal(payloadHeader.GetProperty("exchangeId").GetUInt16(), protocol.ExchangeId);
        Assert.Equal(payloadHeader.GetProperty("messageType").GetByte(), protocol.Opcode);
        Assert.Equal(payloadHeader.GetProperty("isInitiatorMessage").GetBoolean(), protocol.IsInitiator);
        Assert.Equal(payloadHeader.GetProperty("requiresAck").GetBoolean(), protocol.NeedsAcknowledgement);
        Assert.Equal(payloadHeader.Has("ackedMessageId") ? payloadHeader.GetProperty("ackedMessageId").GetUInt32() : null, protocol.AcknowledgedCounter);
        Assert.Equal(vector.Hex("payload"), whole.AsSpan(headerLength + protocolLength).ToArray());

        var encoded = new byte[whole.Length];
        var at = header.Encode(encoded);
        at += protocol.Encode(encoded.AsSpan(at));
        vector.Hex("payload").CopyTo(encoded.AsSpan(at));
        Assert.Equal(Convert.ToHexString(whole), Convert.ToHexString(encoded));
    }

    [SharedTheory]
    [MemberData(nameof(StatusReports))]
    public void Status_reports_decode_and_encode_byte_equal(int index)
    {
        var vector = ChannelVectors.Section("statusReports")[index];
        var report = MatterGen.Transport.SecureChannel.StatusReport.Decode(vector.Hex("hex"));
        Assert.Equal(vector.GetProperty("generalStatus").GetUInt16(), (ushort)report.GeneralCode);
        Assert.Equal(vector.GetProperty("protocolId").GetUInt32(), report.ProtocolId);
        Assert.Equal(vector.GetProperty("protocolStatus").GetUInt16(), report.ProtocolCode);
        Assert.Equal(vector.Has("protocolData") ? vector.Hex("protocolData") : [], report.ProtocolData);
        Assert.Equal(vector.Hex("hex"), report.Encode());
    }

    public static TheoryIndexes StatusReports => ChannelVectors.Indexes("statusReports");
}
