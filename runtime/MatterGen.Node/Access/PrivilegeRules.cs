using MatterGen.DataModel;

namespace MatterGen.Node.Access;

/// <summary>
/// Which privileges a granted one implies (Core Specification 6.6.5.1 and the AccessControlEntryPrivilegeEnum):
/// Administer implies Manage, Operate, ProxyView and View; Manage implies Operate and View; Operate implies View;
/// ProxyView implies View. Operate and Manage do not imply ProxyView, so the order is not a simple comparison.
/// </summary>
public static class PrivilegeRules
{
    /// <summary>True when holding <paramref name="granted"/> allows an action that needs <paramref name="requested"/>.</summary>
    public static bool Implies(Privilege granted, Privilege requested) => granted switch
    {
        Privilege.Administer => requested is Privilege.Administer or Privilege.Manage or Privilege.Operate or Privilege.ProxyView or Privilege.View,
        Privilege.Manage => requested is Privilege.Manage or Privilege.Operate or Privilege.View,
        Privilege.Operate => requested is Privilege.Operate or Privilege.View,
        Privilege.ProxyView => requested is Privilege.ProxyView or Privilege.View,
        Privilege.View => requested is Privilege.View,
        _ => false,
    };
}
