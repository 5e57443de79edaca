using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Parsing;
using Xunit;

namespace MatterGen.Generator.Tests.Parsing;

/// <summary>Malformed and hostile definition files: each gives its diagnostic at its line and nothing throws.</summary>
public sealed class MalformedInputTests
{
    private static readonly Dictionary<string, (string Text, string Id, int Line)> Cases = Build();

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Reports_the_expected_diagnostic_at_its_line(string caseName)
    {
        var (text, id, line) = Cases[caseName];
        var file = ParseHelpers.Parse(text);
        var match = file.Diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(match is not null, $"expected {id}; got:\n{ParseHelpers.Describe(file.Diagnostics)}");
        Assert.Equal(ParseHelpers.TestPath, match!.Position!.FilePath);
        Assert.Equal(line, match.Position.Line);
    }

    [Fact]
    public void Wrong_root_gives_only_the_info_diagnostic()
    {
        var file = ParseHelpers.Parse("<?xml version=\"1.0\"?>\n<zcl>\n  <cluster><name>X</name></cluster>\n</zcl>");
        var diagnostic = Assert.Single(file.Diagnostics);
        Assert.Equal(DiagnosticIds.NotADefinitionFile, diagnostic.Id);
        Assert.Equal(new[] { ParseHelpers.TestPath, "zcl" }, diagnostic.Arguments);
        Assert.False(ParseHelpers.IsError(diagnostic));
        Assert.Empty(file.Clusters);
    }

    [Fact]
    public void Unreadable_text_is_reported_not_thrown()
    {
        var file = DefinitionParser.Parse("missing.xml", null, CancellationToken.None);
        Assert.Equal(DiagnosticIds.GeneratorFailure, Assert.Single(file.Diagnostics).Id);
    }

    [Fact]
    public void Very_deep_element_nesting_is_refused_quickly_at_the_first_element_too_deep()
    {
        const int depth = 1_000_000;
        var builder = new StringBuilder("<configurator>\n");
        builder.Insert(builder.Length, "<a>\n", depth).Insert(builder.Length, "</a>", depth).Append("\n</configurator>");
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var file = ParseHelpers.Parse(builder.ToString());
        Assert.InRange(stopwatch.ElapsedMilliseconds, 0, 2000);
        var diagnostic = Assert.Single(file.Diagnostics);
        Assert.Equal(DiagnosticIds.MalformedXml, diagnostic.Id);

        // <configurator> is depth 0 on line 1; the a at depth 256 is on line 257.
        Assert.Equal(DefinitionParser.MaxElementDepth + 1, diagnostic.Position!.Line);
    }

    [Fact]
    public void Nesting_just_under_the_limit_is_accepted()
    {
        var depth = DefinitionParser.MaxElementDepth - 1;
        var builder = new StringBuilder("<configurator>");
        builder.Insert(builder.Length, "<a>", depth).Insert(builder.Length, "</a>", depth).Append("</configurator>");
        Assert.Empty(ParseHelpers.Parse(builder.ToString()).Diagnostics);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<System.OperationCanceledException>(() => DefinitionParser.Parse("a.xml", ParseHelpers.Cluster(string.Empty), source.Token));
    }

    [Fact]
    public void Every_malformed_case_is_deterministic()
    {
        foreach (var (text, _, _) in Cases.Values)
        {
            Assert.Equal(ParseHelpers.Parse(text), ParseHelpers.Parse(text));
        }
    }

    private static Dictionary<string, (string, string, int)> Build()
    {
        var cases = new Dictionary<string, (string, string, int)>();
        void Add(string name, string text, string id, string marker) => cases.Add(name, (text, id, ParseHelpers.LineOf(text, marker)));
        void AddAt(string name, string text, string id, int line) => cases.Add(name, (text, id, line));

        AddAt("empty file", string.Empty, DiagnosticIds.MalformedXml, 1);
        AddAt("truncated file", "<?xml version=\"1.0\"?>\n<configurator>\n  <cluster>\n    <name>Trunc", DiagnosticIds.MalformedXml, 4);
        AddAt("wrong root", "<?xml version=\"1.0\"?>\n\n<zcl/>", DiagnosticIds.NotADefinitionFile, 3);

        var badCode = ParseHelpers.Cluster("""
            <attribute code="0xZZ" name="Bad" type="int8u"/>
            """);
        Add("bad number 0xZZ", badCode, DiagnosticIds.InvalidValue, "0xZZ");

        var negative = ParseHelpers.Cluster("""
            <attribute code="0" name="Fine" type="int8u"/>
            <command source="client" code="-1" name="Negative"/>
            """);
        Add("negative id", negative, DiagnosticIds.InvalidValue, "\"-1\"");

        var overflow = ParseHelpers.Cluster("""
            <event code="0x1FFFFFFFF" name="Overflow" priority="info"/>
            """);
        Add("overflowing id", overflow, DiagnosticIds.InvalidValue, "0x1FFFFFFFF");

        var badEnumValue = """
            <configurator>
              <enum name="E" type="enum8">
                <item name="A" value="0"/>
                <item name="B" value="twelve"/>
              </enum>
            </configurator>
            """;
        Add("bad enum value", badEnumValue, DiagnosticIds.InvalidValue, "twelve");

        var badBool = ParseHelpers.Cluster("""
            <attribute code="0" name="A" type="int8u" writable="perhaps"/>
            """);
        Add("bad boolean", badBool, DiagnosticIds.InvalidValue, "perhaps");

        var duplicateAttribute = ParseHelpers.Cluster("""
            <attribute code="0x0001" name="First" type="int8u"/>
            <attribute code="1" name="Second" type="int8u"/>
            """);
        Add("duplicate attribute id", duplicateAttribute, DiagnosticIds.DuplicateId, "\"Second\"");

        var duplicateCommand = ParseHelpers.Cluster("""
            <command source="client" code="0x02" name="Go"/>
            <command source="server" code="0x02" name="GoResponse"/>
            <command source="client" code="0x02" name="GoAgain"/>
            """);
        Add("duplicate command id", duplicateCommand, DiagnosticIds.DuplicateId, "GoAgain");

        var duplicateEvent = ParseHelpers.Cluster("""
            <event code="0" name="A" priority="info"/>
            <event code="0" name="B" priority="debug"/>
            """);
        Add("duplicate event id", duplicateEvent, DiagnosticIds.DuplicateId, "\"B\"");

        var duplicateField = """
            <configurator>
              <struct name="S">
                <item fieldId="0" name="A" type="int8u"/>
                <item fieldId="1" name="B" type="int8u"/>
                <item fieldId="0" name="C" type="int8u"/>
              </struct>
            </configurator>
            """;
        Add("duplicate struct field id", duplicateField, DiagnosticIds.DuplicateId, "\"C\"");

        var duplicateFeature = ParseHelpers.Cluster("""
            <features>
              <feature bit="0" code="AA" name="Alpha"><optionalConform/></feature>
              <feature bit="0" code="BB" name="Beta"><optionalConform/></feature>
            </features>
            """);
        Add("duplicate feature bit", duplicateFeature, DiagnosticIds.DuplicateId, "Beta");

        var duplicateType = """
            <configurator>
              <enum name="ModeEnum" type="enum8"><cluster code="0x0006"/><item name="A" value="0"/></enum>
              <enum name="OtherEnum" type="enum8"><cluster code="0x0006"/><item name="A" value="0"/></enum>
              <bitmap name="ModeEnum" type="bitmap8"><cluster code="0x0006"/><field name="A" mask="1"/></bitmap>
            </configurator>
            """;
        Add("duplicate type name", duplicateType, DiagnosticIds.DuplicateName, "<bitmap name=\"ModeEnum\"");

        var missingCode = """
            <configurator>
              <cluster>
                <name>No Code</name>
              </cluster>
            </configurator>
            """;
        Add("missing cluster code", missingCode, DiagnosticIds.MissingRequiredValue, "<cluster>");

        var missingName = ParseHelpers.Cluster("""
            <attribute code="0x0007" side="server" type="int8u"/>
            """);
        Add("attribute without name or description", missingName, DiagnosticIds.MissingRequiredValue, "0x0007");

        var missingType = ParseHelpers.Cluster("""
            <attribute code="0x0007" name="Untyped"/>
            """);
        Add("attribute without type", missingType, DiagnosticIds.MissingRequiredValue, "Untyped");

        var unknownConformance = ParseHelpers.Cluster("""
            <attribute code="0" name="A" type="int8u">
              <sometimesConform/>
            </attribute>
            """);
        Add("unknown conformance element", unknownConformance, DiagnosticIds.UnknownConformanceElement, "sometimesConform");

        var unknownTerm = ParseHelpers.Cluster("""
            <attribute code="0" name="A" type="int8u">
              <mandatoryConform>
                <maybeTerm/>
              </mandatoryConform>
            </attribute>
            """);
        Add("unknown conformance term", unknownTerm, DiagnosticIds.UnknownConformanceElement, "maybeTerm");

        var laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>
            <configurator>&lol3;</configurator>
            """;
        Add("billion laughs", laughs, DiagnosticIds.MalformedXml, "<!DOCTYPE");

        var external = """
            <?xml version="1.0"?>
            <!DOCTYPE configurator [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <configurator><cluster><name>&xxe;</name></cluster></configurator>
            """;
        Add("external entity", external, DiagnosticIds.MalformedXml, "<!DOCTYPE");

        var huge = new StringBuilder("<configurator>\n").Append(' ', 20 * 1024 * 1024).Append("</configurator>").ToString();
        AddAt("20 MB file", huge, DiagnosticIds.FileTooLarge, 1);

        var deep = new StringBuilder(ParseHelpers.Cluster("<attribute code=\"0\" name=\"Deep\" type=\"int8u\">\n<mandatoryConform>\nDEEP\n</mandatoryConform>\n</attribute>"));
        var nested = string.Concat(Enumerable.Repeat("<andTerm>\n", 200)) + string.Concat(Enumerable.Repeat("</andTerm>\n", 200));
        var deepText = deep.Replace("DEEP\n", nested).ToString();

        // The rule is level 1 and the n-th andTerm level n + 1: the first refused is the 32nd andTerm.
        AddAt("very deep conformance nesting", deepText, DiagnosticIds.InvalidValue, ParseHelpers.LineOf(deepText, "<mandatoryConform>") + 32);

        var garbage = new string(Enumerable.Range(0, 4096).Select(i => (char)((i * 7919) % 0xD7FF)).ToArray());
        AddAt("binary garbage", garbage, DiagnosticIds.MalformedXml, 1);

        // UTF-16 bytes decoded as UTF-8: every other character is NUL.
        var utf16AsUtf8 = Encoding.UTF8.GetString(Encoding.Unicode.GetBytes("<configurator>\n</configurator>"));
        AddAt("UTF-16 read as UTF-8", utf16AsUtf8, DiagnosticIds.MalformedXml, 1);

        // Invalid UTF-8 in an element name decodes to U+FFFD, which cannot start a name.
        var badBytes = Encoding.UTF8.GetString(new byte[] { 0x3C, 0x63, 0x6F, 0x6E, 0x66, 0x69, 0x67, 0x75, 0x72, 0x61, 0x74, 0x6F, 0x72, 0x3E, 0x0A, 0x3C, 0xC3, 0x28, 0x2F, 0x3E, 0x0A });
        AddAt("non-UTF-8 bytes", badBytes, DiagnosticIds.MalformedXml, 2);

        var unclosed = ParseHelpers.Cluster("""
            <attribute code="0" name="A" type="int8u">
            <attribute code="1" name="B" type="int8u"/>
            """);
        Add("unclosed tag mid-file", unclosed, DiagnosticIds.MalformedXml, "</cluster>");

        var badPrivilege = ParseHelpers.Cluster("""
            <attribute code="0" name="A" type="int8u" writable="true">
              <access op="write" privilege="superuser"/>
            </attribute>
            """);
        Add("unknown privilege", badPrivilege, DiagnosticIds.InvalidValue, "superuser");

        return cases;
    }
}
