using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MatterGen.Generator.Model;
using MatterGen.Generator.Planning;

namespace MatterGen.Generator.Emit.Server;

/// <summary>
/// Prints a request's planned bound checks (<see cref="RequestBoundCheck"/>) as the conditions <c>DispatchAsync</c>
/// guards: one per field, under which the decoded request (<c>request</c> in scope) breaks a bound that names an
/// attribute, so the command fails with CONSTRAINT_ERROR.
/// </summary>
internal static class RequestBoundChecks
{
    /// <summary>The condition of each check, in order.</summary>
    public static IReadOnlyList<string> Conditions(EquatableArray<RequestBoundCheck> checks)
    {
        var conditions = new List<string>();
        foreach (var check in checks)
        {
            var field = check.Field;
            var suffix = field.Field.Id.ToString(CultureInfo.InvariantCulture);
            var access = "request!." + field.PropertyName;
            var value = field.Shape == FieldShape.Mandatory ? access : "bounded" + suffix;
            var guard = field.Shape == FieldShape.Mandatory ? string.Empty : $"{access} is {{ }} {value} && ";
            // One condition per field: pattern variables of an if condition share the case block's scope.
            var violations = ReferenceBounds.Violations(check, value, suffix).Select(v => $"({v})");
            conditions.Add($"{guard}({string.Join(" || ", violations)})");
        }

        return conditions;
    }
}
