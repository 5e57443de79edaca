using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MatterGen.Generator.ConformanceRules;

/// <summary>
/// Checks choice conformance (<c>O.a</c>, <c>O.a+</c>, <c>O.a2+</c>) within one table (features, attributes,
/// commands or events): of the members whose rule put them in a group, at least the group's minimum must be
/// chosen, and without <c>+</c> no more than that.
/// </summary>
internal static class ChoiceGroupChecker
{
    /// <summary>A member of a choice table: its display name, its evaluated conformance and whether it was chosen.</summary>
    internal readonly struct Member
    {
        public Member(string displayName, ConformanceResult result, bool isChosen)
        {
            DisplayName = displayName;
            Result = result;
            IsChosen = isChosen;
        }

        /// <summary>Name shown in the reason.</summary>
        public string DisplayName { get; }

        /// <summary>The member's evaluated conformance.</summary>
        public ConformanceResult Result { get; }

        /// <summary>Whether the member is on (features) or present (elements).</summary>
        public bool IsChosen { get; }
    }

    /// <summary>A readable reason for each violated group, in the order groups first appear.</summary>
    /// <param name="table">What the members are (<c>features</c>, <c>attributes</c>), for the reason text.</param>
    /// <param name="members">The table's members, in table order.</param>
    public static IReadOnlyList<string> Check(string table, IEnumerable<Member> members)
    {
        var reasons = new List<string>();
        var groups = members
            .Where(member => member.Result.Status == ConformanceStatus.Optional && member.Result.Choice is not null)
            .GroupBy(member => member.Result.Choice!.Name, System.StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var choice = group.First().Result.Choice!;
            var min = group.Max(member => member.Result.Choice!.Min);
            var more = group.All(member => member.Result.Choice!.More);
            var chosen = group.Count(member => member.IsChosen);
            var names = string.Join(", ", group.Select(member => member.DisplayName));
            if (chosen < min)
            {
                reasons.Add(string.Format(CultureInfo.InvariantCulture,
                    "choice group '{0}' of {1} needs {2} {3} of {4}, but {5} chosen",
                    choice.Name, table, more ? "at least" : "exactly", Count(min), names, Chosen(chosen)));
            }
            else if (!more && chosen > min)
            {
                reasons.Add(string.Format(CultureInfo.InvariantCulture,
                    "choice group '{0}' of {1} allows exactly {2} of {3}, but {4} chosen",
                    choice.Name, table, Count(min), names, Chosen(chosen)));
            }
        }

        return reasons;
    }

    private static string Count(int count) => count == 1 ? "one" : count.ToString(CultureInfo.InvariantCulture);

    private static string Chosen(int count) => count switch
    {
        0 => "none is",
        1 => "one is",
        _ => count.ToString(CultureInfo.InvariantCulture) + " are",
    };
}
