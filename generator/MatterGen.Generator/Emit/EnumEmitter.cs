using System.Globalization;
using System.Threading;
using MatterGen.Generator.Planning;

namespace MatterGen.Generator.Emit;

/// <summary>
/// Emits Matter enums as C# enums of the base type's width and bitmaps as <c>[Flags]</c> enums. C# enums
/// hold any value of their width, which is what Matter needs: enums are open, a newer device may send values
/// this definition does not name.
/// </summary>
internal static class EnumEmitter
{
    /// <summary>Writes an enum or bitmap type.</summary>
    public static void Emit(CodeWriter writer, EnumPlan plan, CancellationToken cancellationToken)
    {
        var type = plan.Type;
        var isBitmap = plan.IsBitmap;
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
        writer.Block("public enum " + plan.TypeName + " : " + plan.Underlying.IntegerType);
        var first = true;
        if (plan.NoneName is { } none)
        {
            writer.Line("/// <summary>No bit set.</summary>");
            writer.Line(none + " = 0,");
            first = false;
        }

        foreach (var member in plan.Members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!first)
            {
                writer.Line();
            }

            first = false;
            var item = member.Value;
            var valueText = isBitmap ? Literals.Hex(item.Value, 2) : item.Value.ToString(CultureInfo.InvariantCulture);
            Docs.Summary(writer, item.Description, item.Name + " (" + valueText + ").");
            writer.Line(member.Name + " = " + valueText + ",");
        }

        writer.Close();
    }
}
