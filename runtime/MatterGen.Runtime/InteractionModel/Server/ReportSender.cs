using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Interaction;
using MatterGen.InteractionModel.Messages;
using MatterGen.Messaging;

namespace MatterGen.InteractionModel.Server;

/// <summary>Sends report chunks on an exchange, each but a suppressed last one after the peer's StatusResponse to the previous.</summary>
internal static class ReportSender
{
    /// <summary>Sends every chunk; false when the peer answered a chunk with anything but SUCCESS.</summary>
    public static async ValueTask<bool> SendAsync(IMessageExchange exchange, IReadOnlyList<ReportData> chunks, TimeSpan? responseTimeout, CancellationToken cancellationToken)
    {
        foreach (var chunk in chunks)
        {
            var awaitStatus = chunk.SuppressResponse != true;
            await exchange.SendAsync(InteractionMessageWriter.ToProtocolMessage(chunk), awaitStatus, cancellationToken).ConfigureAwait(false);
            if (awaitStatus && !await ExpectSuccessAsync(exchange, responseTimeout, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Waits for a StatusResponse; true when it says SUCCESS.</summary>
    public static async ValueTask<bool> ExpectSuccessAsync(IMessageExchange exchange, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var reply = await exchange.ReceiveAsync(timeout, cancellationToken).ConfigureAwait(false);
        try
        {
            return reply.Protocol == ProtocolId.InteractionModel
                && InteractionMessageReader.Decode(reply) is StatusResponse { Status: MatterStatus.Success };
        }
        catch (InvalidInteractionMessageException)
        {
            return false;
        }
    }
}
