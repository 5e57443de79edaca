using System.Xml.Linq;
using MatterGen.Generator.Diagnostics;
using MatterGen.Generator.Model;

namespace MatterGen.Generator.Parsing;

/// <summary>Reads <c>&lt;access op="read|write|invoke" privilege|role="..."&gt;</c> children over the Matter defaults.</summary>
internal static class AccessReader
{
    /// <summary>The access an element states, with <see cref="Access.Default"/> where it is silent.</summary>
    public static Access Read(XElement owner, string where, ParseContext context)
    {
        var access = Access.Default;
        foreach (var element in owner.Elements("access"))
        {
            var op = ParseContext.Attr(element, "op")?.Trim().ToLowerInvariant();
            var privilegeAttribute = element.Attribute("privilege") ?? element.Attribute("role");
            if (op is null || privilegeAttribute is null)
            {
                // Modifier-only access elements (such as fabric-scoped) carry no privilege.
                continue;
            }

            if (!TryParsePrivilege(privilegeAttribute.Value, out var privilege))
            {
                context.Report(DiagnosticIds.InvalidValue, privilegeAttribute, where, privilegeAttribute.Value, privilegeAttribute.Name.LocalName);
                continue;
            }

            switch (op)
            {
                case "read":
                    access = access with { Read = privilege };
                    break;
                case "write":
                    access = access with { Write = privilege };
                    break;
                case "invoke":
                    access = access with { Invoke = privilege };
                    break;
                default:
                    context.Report(DiagnosticIds.InvalidValue, element.Attribute("op"), where, op, "op");
                    break;
            }
        }

        return access;
    }

    private static bool TryParsePrivilege(string text, out Privilege privilege)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "view":
                privilege = Privilege.View;
                return true;
            case "proxyview":
            case "proxy_view":
                privilege = Privilege.ProxyView;
                return true;
            case "operate":
                privilege = Privilege.Operate;
                return true;
            case "manage":
                privilege = Privilege.Manage;
                return true;
            case "administer":
                privilege = Privilege.Administer;
                return true;
            default:
                privilege = Privilege.View;
                return false;
        }
    }
}
