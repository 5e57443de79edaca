using System;

namespace MatterGen.Messaging;

/// <summary>
/// One application message on an exchange, as the protocol that owns it sees it: which protocol, which opcode,
/// and the payload bytes after the protocol header (already decrypted on a secure session). Message counters,
/// acknowledgements and exchange ids are the transport's business and do not appear here.
/// </summary>
/// <param name="Protocol">The protocol the opcode belongs to.</param>
/// <param name="Opcode">The protocol's message type.</param>
/// <param name="Payload">The application payload.</param>
public readonly record struct ProtocolMessage(ProtocolId Protocol, byte Opcode, ReadOnlyMemory<byte> Payload);
