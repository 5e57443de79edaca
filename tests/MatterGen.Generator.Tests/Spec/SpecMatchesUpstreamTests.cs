using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using MatterGen.Tests;
using Xunit;

namespace MatterGen.Generator.Tests.Spec;

/// <summary>
/// Our own definitions in spec/ state the same facts as the reference SDK's ZAP files, element by element,
/// except for the deliberate differences listed in <see cref="Deliberate"/>. A difference that is not listed
/// fails, and so does a listed one that no longer differs.
/// </summary>
public sealed class SpecMatchesUpstreamTests
{
    private const string Persisted = "the specification marks it N (non-volatile); upstream's ZAP file has no quality element";
    private const string Quieter = "the specification marks it Q (quieter reporting, since cluster revision 3); upstream's ZAP file has no quality element";
    private const string DiagnosticsPersisted = "the specification marks it N (non-volatile): it counts across restarts; upstream's ZAP file has no quality element";
    private const string DiagnosticsOmitted = "the specification marks it C (changes omitted): it changes continuously and is read, not reported; upstream's ZAP file has no quality element";
    private const string ConformanceElement = "spec/ files state every conformance with an element (here mandatory); upstream's ZAP file leaves it to the absent legacy optional flag, which means the same";
    private const string PersistedByTheNode = "the node keeps its access control across restarts (a node that forgets its ACL locks its administrators out); the specification does not tag the attribute and upstream's ZAP file has no quality element";
    private const string EventFabricIndex = "the specification gives this fabric-sensitive event the FabricIndex field (0xFE), which a reader filters on; upstream's ZAP file leaves it implicit";
    private const string EnergyManagementQuieter = "the specification marks it X Q: reportable at most once every 10 s on changes, at once to and from null and on commands; upstream's ZAP file has no quality element";
    private const string MeasurementQuieter = "a meter reading changes with every sample; MatterGen marks it Q (quieter reporting) so a subscription gets it at most once per interval instead of being flooded; upstream's ZAP file has no quality element";
    private const string EnergyPersisted = "the cumulative counters and their reset time must survive a restart (the cluster requires them to keep counting); upstream's ZAP file has no quality element";
    private const string Matter15Circuit = "the ElectricalCircuit feature, its attribute and struct arrive after Matter 1.4 (provisional upstream); spec/ follows the 1.4 cluster the charger is built to";
    private const string PakeParameters = "the cluster answers a verifier, iteration count or salt out of range with its own PAKE_PARAMETER_ERROR status (Core Specification 11.19.8.1), which a generic constraint check on the field would turn into CONSTRAINT_ERROR; the server checks these bounds itself";
    private const string NonceMalformed = "AttestationRequest and CSRRequest answer a nonce that is not 32 bytes with INVALID_COMMAND (Core Specification 1.1 11.17.6.1 and 11.17.6.5: a malformed nonce), which a generic length check on the field would turn into CONSTRAINT_ERROR; the server checks the length itself";
    private const string GroupListsPersisted = "a node that forgot its group key map or group table after a restart would stop decrypting its groups' messages; the specification does not tag the attributes and upstream's ZAP file has no quality element";
    private const string InterfaceEnabledPersisted = "the specification marks InterfaceEnabled N (non-volatile): an administrator's choice outlives a restart; upstream's ZAP file has no quality element";
    private const string VidVerificationLater = "the vendor id verification commands are provisional upstream (mandatory only in the Matter revision after the one the node is built to); spec/ makes them provisional so the node's server need not have them yet";
    private const string NocFabricSensitive = "the specification marks the NOC and ICAC fields of NOCStruct fabric-sensitive (F): a reader of another fabric sees the entry's FabricIndex only; upstream's ZAP file does not say so";
    private const string BoundToEnergyModes = "spec/ defines two Mode Base derived clusters, Energy EVSE Mode and Device Energy Management Mode, so the shared type is bound to 0x009D and 0x009F only and spec/ builds on its own; upstream binds it to all ten derived clusters";

    /// <summary>The deliberate differences: file, element path, property, and why.</summary>
    private static readonly (string File, string Path, string Property, string Why)[] Deliberate =
    [
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0003", "quality.persistence", Persisted),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0004", "quality.persistence", Persisted),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0005", "quality.persistence", Persisted),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0006", "quality.persistence", Persisted),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0007", "quality.persistence", Persisted),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0008", "quality.persistence", Persisted),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0009", "quality.persistence", Persisted),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x000A", "quality.persistence", Persisted),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0027", "quality.persistence", Persisted),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0040", "quality.persistence", Persisted),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0041", "quality.persistence", Persisted),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0042", "quality.persistence", Persisted),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0043", "quality.persistence", Persisted),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0041", "quality.quieterReporting", Quieter),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0042", "quality.quieterReporting", Quieter),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x0043", "quality.quieterReporting", Quieter),
        ("energy-evse-cluster.xml", "cluster 0x0099/attribute 0x000A", "max",
            "the specification bounds RandomizationDelayWindow to 86400 s (one day) and the reference server rejects larger writes with CONSTRAINT_ERROR; upstream's ZAP file omits the bound"),
        ("general-diagnostics-cluster.xml", "cluster 0x0033/attribute 0x0001", "quality.persistence", DiagnosticsPersisted),
        ("general-diagnostics-cluster.xml", "cluster 0x0033/attribute 0x0002", "quality.changeOmitted", DiagnosticsOmitted),
        ("general-diagnostics-cluster.xml", "cluster 0x0033/attribute 0x0003", "quality.persistence", DiagnosticsPersisted),
        ("general-diagnostics-cluster.xml", "cluster 0x0033/attribute 0x0003", "quality.changeOmitted", DiagnosticsOmitted),
        .. Mandatory("descriptor-cluster.xml", "cluster 0x001D", "attribute 0x0000", "attribute 0x0001", "attribute 0x0002", "attribute 0x0003"),
        ("descriptor-cluster.xml", "struct SemanticTagStruct", FactComparison.Presence,
            "the data model's global semantic tag structure, which upstream keeps in global-structs.xml; spec/ defines it beside its one user, the Descriptor's TagList"),
        .. Mandatory("basic-information-cluster.xml", "cluster 0x0028",
            "attribute 0x0000", "attribute 0x0001", "attribute 0x0002", "attribute 0x0003", "attribute 0x0004", "attribute 0x0005", "attribute 0x0006",
            "attribute 0x0007", "attribute 0x0008", "attribute 0x0009", "attribute 0x000A", "attribute 0x0012", "attribute 0x0013", "attribute 0x0015",
            "attribute 0x0016", "event 0x0000"),
        ("basic-information-cluster.xml", "cluster 0x0028/attribute 0x0005", "quality.persistence", Persisted),
        ("basic-information-cluster.xml", "cluster 0x0028/attribute 0x0006", "quality.persistence", Persisted),
        ("basic-information-cluster.xml", "cluster 0x0028/attribute 0x0010", "quality.persistence", Persisted),
        .. Mandatory("access-control-cluster.xml", "cluster 0x001F", "attribute 0x0000", "attribute 0x0002", "attribute 0x0003", "attribute 0x0004", "event 0x0000"),
        ("access-control-cluster.xml", "cluster 0x001F/attribute 0x0000", "quality.persistence", PersistedByTheNode),
        ("access-control-cluster.xml", "cluster 0x001F/attribute 0x0001", "quality.persistence", PersistedByTheNode),
        ("access-control-cluster.xml", "cluster 0x001F/event 0x0000/field 254", FactComparison.Presence, EventFabricIndex),
        ("access-control-cluster.xml", "cluster 0x001F/event 0x0001/field 254", FactComparison.Presence, EventFabricIndex),
        .. Mandatory("administrator-commissioning-cluster.xml", "cluster 0x003C", "attribute 0x0000", "attribute 0x0001", "attribute 0x0002", "command client 0x0000", "command client 0x0002"),
        ("administrator-commissioning-cluster.xml", "cluster 0x003C/command client 0x0000/arg 1", "length", PakeParameters),
        ("administrator-commissioning-cluster.xml", "cluster 0x003C/command client 0x0000/arg 1", "minLength", PakeParameters),
        ("administrator-commissioning-cluster.xml", "cluster 0x003C/command client 0x0000/arg 3", "min", PakeParameters),
        ("administrator-commissioning-cluster.xml", "cluster 0x003C/command client 0x0000/arg 3", "max", PakeParameters),
        ("administrator-commissioning-cluster.xml", "cluster 0x003C/command client 0x0000/arg 4", "length", PakeParameters),
        ("administrator-commissioning-cluster.xml", "cluster 0x003C/command client 0x0000/arg 4", "minLength", PakeParameters),
        ("network-commissioning-cluster.xml", "cluster 0x0031/attribute 0x0004", "quality.persistence", InterfaceEnabledPersisted),
        ("group-key-mgmt-cluster.xml", "cluster 0x003F/attribute 0x0000", "quality.persistence", GroupListsPersisted),
        ("group-key-mgmt-cluster.xml", "cluster 0x003F/attribute 0x0001", "quality.persistence", GroupListsPersisted),
        ("device-energy-management-cluster.xml", "cluster 0x0098/attribute 0x0005", "quality.quieterReporting", EnergyManagementQuieter),
        ("device-energy-management-cluster.xml", "cluster 0x0098/attribute 0x0006", "quality.quieterReporting", EnergyManagementQuieter),
        .. Mandatory("electrical-power-measurement-cluster.xml", "cluster 0x0090", "attribute 0x0000", "attribute 0x0001", "attribute 0x0002", "attribute 0x0008"),
        ("electrical-power-measurement-cluster.xml", "cluster 0x0090/attribute 0x0004", "quality.quieterReporting", MeasurementQuieter),
        ("electrical-power-measurement-cluster.xml", "cluster 0x0090/attribute 0x0005", "quality.quieterReporting", MeasurementQuieter),
        ("electrical-power-measurement-cluster.xml", "cluster 0x0090/attribute 0x0008", "quality.quieterReporting", MeasurementQuieter),
        .. Mandatory("electrical-energy-measurement-cluster.xml", "cluster 0x0091", "attribute 0x0000"),
        ("electrical-energy-measurement-cluster.xml", "cluster 0x0091/attribute 0x0001", "quality.persistence", EnergyPersisted),
        ("electrical-energy-measurement-cluster.xml", "cluster 0x0091/attribute 0x0002", "quality.persistence", EnergyPersisted),
        ("electrical-energy-measurement-cluster.xml", "cluster 0x0091/attribute 0x0005", "quality.persistence", EnergyPersisted),
        ("electrical-energy-measurement-cluster.xml", "cluster 0x0091/attribute 0x0001", "quality.quieterReporting", MeasurementQuieter),
        ("electrical-energy-measurement-cluster.xml", "cluster 0x0091/attribute 0x0002", "quality.quieterReporting", MeasurementQuieter),
        ("electrical-energy-measurement-cluster.xml", "cluster 0x0091/attribute 0x0003", "quality.quieterReporting", MeasurementQuieter),
        ("electrical-energy-measurement-cluster.xml", "cluster 0x0091/attribute 0x0004", "quality.quieterReporting", MeasurementQuieter),
        ("measurement-and-sensing.xml", "enum MeasurementTypeEnum", "clusters",
            "spec/ defines the two electrical measuring clusters only, so the type is bound to 0x0090 and 0x0091; upstream also binds it to Soil Measurement (0x0B07)"),
        ("power-topology-cluster.xml", "cluster 0x009C/feature 4", FactComparison.Presence, Matter15Circuit),
        ("power-topology-cluster.xml", "cluster 0x009C/attribute 0x0002", FactComparison.Presence, Matter15Circuit),
        ("power-topology-cluster.xml", "struct CircuitNodeStruct", FactComparison.Presence, Matter15Circuit),
        .. Mandatory("general-commissioning-cluster.xml", "cluster 0x0030",
            "attribute 0x0000", "attribute 0x0001", "attribute 0x0002", "attribute 0x0003", "attribute 0x0004",
            "command client 0x0000", "command client 0x0002", "command client 0x0004", "command server 0x0001", "command server 0x0003", "command server 0x0005"),
        .. Mandatory("operational-credentials-cluster.xml", "cluster 0x003E", "attribute 0x0001", "attribute 0x0002", "attribute 0x0003", "attribute 0x0004", "attribute 0x0005"),
        ("operational-credentials-cluster.xml", "cluster 0x003E/command client 0x000C", DefinitionFacts.Conformance, VidVerificationLater),
        ("operational-credentials-cluster.xml", "cluster 0x003E/command client 0x000D", DefinitionFacts.Conformance, VidVerificationLater),
        ("operational-credentials-cluster.xml", "cluster 0x003E/command server 0x000E", DefinitionFacts.Conformance, VidVerificationLater),
        ("operational-credentials-cluster.xml", "cluster 0x003E/command client 0x0000/arg 0", "length", NonceMalformed),
        ("operational-credentials-cluster.xml", "cluster 0x003E/command client 0x0000/arg 0", "minLength", NonceMalformed),
        ("operational-credentials-cluster.xml", "cluster 0x003E/command client 0x0004/arg 0", "length", NonceMalformed),
        ("operational-credentials-cluster.xml", "cluster 0x003E/command client 0x0004/arg 0", "minLength", NonceMalformed),
        ("operational-credentials-cluster.xml", "struct NOCStruct/field 1", "isFabricSensitive", NocFabricSensitive),
        ("operational-credentials-cluster.xml", "struct NOCStruct/field 2", "isFabricSensitive", NocFabricSensitive),
        ("mode-base-cluster.xml", "struct ModeTagStruct", "clusters", BoundToEnergyModes),
        ("mode-base-cluster.xml", "struct ModeOptionStruct", "clusters", BoundToEnergyModes),
        ("mode-base-cluster.xml", "enum StatusCode", FactComparison.Presence,
            "the Mode Base status values common to all derived clusters (Success, UnsupportedMode, GenericFailure, InvalidInMode), which upstream keeps only in its C++ sources (mode-base-cluster-objects.h)"),
    ];

    /// <summary>Each spec/ definition file, by name; upstream's file has the same name.</summary>
    /// <remarks>The root-node files (Descriptor, Basic Information, Access Control) are compared like the EVSE ones.</remarks>
    public static TheoryData<string> SpecFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in SpecDirectory.Files())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [SharedTheory]
    [MemberData(nameof(SpecFiles))]
    public void Spec_file_states_the_same_facts_as_upstream_apart_from_the_listed_differences(string fileName)
    {
        var upstreamPath = Path.Combine(SharedMaterial.ChipClusterDirectory, fileName);
        Assert.True(File.Exists(upstreamPath), $"spec/{fileName} has no upstream counterpart at {upstreamPath}");

        var differences = FactComparison.Compare(
            DefinitionFacts.From(XDocument.Load(SpecDirectory.PathOf(fileName))),
            DefinitionFacts.From(XDocument.Load(upstreamPath)));

        var listed = Deliberate.Where(d => d.File == fileName).ToList();
        var unexpected = differences.Where(d => !listed.Any(l => l.Path == d.Path && l.Property == d.Property)).ToList();
        var stale = listed.Where(l => !differences.Any(d => d.Path == l.Path && d.Property == l.Property)).ToList();

        Assert.True(
            unexpected.Count == 0 && stale.Count == 0,
            $"spec/{fileName} differs from upstream where no deliberate difference is listed:\n{string.Join("\n", unexpected)}\n"
            + $"listed deliberate differences that no longer differ:\n{string.Join("\n", stale.Select(s => $"{s.Path} | {s.Property}"))}");
    }

    [Fact]
    public void Every_spec_file_is_compared_and_the_EVSE_set_is_complete()
    {
        var names = SpecDirectory.Files().Select(Path.GetFileName).ToList();
        Assert.Contains("energy-evse-cluster.xml", names);
        Assert.Contains("energy-evse-mode-cluster.xml", names);
        Assert.Contains("mode-base-cluster.xml", names);
        Assert.Contains("general-diagnostics-cluster.xml", names);
        Assert.Contains("descriptor-cluster.xml", names);
        Assert.Contains("basic-information-cluster.xml", names);
        Assert.Contains("access-control-cluster.xml", names);
        Assert.Contains("electrical-power-measurement-cluster.xml", names);
        Assert.Contains("electrical-energy-measurement-cluster.xml", names);
        Assert.Contains("power-topology-cluster.xml", names);
        Assert.Contains("administrator-commissioning-cluster.xml", names);
        Assert.Contains("network-commissioning-cluster.xml", names);
        Assert.Contains("group-key-mgmt-cluster.xml", names);
        Assert.Contains("general-commissioning-cluster.xml", names);
        Assert.Contains("operational-credentials-cluster.xml", names);
        Assert.All(Deliberate, d => Assert.Contains(d.File, names));
    }

    [Fact]
    public void Every_deliberate_difference_is_listed_once_with_a_reason()
    {
        Assert.All(Deliberate, d => Assert.False(string.IsNullOrWhiteSpace(d.Why), $"{d.Path} | {d.Property} has no reason"));
        var duplicates = Deliberate.GroupBy(d => (d.File, d.Path, d.Property)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Comparison_ignores_number_spelling_and_finds_changed_facts()
    {
        var upstream = Cluster("""<attribute code="0x000A" side="server" name="Window" type="elapsed_s" default="600" max="0x15180"><mandatoryConform/></attribute>""");
        var sameFacts = Cluster("""<attribute code="10" side="server" name="Window" type="ELAPSED_S" default="0x258" max="86400"><mandatoryConform/></attribute>""");
        var otherMax = Cluster("""<attribute code="10" side="server" name="Window" type="elapsed_s" default="600" max="86401"><mandatoryConform/></attribute>""");

        Assert.Empty(FactComparison.Compare(sameFacts, upstream));
        var difference = Assert.Single(FactComparison.Compare(otherMax, upstream));
        Assert.Equal(new FactDifference("cluster 0x0099/attribute 0x000A", "max", "86401", "86400"), difference);
    }

    [Fact]
    public void Comparison_takes_a_legacy_name_from_the_description_and_applies_Matter_default_access()
    {
        var upstream = Cluster("""<attribute code="9" side="server" type="int8u" writable="true"><description>Limit</description><optionalConform/></attribute>""");
        var ours = Cluster("""<attribute code="9" side="server" name="Limit" type="int8u" writable="true"><access op="write" privilege="operate"/><access op="read" role="view"/><optionalConform/></attribute>""");
        var managed = Cluster("""<attribute code="9" side="server" name="Limit" type="int8u" writable="true"><access op="write" privilege="manage"/><optionalConform/></attribute>""");

        Assert.Empty(FactComparison.Compare(ours, upstream));
        var difference = Assert.Single(FactComparison.Compare(managed, upstream));
        Assert.Equal(("access.write", "manage", "operate"), (difference.Property, difference.Ours, difference.Upstream));
    }

    [Fact]
    public void Comparison_uses_the_legacy_optional_flag_only_where_upstream_has_no_conformance_element()
    {
        var withConformance = Cluster("""<command source="client" code="4" name="Go" optional="true"><optionalConform/></command>""");
        var modern = Cluster("""<command source="client" code="4" name="Go"><optionalConform/></command>""");
        var legacyOnly = Cluster("""<command source="client" code="4" name="Go" optional="true"/>""");
        var legacyOnlyMandatory = Cluster("""<command source="client" code="4" name="Go"/>""");

        Assert.Empty(FactComparison.Compare(modern, withConformance));
        Assert.Contains(FactComparison.Compare(legacyOnlyMandatory, legacyOnly), d => d.Property == DefinitionFacts.LegacyOptional);
    }

    [Fact]
    public void Comparison_reports_a_missing_element_once_and_compares_conformance_shape()
    {
        var upstream = Cluster("""
            <event side="server" code="5" name="Card" priority="info"><field id="0" name="UID" type="octet_string" length="10"/><optionalConform><feature name="RFID"/></optionalConform></event>
            <feature bit="3" code="RFID" name="RFID"><optionalConform/></feature>
            """);
        var ours = Cluster("""<feature bit="3" code="RFID" name="RFID"><mandatoryConform/></feature>""");

        var differences = FactComparison.Compare(ours, upstream);

        Assert.Equal(2, differences.Count);
        Assert.Contains(new FactDifference("cluster 0x0099/event 0x0005", FactComparison.Presence, null, "yes"), differences);
        Assert.Contains(new FactDifference("cluster 0x0099/feature 3", DefinitionFacts.Conformance, "mandatoryConform", "optionalConform"), differences);
    }

    /// <summary>The conformance difference of elements that upstream leaves mandatory by omission, one per element.</summary>
    private static IEnumerable<(string File, string Path, string Property, string Why)> Mandatory(string file, string cluster, params string[] elements) =>
        elements.Select(element => (file, $"{cluster}/{element}", DefinitionFacts.Conformance, ConformanceElement));

    /// <summary>A one-cluster definition (code 0x0099) with the given elements; features go under &lt;features&gt;.</summary>
    private static DefinitionFacts Cluster(string elements)
    {
        var cluster = XElement.Parse($"<cluster><name>C</name><code>0x0099</code>{elements}</cluster>");
        var features = cluster.Elements("feature").ToList();
        features.ForEach(f => f.Remove());
        cluster.Add(new XElement("features", features));
        return DefinitionFacts.From(new XDocument(new XElement("configurator", cluster)));
    }
}
