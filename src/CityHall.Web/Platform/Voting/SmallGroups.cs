namespace CityHall.Web.Platform.Voting;

/// <summary>
/// Results by group (district, age band) without making anyone identifiable: a group with fewer than the minimum
/// number of voters is not shown on its own but merged with the other small ones into one "others" row; and when that
/// row would itself be under the minimum (so its counts could be read off as the total minus the rows shown), the
/// smallest shown groups join it until it is not. Either every voter is in a row of at least the minimum, or — when
/// the whole poll has fewer voters — nothing is broken down at all.
/// </summary>
public static class SmallGroups
{
    /// <summary>The groups shown on their own (largest first) and those merged into "others" (empty when none are).</summary>
    public static (IReadOnlyList<TKey> Shown, IReadOnlyList<TKey> Merged) Split<TKey>(IEnumerable<(TKey Key, int Voters)> groups, int minimum)
    {
        var all = groups.Where(g => g.Voters > 0).OrderByDescending(g => g.Voters).ToList();
        if (all.Sum(g => g.Voters) < minimum) return ([], all.Select(g => g.Key).ToList());
        var shown = all.Where(g => g.Voters >= minimum).ToList();
        var merged = all.Where(g => g.Voters < minimum).ToList();
        while (merged.Count > 0 && merged.Sum(g => g.Voters) < minimum && shown.Count > 0)
        {
            merged.Add(shown[^1]);
            shown.RemoveAt(shown.Count - 1);
        }
        return (shown.Select(g => g.Key).ToList(), merged.Select(g => g.Key).ToList());
    }
}
