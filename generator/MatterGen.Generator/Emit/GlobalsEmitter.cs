using System.Collections.Generic;
using System.Threading;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Emit;

/// <summary>Emits the global enums, bitmaps and structs, once, nested in one <c>Globals</c> class.</summary>
internal static class GlobalsEmitter
{
    /// <summary>The class that holds the global types.</summary>
    public const string ClassName = Naming.GlobalNames.ClassName;

    /// <summary>The hint name of the globals file.</summary>
    public static string HintName(GeneratorSettings settings) => settings.RootNamespace + "." + ClassName + ".g.cs";

    /// <summary>The C# source of the global types.</summary>
    public static string Emit(GlobalTypesUnit unit, GeneratorSettings settings, CancellationToken cancellationToken)
    {
        var mapper = new TypeMapper(System.Array.Empty<(DataTypeModel, string)>(), unit.Types, settings.RootNamespace);
        var writer = new CodeWriter();
        FileHeader.Write(writer, settings);
        writer.Line("/// <summary>Enums, bitmaps and structs that the Matter specification shares between clusters.</summary>");
        writer.Line(Docs.GeneratedCode);
        writer.Block("public static partial class " + ClassName);
        var emitted = new HashSet<string>(System.StringComparer.Ordinal);
        var first = true;
        foreach (var type in unit.Types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var typeName = Naming.GlobalNames.TypeName(type.Name);

            // Two definitions that map to one C# name: the resolver reports it; the first one is emitted.
            if (!emitted.Add(typeName))
            {
                continue;
            }

            if (!first)
            {
                writer.Line();
            }

            first = false;
            if (type.Kind == DataTypeKind.Struct)
            {
                RecordEmitter.Emit(writer, RecordSpec.ForStruct(type, typeName), mapper, cancellationToken);
            }
            else
            {
                EnumEmitter.Emit(writer, type, typeName, cancellationToken);
            }
        }

        writer.Close();
        return writer.ToString();
    }
}
