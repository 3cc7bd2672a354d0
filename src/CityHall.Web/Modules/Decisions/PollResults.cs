using CityHall.Web.Platform.Voting;

namespace CityHall.Web.Modules.Decisions;

/// <summary>
/// A poll's results broken down by the district voters gave when they voted: districts with fewer than
/// <see cref="MinimumGroup"/> voters are merged into one row so that no one's ballot can be told
/// (<see cref="SmallGroups"/>). Read from the voters' current ballots, grouped in the database.
/// </summary>
public static class PollResults
{
    /// <summary>The fewest voters a row of a breakdown may stand for.</summary>
    public const int MinimumGroup = 10;

    /// <summary>One row: a district (null code: the merged others), its voters and its votes by option id.</summary>
    public sealed record Row(string? DistrictCode, int Voters, IReadOnlyDictionary<long, int> Votes);

    public static async Task<IReadOnlyList<Row>> ByDistrictAsync(AppDbContext db, long pollId, IReadOnlyList<PollOption> options, CancellationToken ct)
    {
        // One row per district and combination of choices: a handful per district for a one-choice poll.
        var groups = await db.Set<PollVoter>().AsNoTracking().Where(v => v.PollId == pollId)
            .GroupBy(v => new { v.DistrictCode, v.Choices }).Select(g => new { g.Key.DistrictCode, g.Key.Choices, Count = g.Count() }).ToListAsync(ct);
        var byDistrict = groups.GroupBy(g => g.DistrictCode ?? "").ToDictionary(g => g.Key, g => g.ToList());
        var (shown, merged) = SmallGroups.Split(byDistrict.Select(d => (d.Key, d.Value.Sum(g => g.Count))), MinimumGroup);
        Row RowOf(string? code, IEnumerable<string> districts)
        {
            var votes = options.ToDictionary(o => o.Id, _ => 0);
            var voters = 0;
            foreach (var g in districts.SelectMany(d => byDistrict[d]))
            {
                voters += g.Count;
                foreach (var option in PollBallot.Parse(g.Choices))
                    if (votes.TryGetValue(option, out var n)) votes[option] = n + g.Count;
            }
            return new(code, voters, votes);
        }
        var rows = shown.Select(d => RowOf(d, [d])).ToList();
        // Shown merged only when it stands for enough voters (with fewer voters in all, nothing is broken down).
        if (merged.Count > 0 && RowOf(null, merged) is { Voters: >= MinimumGroup } others) rows.Add(others);
        return rows;
    }
}
