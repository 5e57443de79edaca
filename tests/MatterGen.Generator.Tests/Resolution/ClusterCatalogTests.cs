using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;
using MatterGen.Generator.Resolution;
using MatterGen.Generator.Tests.Parsing;
using Xunit;

namespace MatterGen.Generator.Tests.Resolution;

/// <summary>Resolution across files: unknown types, cycles, duplicates, extensions, scopes.</summary>
public sealed class ClusterCatalogTests
{
    private static CatalogResult Build(params (string Path, string Text)[] files) =>
        ClusterCatalog.Build(files.Select(f => ParseHelpers.Parse(f.Text, f.Path)).ToImmutableArray(), CancellationToken.None);

    private static DiagnosticInfo Only(CatalogResult result, string id)
    {
        Assert.True(result.Diagnostics.Count == 1, ParseHelpers.Describe(result.Diagnostics));
        var diagnostic = result.Diagnostics[0];
        Assert.Equal(id, diagnostic.Id);
        return diagnostic;
    }

    [Fact]
    public void Unknown_type_is_reported_at_the_attribute()
    {
        var text = ParseHelpers.Cluster("""
            <attribute code="0" name="Good" type="int8u"/>
            <attribute code="1" name="Bad" type="NoSuchEnum"/>
            """);
        var diagnostic = Only(Build(("a.xml", text)), DiagnosticIds.UnknownType);
        Assert.Equal(ParseHelpers.LineOf(text, "NoSuchEnum"), diagnostic.Position!.Line);
        Assert.Equal(new[] { "Attribute", "Test Cluster.Bad", "NoSuchEnum" }, diagnostic.Arguments);
    }

    [Fact]
    public void Unknown_type_in_a_command_argument_is_reported_at_the_argument()
    {
        var text = ParseHelpers.Cluster("""
            <command source="client" code="0" name="Go">
              <arg name="Speed" type="int8u"/>
              <arg name="Mystery" type="Unknowable"/>
            </command>
            """);
        var diagnostic = Only(Build(("a.xml", text)), DiagnosticIds.UnknownType);
        Assert.Equal(ParseHelpers.LineOf(text, "Unknowable"), diagnostic.Position!.Line);
    }

    [Fact]
    public void Self_containing_struct_in_one_file_is_cyclic()
    {
        var text = """
            <configurator>
              <struct name="Node">
                <cluster code="0xFFF1"/>
                <item fieldId="0" name="Child" type="Node" optional="true"/>
              </struct>
              <cluster><name>Tree</name><code>0xFFF1</code>
                <attribute code="0" name="Root" type="Node"/>
              </cluster>
            </configurator>
            """;
        var diagnostic = Only(Build(("a.xml", text)), DiagnosticIds.CyclicStruct);
        Assert.Equal(2, diagnostic.Position!.Line);
        Assert.Equal("Node", diagnostic.Arguments[0]);
    }

    [Fact]
    public void Cycle_through_two_files_and_a_list_is_reported()
    {
        var first = """
            <configurator>
              <struct name="A">
                <item fieldId="0" name="ToB" type="B" array="true"/>
              </struct>
            </configurator>
            """;
        var second = """
            <configurator>

              <struct name="B">
                <item fieldId="0" name="ToA" type="A"/>
              </struct>
            </configurator>
            """;
        var diagnostic = Only(Build(("a.xml", first), ("b.xml", second)), DiagnosticIds.CyclicStruct);
        Assert.Equal(("a.xml", 2), (diagnostic.Position!.FilePath, diagnostic.Position.Line));
        Assert.Equal(new[] { "A", "A.ToB -> B.ToA" }, diagnostic.Arguments);
    }

    [Fact]
    public void Duplicate_cluster_code_across_files_is_reported_at_the_second()
    {
        var first = ParseHelpers.Cluster(string.Empty);
        var second = "<configurator>\n\n<cluster><name>Other</name><code>0xFFF1</code></cluster>\n</configurator>";
        var result = Build(("b.xml", second), ("a.xml", first));
        var diagnostic = Only(result, DiagnosticIds.DuplicateId);
        Assert.Equal(("b.xml", 3), (diagnostic.Position!.FilePath, diagnostic.Position.Line));
        Assert.Equal("Test Cluster", Assert.Single(result.Clusters).Cluster.Name);
    }

    [Fact]
    public void Colliding_cluster_type_names_are_reported()
    {
        var text = "<configurator>\n<cluster><name>On/Off</name><code>6</code></cluster>\n<cluster><name>OnOff</name><code>7</code></cluster>\n</configurator>";
        var diagnostic = Only(Build(("a.xml", text)), DiagnosticIds.DuplicateName);
        Assert.Equal(3, diagnostic.Position!.Line);
        Assert.Equal("OnOff", diagnostic.Arguments[1]);
    }

    [Fact]
    public void Global_types_with_one_csharp_name_are_reported_at_the_second()
    {
        var first = "<configurator>\n<enum name=\"Mode Enum\" type=\"enum8\"><item name=\"A\" value=\"0\"/></enum>\n</configurator>";
        var second = "<configurator>\n\n<enum name=\"ModeEnum\" type=\"enum8\"><item name=\"B\" value=\"0\"/></enum>\n</configurator>";
        var diagnostic = Only(Build(("b.xml", second), ("a.xml", first)), DiagnosticIds.DuplicateName);
        Assert.Equal(("b.xml", 3), (diagnostic.Position!.FilePath, diagnostic.Position.Line));
        Assert.Equal("ModeEnum", diagnostic.Arguments[1]);
    }

    [Fact]
    public void Global_types_whose_names_differ_only_in_spelling_are_reported_within_one_file()
    {
        var text = "<configurator>\n<struct name=\"Range/Struct\"><item fieldId=\"0\" name=\"Low\" type=\"int8u\"/></struct>\n<struct name=\"range struct\"><item fieldId=\"0\" name=\"High\" type=\"int8u\"/></struct>\n</configurator>";
        var diagnostic = Only(Build(("a.xml", text)), DiagnosticIds.DuplicateName);
        Assert.Equal(3, diagnostic.Position!.Line);
    }

    [Fact]
    public void Cluster_named_like_the_globals_class_is_reported_and_not_generated()
    {
        var text = "<configurator>\n<cluster><name>Globals</name><code>6</code></cluster>\n<cluster><name>Other</name><code>7</code></cluster>\n</configurator>";
        var result = Build(("a.xml", text));
        var diagnostic = Only(result, DiagnosticIds.DuplicateName);
        Assert.Equal(2, diagnostic.Position!.Line);
        Assert.Equal("Globals", diagnostic.Arguments[1]);
        Assert.Equal(new[] { "Other" }, result.Clusters.Select(u => u.TypeName));
    }

    [Fact]
    public void Distinct_global_type_names_are_not_reported()
    {
        var text = "<configurator>\n<enum name=\"ModeEnum\" type=\"enum8\"><item name=\"A\" value=\"0\"/></enum>\n<enum name=\"ModesEnum\" type=\"enum8\"><item name=\"A\" value=\"0\"/></enum>\n</configurator>";
        Assert.Empty(Build(("a.xml", text)).Diagnostics);
    }

    [Fact]
    public void Same_type_name_for_one_cluster_in_two_files_is_reported()
    {
        var first = "<configurator>\n<enum name=\"E\" type=\"enum8\"><cluster code=\"1\"/></enum>\n</configurator>";
        var second = "<configurator>\n\n<enum name=\"E\" type=\"enum8\"><cluster code=\"1\"/></enum>\n</configurator>";
        var diagnostic = Only(Build(("a.xml", first), ("b.xml", second)), DiagnosticIds.DuplicateName);
        Assert.Equal(("b.xml", 3), (diagnostic.Position!.FilePath, diagnostic.Position.Line));
    }

    [Fact]
    public void Enum_with_a_non_integer_base_type_is_reported()
    {
        var text = "<configurator>\n<enum name=\"E\" type=\"char_string\"><item name=\"A\" value=\"0\"/></enum>\n</configurator>";
        var diagnostic = Only(Build(("a.xml", text)), DiagnosticIds.UnknownType);
        Assert.Equal(2, diagnostic.Position!.Line);
    }

    [Fact]
    public void Local_types_shadow_globals_and_globals_are_collected_transitively()
    {
        var types = """
            <enum name="ModeEnum" type="enum8"><item name="Global" value="0"/></enum>
            <enum name="ModeEnum" type="enum8"><cluster code="0xFFF1"/><item name="Local" value="0"/></enum>
            <enum name="LevelEnum" type="enum8"><item name="Low" value="0"/></enum>
            <struct name="Inner"><item fieldId="0" name="Level" type="LevelEnum"/></struct>
            <struct name="Outer"><item fieldId="0" name="Inner" type="inner"/></struct>
            <struct name="Unused"><item fieldId="0" name="X" type="int8u"/></struct>
            """;
        var text = ParseHelpers.Cluster("""
            <attribute code="0" name="Mode" type="ModeEnum"/>
            <attribute code="1" name="Outer" type="array" entryType="Outer"/>
            <attribute code="2" name="Number" type="INT16U"/>
            """, types);
        var result = Build(("a.xml", text));
        Assert.Empty(result.Diagnostics);
        var unit = Assert.Single(result.Clusters);
        Assert.Equal("TestCluster", unit.TypeName);
        Assert.Equal("Local", Assert.Single(unit.LocalTypes).Values[0].Name);
        Assert.Equal(new[] { "Inner", "LevelEnum", "Outer" }, unit.GlobalTypes.Select(t => t.Name));
        Assert.Equal(new[] { "Inner", "LevelEnum", "ModeEnum", "Outer", "Unused" }, result.Globals.Types.Select(t => t.Name));

        // Case-insensitive matches are rewritten to the declared spelling.
        Assert.Equal("Inner", unit.GlobalTypes.Single(t => t.Name == "Outer").Fields[0].Type.Name);
        Assert.Equal(new TypeReference("int16u", false), unit.Cluster.Attributes[2].Type);
        Assert.Equal(new TypeReference("Outer", true), unit.Cluster.Attributes[1].Type);
    }

    [Fact]
    public void Extensions_merge_and_duplicates_against_the_cluster_are_reported()
    {
        var cluster = ParseHelpers.Cluster("""
            <attribute code="0" name="A" type="int8u"/>
            <command source="client" code="0" name="Go"/>
            """);
        var extension = """
            <configurator>
              <clusterExtension code="0xFFF1">
                <attribute code="0x4000" name="Extra" type="int8u"/>
                <command source="client" code="0" name="GoToo"/>
                <command source="client" code="1" name="Stop"/>
              </clusterExtension>
            </configurator>
            """;
        var result = Build(("a.xml", cluster), ("z.xml", extension));
        var diagnostic = Only(result, DiagnosticIds.DuplicateId);
        Assert.Equal(("z.xml", ParseHelpers.LineOf(extension, "GoToo")), (diagnostic.Position!.FilePath, diagnostic.Position.Line));
        var merged = Assert.Single(result.Clusters).Cluster;
        Assert.Equal(new uint[] { 0, 0x4000 }, merged.Attributes.Select(a => a.Id));
        Assert.Equal(new[] { "Go", "Stop" }, merged.Commands.Select(c => c.Name));
    }

    [Fact]
    public void Input_order_does_not_change_the_result()
    {
        var first = ParseHelpers.Cluster("<attribute code=\"0\" name=\"A\" type=\"E\"/>", "<enum name=\"E\" type=\"enum8\"><item name=\"X\" value=\"0\"/></enum>");
        var second = "<configurator><cluster><name>Second</name><code>2</code></cluster></configurator>";
        Assert.Equal(Build(("a.xml", first), ("b.xml", second)), Build(("b.xml", second), ("a.xml", first)));
    }
}
