using System;
using System.Collections.Generic;
using CsCheck;
using MatterGen.Tlv;

namespace MatterGen.Clusters.Tests;

/// <summary>One generated Energy EVSE type with its generator of valid values and its codec, untyped for theories.</summary>
internal abstract class EnergyEvseCodecCase
{
    /// <summary>Every struct, command payload and event payload of the generated cluster, by type name.</summary>
    public static readonly IReadOnlyDictionary<string, EnergyEvseCodecCase> All = Index(
        Of(EnergyEvseGenerators.ChargingTarget, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.ChargingTargetStruct.Decode, EnergyEVSE.ChargingTargetStruct.Decode),
        Of(EnergyEvseGenerators.Schedule, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.ChargingTargetScheduleStruct.Decode, EnergyEVSE.ChargingTargetScheduleStruct.Decode),
        Of(EnergyEvseGenerators.Disable, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.DisableRequest.Decode, EnergyEVSE.DisableRequest.Decode),
        Of(EnergyEvseGenerators.EnableCharging, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.EnableChargingRequest.Decode, EnergyEVSE.EnableChargingRequest.Decode),
        Of(EnergyEvseGenerators.EnableDischarging, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.EnableDischargingRequest.Decode, EnergyEVSE.EnableDischargingRequest.Decode),
        Of(EnergyEvseGenerators.StartDiagnostics, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.StartDiagnosticsRequest.Decode, EnergyEVSE.StartDiagnosticsRequest.Decode),
        Of(EnergyEvseGenerators.SetTargets, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.SetTargetsRequest.Decode, EnergyEVSE.SetTargetsRequest.Decode),
        Of(EnergyEvseGenerators.GetTargets, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.GetTargetsRequest.Decode, EnergyEVSE.GetTargetsRequest.Decode),
        Of(EnergyEvseGenerators.ClearTargets, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.ClearTargetsRequest.Decode, EnergyEVSE.ClearTargetsRequest.Decode),
        Of(EnergyEvseGenerators.GetTargetsResponse, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.GetTargetsResponse.Decode, EnergyEVSE.GetTargetsResponse.Decode),
        Of(EnergyEvseGenerators.EVConnected, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.EVConnectedEvent.Decode, EnergyEVSE.EVConnectedEvent.Decode),
        Of(EnergyEvseGenerators.EVNotDetected, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.EVNotDetectedEvent.Decode, EnergyEVSE.EVNotDetectedEvent.Decode),
        Of(EnergyEvseGenerators.EnergyTransferStarted, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.EnergyTransferStartedEvent.Decode, EnergyEVSE.EnergyTransferStartedEvent.Decode),
        Of(EnergyEvseGenerators.EnergyTransferStopped, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.EnergyTransferStoppedEvent.Decode, EnergyEVSE.EnergyTransferStoppedEvent.Decode),
        Of(EnergyEvseGenerators.Fault, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.FaultEvent.Decode, EnergyEVSE.FaultEvent.Decode),
        Of(EnergyEvseGenerators.Rfid, (v, ref w) => v.Encode(ref w, TlvTag.Anonymous), (v, d) => v.Encode(d), EnergyEVSE.RFIDEvent.Decode, EnergyEVSE.RFIDEvent.Decode));

    /// <summary>Writes a value with the generated encoder.</summary>
    public delegate void Encoder<T>(T value, ref TlvWriter writer);

    /// <summary>Writes a value as a whole message with the generated span encoder.</summary>
    public delegate int MessageEncoder<T>(T value, Span<byte> destination);

    /// <summary>Reads a value with the generated decoder.</summary>
    public delegate T Decoder<T>(ref TlvReader reader);

    /// <summary>Reads a whole message with the generated single-pass decoder.</summary>
    public delegate T MessageDecoder<T>(ReadOnlySpan<byte> message);

    /// <summary>The generated type's name.</summary>
    public abstract string Name { get; }

    /// <summary>Random valid values encode, decode and compare equal.</summary>
    public abstract void CheckRoundTrip(long iterations);

    /// <summary>
    /// Random mutations of valid encodings decode to a value or raise <see cref="TlvException"/>, nothing else,
    /// and the whole-message decoder gives exactly what the reader-based one gives.
    /// </summary>
    public abstract void CheckMutations(long iterations);

    private static EnergyEvseCodecCase Of<T>(Gen<T> gen, Encoder<T> encode, MessageEncoder<T> encodeMessage, Decoder<T> decode, MessageDecoder<T> decodeMessage)
        where T : class =>
        new Typed<T>(gen, encode, encodeMessage, decode, decodeMessage);

    private static Dictionary<string, EnergyEvseCodecCase> Index(params EnergyEvseCodecCase[] cases)
    {
        var byName = new Dictionary<string, EnergyEvseCodecCase>(StringComparer.Ordinal);
        foreach (var codecCase in cases)
        {
            byName.Add(codecCase.Name, codecCase);
        }

        return byName;
    }

    private sealed class Typed<T>(Gen<T> gen, Encoder<T> encode, MessageEncoder<T> encodeMessage, Decoder<T> decode, MessageDecoder<T> decodeMessage) : EnergyEvseCodecCase
        where T : class
    {
        public override string Name => typeof(T).Name;

        public override void CheckRoundTrip(long iterations) =>
            gen.Sample(value =>
            {
                var decoded = Decode(Encode(value));
                if (!value.Equals(decoded))
                {
                    throw new InvalidOperationException($"{value} decoded as {decoded}");
                }
            }, iter: iterations);

        public override void CheckMutations(long iterations)
        {
            var rejected = 0L;
            Gen.Select(gen, TlvMutation.Gen, (value, mutation) => mutation.Apply(Encode(value))).Sample(bytes =>
            {
                try
                {
                    Decode(bytes);
                }
                catch (TlvException)
                {
                    // The one exception bad input may raise.
                    System.Threading.Interlocked.Increment(ref rejected);
                }
            }, iter: iterations, print: bytes => Convert.ToHexString(bytes));

            // Damage is mostly detected (a cut always is); a run that rejects nothing never reached the decoders' checks.
            if (rejected == 0)
            {
                throw new InvalidOperationException("no damaged " + Name + " message was rejected");
            }
        }

        private byte[] Encode(T value)
        {
            var buffer = new byte[1024];
            var writer = new TlvWriter(buffer);
            encode(value, ref writer);
            var bytes = buffer.AsSpan(0, writer.BytesWritten).ToArray();
            var message = new byte[1024];
            var length = encodeMessage(value, message);
            if (!message.AsSpan(0, length).SequenceEqual(bytes))
            {
                throw new InvalidOperationException($"{value}: the whole-message encoder wrote {Convert.ToHexString(message, 0, length)}, the writer {Convert.ToHexString(bytes)}");
            }

            return bytes;
        }

        /// <summary>Decodes both ways; they must agree on the value or on the error and where it is.</summary>
        private T Decode(byte[] bytes)
        {
            var (value, error) = Outcome(() =>
            {
                var reader = new TlvReader(bytes);
                var decoded = decode(ref reader);
                reader.ExpectEnd();
                return decoded;
            });
            var (messageValue, messageError) = Outcome(() => decodeMessage(bytes));
            if (error?.Error != messageError?.Error || error?.Offset != messageError?.Offset || !Equals(value, messageValue))
            {
                throw new InvalidOperationException(
                    $"{Convert.ToHexString(bytes)}: the reader-based decoder gave {(object?)error ?? value}, the whole-message one {(object?)messageError ?? messageValue}");
            }

            return value ?? throw error!;
        }

        private static (T? Value, TlvException? Error) Outcome(Func<T> decode)
        {
            try
            {
                return (decode(), null);
            }
            catch (TlvException exception)
            {
                return (null, exception);
            }
        }
    }
}
