using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MatterGen.DataModel;
using MatterGen.Evse.Charger;
using MatterGen.Messaging;
using MatterGen.Node;
using MatterGen.Node.Information;
using Entry = MatterGen.Node.Clusters.AccessControl.AccessControlEntryStruct;
using Modes = MatterGen.Node.Clusters.AccessControl.AccessControlEntryAuthModeEnum;
using Privileges = MatterGen.Node.Clusters.AccessControl.AccessControlEntryPrivilegeEnum;
using Target = MatterGen.Node.Clusters.AccessControl.AccessControlTargetStruct;

namespace MatterGen.Benchmarks.Node;

/// <summary>
/// The access check every path of every interaction goes through, on the charger node with a full ACL: five
/// fabrics with four entries each (an administrator, then Operate entries of four subjects and three targets).
/// The requester matches only the last entry of the last fabric, through a device-type target, so the whole list
/// is scanned; the denied case scans it and finds nothing.
/// </summary>
[MemoryDiagnoser]
public class AccessCheckBenchmarks
{
    private const ushort EvseEndpoint = 1;
    private const uint EnergyEvse = 0x0099;

    private ChargerNode charger = null!;
    private SubjectDescriptor lastSubject;
    private SubjectDescriptor stranger;

    [GlobalSetup]
    public void Setup()
    {
        charger = ChargerNode.Create(new MatterNodeOptions
        {
            Information = new BasicInformationOptions
            {
                VendorName = "MatterGen", VendorId = 0xFFF1, ProductName = "Bench", ProductId = 1, UniqueId = "bench",
            },
        });
        for (byte fabric = 1; fabric <= 5; fabric++)
        {
            var entries = new[] { Entry(Privileges.Administer, 0x100UL * fabric, null) }
                .Concat(Enumerable.Range(1, 3).Select(n => Entry(
                    Privileges.Operate,
                    (0x1000UL * fabric) + (ulong)(n * 4),
                    [new Target { Cluster = 0x0006, Endpoint = null, DeviceType = null }, new Target { Cluster = null, Endpoint = 7, DeviceType = null }, new Target { Cluster = null, Endpoint = null, DeviceType = 0x050C }])))
                .ToArray();
            if (charger.Node.AccessControlServer.ReplaceEntries(fabric, entries) != Interaction.MatterStatus.Success)
            {
                throw new InvalidOperationException("The benchmark's ACL was refused.");
            }
        }

        lastSubject = new SubjectDescriptor(SessionAuthMode.Case, 0x5000 + 12 + 3, 5);
        stranger = new SubjectDescriptor(SessionAuthMode.Case, 0xDEAD, 5);
        if (!IsGranted() || IsDenied() || GrantedPrivilege() != Privilege.Operate)
        {
            throw new InvalidOperationException("The benchmark's requester is not granted what the benchmark assumes.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => charger.Dispose();

    [Benchmark(Baseline = true)]
    public bool IsGranted() => charger.Node.AccessControl.IsGranted(lastSubject, EvseEndpoint, EnergyEvse, Privilege.Operate);

    [Benchmark]
    public bool IsDenied() => charger.Node.AccessControl.IsGranted(stranger, EvseEndpoint, EnergyEvse, Privilege.View);

    [Benchmark]
    public Privilege? GrantedPrivilege() => charger.Node.AccessChecker.GrantedPrivilege(lastSubject, EvseEndpoint, EnergyEvse);

    private static Entry Entry(Privileges privilege, ulong firstSubject, Target[]? targets) => new()
    {
        Privilege = privilege,
        AuthMode = Modes.CASE,
        Subjects = [firstSubject, firstSubject + 1, firstSubject + 2, firstSubject + 3],
        Targets = targets,
    };
}
