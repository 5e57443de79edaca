using System;
using System.Buffers;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using MatterGen.Tlv;

namespace MatterGen.Interaction;

/// <content>Commands: invoking one from TLV as a transaction, and the request and response codecs generated dispatch uses.</content>
public abstract partial class ClusterServer
{
    /// <summary>Invokes one command from TLV: checks, decodes, calls the driver, encodes its response.</summary>
    public async ValueTask<InvokeResult> InvokeAsync(uint commandId, ReadOnlyMemory<byte> fields, RequestContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var metadata = Description.FindAcceptedCommand(commandId);
        if (metadata is null)
        {
            return InvokeResult.FromStatus(MatterStatus.UnsupportedCommand);
        }

        if (context.Privilege < metadata.InvokePrivilege)
        {
            return InvokeResult.FromStatus(MatterStatus.UnsupportedAccess);
        }

        if (metadata.MustUseTimedInvoke && !context.IsTimed)
        {
            return InvokeResult.FromStatus(MatterStatus.NeedsTimedInteraction);
        }

        var pending = InvokeAtomically(commandId, fields, context, cancellationToken, out var result);
        if (pending is not { } running)
        {
            return result;
        }

        // The driver went asynchronous: what it did before its first await is committed, the rest follows as it comes.
        try
        {
            return await running.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Failed(commandId, exception);
        }
    }

    /// <summary>
    /// Dispatches a command as one transaction under the lock. A driver that completes synchronously (as a
    /// device's command handlers do) is all-or-nothing: any failure, thrown or answered, puts everything back.
    /// Returns the still-running dispatch of a driver that went asynchronous, after committing its first part.
    /// </summary>
    private ValueTask<InvokeResult>? InvokeAtomically(uint commandId, ReadOnlyMemory<byte> fields, RequestContext context, CancellationToken cancellationToken, out InvokeResult result)
    {
        lock (gate)
        {
            // Invoked from inside a transaction of this server (a driver calling its own server): join it.
            var open = transaction is null ? Begin() : null;
            ValueTask<InvokeResult> pending;
            try
            {
                pending = DispatchAsync(commandId, fields, context, cancellationToken);
                if (pending.IsCompleted)
                {
                    result = pending.GetAwaiter().GetResult();
                }
                else
                {
                    result = default;
                    if (open is not null)
                    {
                        Commit(open);
                    }

                    return pending;
                }
            }
            catch (OperationCanceledException)
            {
                RollbackIfOwned(open);
                throw;
            }
            catch (Exception exception)
            {
                RollbackIfOwned(open);
                result = Failed(commandId, exception);
                return null;
            }

            if (result.Status != MatterStatus.Success)
            {
                RollbackIfOwned(open);
                return null;
            }

            try
            {
                if (open is not null)
                {
                    Commit(open);
                }
            }
            catch (Exception exception)
            {
                result = Failed(commandId, exception);
            }

            return null;
        }
    }

    private void RollbackIfOwned(Transaction? open)
    {
        if (open is not null)
        {
            Rollback(open);
        }
    }

    private InvokeResult Failed(uint commandId, Exception exception)
    {
        if (exception is MatterStatusException status)
        {
            return InvokeResult.FromStatus(status.Status, status.ClusterStatus);
        }

        // A driver bug or a failing store must still get the requester an answer; the device hears about it.
        DriverFailed?.Invoke(commandId, exception);
        return InvokeResult.FromStatus(MatterStatus.Failure);
    }

    /// <summary>
    /// Raised when a driver (or device logic reacting to a write, or the store at commit) throws something other
    /// than <see cref="MatterStatusException"/>; the requester got FAILURE and nothing changed. The id is the
    /// command's, or the attribute's for a write.
    /// </summary>
    public event Action<uint, Exception>? DriverFailed;

    /// <summary>Decodes a request's fields, mapping a codec error to the status the Interaction Model gives it.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static MatterStatus TryDecodeRequest<T>(ReadOnlyMemory<byte> fields, TlvMessageDecoder<T> decode, out T? request)
    {
        ArgumentNullException.ThrowIfNull(decode);
        request = default;
        if (!TlvValue.StartsAnonymous(fields.Span))
        {
            return MatterStatus.InvalidCommand; // The fields are an anonymous structure, never a tagged element.
        }

        try
        {
            request = decode(fields.Span);
            return MatterStatus.Success;
        }
        catch (TlvException exception)
        {
            return StatusOf(exception, fields.Span, MatterStatus.InvalidCommand);
        }
    }

    /// <summary>Encodes a response's fields as an anonymous structure.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static InvokeResult Respond<T>(uint responseCommandId, T response, TlvEncoder<T> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        if (response is null)
        {
            return InvokeResult.FromStatus(MatterStatus.Failure); // A driver that answered nothing.
        }

        var output = new ArrayBufferWriter<byte>(64);
        var writer = new TlvWriter(output);
        encode(ref writer, TlvTag.Anonymous, response);
        writer.Flush();
        return new InvokeResult(MatterStatus.Success, responseCommandId, output.WrittenMemory);
    }

    /// <summary>Encodes an event payload.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static byte[] EncodePayload<T>(T payload, TlvEncoder<T> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        var output = new ArrayBufferWriter<byte>(32);
        var writer = new TlvWriter(output);
        encode(ref writer, TlvTag.Anonymous, payload);
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }
}
