using MatterGen.Generator.Emit;
using Xunit;

namespace MatterGen.Generator.Tests.Emit;

/// <summary>The small writer every emitter's templates go through: its indentation is the generated code's.</summary>
public sealed class CodeWriterTests
{
    [Fact]
    public void A_template_keeps_its_own_indentation_under_the_writers_and_its_empty_lines_stay_empty()
    {
        var writer = new CodeWriter();
        writer.Indent();
        writer.Lines("a\r\n    b\n\nc");

        Assert.Equal("    a\n        b\n\n    c\n", writer.ToString());
    }

    [Fact]
    public void A_template_that_opens_a_block_lines_up_with_the_close_after_indent()
    {
        var writer = new CodeWriter();
        writer.Lines("""
            switch (x)
            {
            """);
        writer.Indent();
        writer.Line("case 1:");
        writer.Close(";");

        Assert.Equal("switch (x)\n{\n    case 1:\n};\n", writer.ToString());
    }

    [Fact]
    public void A_guard_is_one_braced_statement_followed_by_an_empty_line()
    {
        var writer = new CodeWriter();
        writer.Indent(2);
        writer.Guard("count > 3", "throw Error();");

        Assert.Equal("        if (count > 3)\n        {\n            throw Error();\n        }\n\n", writer.ToString());
    }
}
