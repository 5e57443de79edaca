using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Emit;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;
using MatterGen.Generator.Tests.Emit;
using MatterGen.Tests;
using MatterGen.Tlv;
using Xunit;
using Xunit.Abstractions;

namespace MatterGen.Generator.Tests.Corpus;

/// <summary>
/// Every struct of every cluster of the reference SDK (and every shared struct), generated, compiled and
/// loaded: a sample value of each encodes and decodes back equal through its generated codec.
/// </summary>
public sealed class CorpusRoundTripTests(ITestOutputHelper output)
{
    private const string Namespace = "MatterGen.Clusters.";

    [SharedFact]
    public void A_sample_of_every_struct_round_trips_through_its_generated_codec()
    {
        var catalog = Emit.Corpus.Result;
        var sources = catalog.Clusters
            .Select(unit => Emit.GeneratedSource.Cluster(unit, GeneratorSettings.Default, CancellationToken.None))
            .Append(Emit.GeneratedSource.Globals(catalog.Globals, GeneratorSettings.Default, CancellationToken.None))
            .ToArray();
        var assembly = GeneratedAssembly.Load(sources);

        var structs = catalog.Clusters
            .SelectMany(unit =>
            {
                var names = ClusterNames.Assign(unit);
                return unit.LocalTypes
                    .Where(type => type.Kind == DataTypeKind.Struct)
                    .Select(type => Namespace + unit.TypeName + "+" + names.Types[type.Name]);
            })
            .Concat(catalog.Globals.Types
                .Where(type => type.Kind == DataTypeKind.Struct)
                .Select(type => Namespace + GlobalsEmitter.ClassName + "+" + MatterGen.Generator.Naming.GlobalNames.TypeName(type.Name)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var failures = new List<string>();
        foreach (var name in structs)
        {
            var type = assembly.GetType(name);
            if (type is null)
            {
                failures.Add(name + ": not generated");
                continue;
            }

            if (RoundTrip(type) is { } failure)
            {
                failures.Add(name + ": " + failure);
            }
        }

        output.WriteLine($"{structs.Count} structs, {failures.Count} failed to round-trip");
        Assert.True(structs.Count > 100, "only " + structs.Count + " structs");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    /// <summary>Encodes a sample (retrying with other field values while it breaks a constraint) and decodes it; null when equal.</summary>
    private static string? RoundTrip(Type type)
    {
        var samples = new SampleValues();
        while (true)
        {
            var value = samples.Build(type);
            byte[] bytes;
            try
            {
                bytes = CodecInvoker.EncodeRecordOf(type, value);
            }
            catch (Exception exception) when (CodecInvoker.Unwrap(exception) is TlvException { Error: TlvError.ConstraintViolation, FieldName: { } field })
            {
                // The exception names the field as the definition does; the sample is keyed by property name.
                var property = Identifier.FromName(field);
                if (!samples.Advance(property) || (property != field && !samples.Advance(field)))
                {
                    return "no sample value of " + field + " meets its constraints";
                }

                continue;
            }

            object decoded;
            try
            {
                decoded = CodecInvoker.DecodeRecordOf(type, bytes);
            }
            catch (Exception exception)
            {
                return "decoding " + Convert.ToHexString(bytes) + " failed: " + CodecInvoker.Unwrap(exception).Message;
            }

            return value.Equals(decoded) ? null : value + " came back as " + decoded + " from " + Convert.ToHexString(bytes);
        }
    }
}
