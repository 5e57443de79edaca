using System.Globalization;
using System.Linq;
using System.Threading;
using MatterGen.Generator.Model;
using MatterGen.Generator.Naming;
using MatterGen.Generator.Planning;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Emits Matter enums as C# enums of the base type's width and bitmaps as <c>[Flags]</c> enums. C# enums
/// hold any value of their width, which is what Matter needs: enums are open, a newer device may send values
/// this definition does not name.
/// </summary>
internal static class EnumEmitter
{
    private static readonly string[] EnumMembers = { "value__", "CompareTo", "GetTypeCode", "HasFlag" };

    /// <summary>Writes an enum or bitmap type.</summary>
    public static void Emit(CodeWriter writer, DataTypeModel type, string typeName, CancellationToken cancellationToken)
    {
        var underlying = TypeMapper.UnderlyingOf(type);
        var isBitmap = type.Kind == DataTypeKind.Bitmap;
        var fallback = "The " + type.Name + (isBitmap ? " bitmap." : " enum.");
        var remarks = isBitmap
            ? "Open: a newer device may set bits this definition does not name."
            : "Open: a newer device may send other values; handle values without a named member.";
        Docs.Summary(writer, type.Description, fallback);
        Docs.Maturity(writer, MaturityMarks.IsProvisional(type.Maturity), MaturityMarks.IsDeprecated(type.Maturity), note: remarks);
        if (isBitmap)
        {
            writer.Line("[global::System.Flags]");
        }

        writer.Line(Docs.GeneratedCode);
        writer.Block("public enum " + typeName + " : " + underlying.IntegerType);
        var scope = new NameScope(new[] { typeName }.Concat(NameScope.ObjectMembers).Concat(EnumMembers));

        // Named members first, so the definition's own names win over the synthetic None.
        var members = type.Values
            .Where(item => underlying.WireMax is not { } max || item.Value <= max) // a value too wide is reported by the resolver
            .Select(item => (Item: item, Name: scope.Claim(Identifier.FromName(item.Name))))
            .ToList();
        var first = true;
        if (isBitmap && type.Values.All(v => v.Value != 0))
        {
            writer.Line("/// <summary>No bit set.</summary>");
            writer.Line(scope.Claim("None") + " = 0,");
            first = false;
        }

        foreach (var (item, name) in members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!first)
            {
                writer.Line();
            }

            first = false;
            var valueText = isBitmap ? Literals.Hex(item.Value, 2) : item.Value.ToString(CultureInfo.InvariantCulture);
            Docs.Summary(writer, item.Description, item.Name + " (" + valueText + ").");
            writer.Line(name + " = " + valueText + ",");
        }

        writer.Close();
    }
}
