using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;

namespace MatterGen.Generator.Emit;

/// <summary>Emits the global enums, bitmaps and structs, once, nested in one <c>Globals</c> class.</summary>
internal static class GlobalsEmitter
{
    /// <summary>The class that holds the global types.</summary>
    public const string ClassName = Naming.GlobalNames.ClassName;

    /// <summary>The hint name of the globals file.</summary>
    public static string HintName(GeneratorSettings settings) => settings.RootNamespace + "." + ClassName + ".g.cs";

    /// <summary>The C# source of the global types, printed from their plan.</summary>
    public static string Emit(GlobalsPlan plan, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        var writer = new CodeWriter();
        FileHeader.Write(writer, settings);
        writer.Line("/// <summary>Enums, bitmaps and structs that the Matter specification shares between clusters.</summary>");
        writer.Line(Docs.GeneratedCode);
        writer.Block("public static partial class " + ClassName);
        var first = true;
        foreach (var type in plan.Types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!first)
            {
                writer.Line();
            }

            first = false;
            if (type.Record is { } record)
            {
                RecordEmitter.Emit(writer, record);
            }
            else if (type.Enum is { } enumPlan)
            {
                EnumEmitter.Emit(writer, enumPlan, cancellationToken);
            }
        }

        writer.Close();
        return writer.ToString();
    }
}
