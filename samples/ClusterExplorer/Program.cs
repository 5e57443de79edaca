using System;
using System.Collections.Generic;
using System.Linq;
using ClusterExplorer;
using MatterGen.Clusters;
using MatterGen.DataModel;
using MatterGen.Tlv;

// Prints what the generator made of the Energy EVSE cluster for one feature set, then round-trips a
// SetTargets request through the generated TLV codec. Usage: ClusterExplorer [pref | home | all]
var choice = args.Length > 0 ? args[0].ToLowerInvariant() : "home";
var servers = new Dictionary<string, (string Name, uint FeatureMap, IReadOnlyList<uint> Attributes, IReadOnlyList<uint> Accepted, IReadOnlyList<uint> Generated, IReadOnlyList<uint> Events)>
{
    ["pref"] = (nameof(PrefOnlyCharger), PrefOnlyCharger.FeatureMap, PrefOnlyCharger.AttributeList, PrefOnlyCharger.AcceptedCommandList, PrefOnlyCharger.GeneratedCommandList, PrefOnlyCharger.EventList),
    ["home"] = (nameof(HomeCharger), HomeCharger.FeatureMap, HomeCharger.AttributeList, HomeCharger.AcceptedCommandList, HomeCharger.GeneratedCommandList, HomeCharger.EventList),
    ["all"] = (nameof(BidirectionalCharger), BidirectionalCharger.FeatureMap, BidirectionalCharger.AttributeList, BidirectionalCharger.AcceptedCommandList, BidirectionalCharger.GeneratedCommandList, BidirectionalCharger.EventList),
};
if (!servers.TryGetValue(choice, out var server))
{
    Console.Error.WriteLine($"Unknown feature set '{choice}'; choose one of: {string.Join(", ", servers.Keys)}.");
    return 2;
}

Console.WriteLine($"{EnergyEVSE.ClusterName} cluster 0x{EnergyEVSE.ClusterId:X4}, revision {EnergyEVSE.ClusterRevision}");
Console.WriteLine($"Server {server.Name}: FeatureMap 0x{server.FeatureMap:X2} = {(EnergyEVSE.Feature)server.FeatureMap}");
Console.WriteLine();
Console.WriteLine("Attributes (+ present in this server, - left out by its features):");
foreach (var attribute in EnergyEVSE.Attributes.All)
{
    var present = server.Attributes.Contains(attribute.Id) ? '+' : '-';
    var access = attribute.IsWritable ? $"read {attribute.ReadPrivilege}, write {attribute.WritePrivilege}" : $"read {attribute.ReadPrivilege}";
    Console.WriteLine($"  {present} 0x{attribute.Id:X4} {attribute.Name,-26} {attribute.TypeName + (attribute.IsNullable ? "?" : string.Empty),-22} {access,-28} conformance {attribute.Conformance}{Flags(attribute.Quality, attribute.IsProvisional)}");
}

Console.WriteLine("Commands:");
foreach (var command in EnergyEVSE.Commands.All)
{
    var list = command.Direction == CommandDirection.ClientToServer ? server.Accepted : server.Generated;
    var present = list.Contains(command.Id) ? '+' : '-';
    var timed = command.MustUseTimedInvoke ? ", timed" : string.Empty;
    Console.WriteLine($"  {present} 0x{command.Id:X2} {command.Name,-26} {command.Direction,-16} invoke {command.InvokePrivilege}{timed}, conformance {command.Conformance}");
}

Console.WriteLine("Events:");
foreach (var clusterEvent in EnergyEVSE.Events.All)
{
    var present = server.Events.Contains(clusterEvent.Id) ? '+' : '-';
    Console.WriteLine($"  {present} 0x{clusterEvent.Id:X2} {clusterEvent.Name,-26} {clusterEvent.Priority,-9} conformance {clusterEvent.Conformance}");
}

// A charging schedule: Monday and Tuesday, 80 % (and 25 kWh) by 08:00.
var request = new EnergyEVSE.SetTargetsRequest
{
    ChargingTargetSchedules =
    [
        new EnergyEVSE.ChargingTargetScheduleStruct
        {
            DayOfWeekForSequence = EnergyEVSE.TargetDayOfWeekBitmap.Monday | EnergyEVSE.TargetDayOfWeekBitmap.Tuesday,
            ChargingTargets = [new EnergyEVSE.ChargingTargetStruct { TargetTimeMinutesPastMidnight = 8 * 60, TargetSoC = 80, AddedEnergy = 25_000_000 }],
        },
    ],
};
Span<byte> buffer = stackalloc byte[64];
var writer = new TlvWriter(buffer);
request.Encode(ref writer, TlvTag.Anonymous);
var bytes = buffer[..writer.BytesWritten];
var reader = new TlvReader(bytes);
var decoded = EnergyEVSE.SetTargetsRequest.Decode(ref reader);
Console.WriteLine();
Console.WriteLine($"SetTargets request as TLV ({bytes.Length} bytes): {Convert.ToHexString(bytes)}");
Console.WriteLine($"Decoded back equal to the original: {decoded == request}");
return decoded == request ? 0 : 1;

static string Flags(AttributeQuality quality, bool provisional) =>
    (quality == AttributeQuality.None ? string.Empty : $", quality {quality}") + (provisional ? ", provisional" : string.Empty);
