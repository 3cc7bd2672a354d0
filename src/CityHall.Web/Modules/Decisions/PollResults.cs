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

    public static async Task<IReadOnlyList<Row>> ByDistrictAsync(AppDbContext db, Poll poll, IReadOnlyList<PollOption> options, CancellationToken ct)
    {
        var pollId = poll.Id;
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
                foreach (var option in poll.Counted(PollBallot.Parse(g.Choices)))
                    if (votes.TryGetValue(option, out var n)) votes[option] = n + g.Count;
            }
            return new(code, voters, votes);
        }
        var rows = shown.Select(d => RowOf(d, [d])).ToList();
        // Shown merged only when it stands for enough voters (with fewer voters in all, nothing is broken down).
        if (merged.Count > 0 && RowOf(null, merged) is { Voters: >= MinimumGroup } others) rows.Add(others);
        return rows;
    }

    /// <summary>A ranked poll's full results: each option's Borda points, and the instant runoff round by round (options by their index in <paramref name="options"/>).</summary>
    public sealed record Ranked(IReadOnlyList<long> Borda, RankedCounting.RunoffResult Runoff);

    /// <summary>Counted from every voter's current ranking (identical rankings read once, with how many gave them).</summary>
    public static async Task<Ranked> RankedAsync(AppDbContext db, long pollId, IReadOnlyList<PollOption> options, CancellationToken ct)
    {
        var index = options.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var rankings = await db.Set<PollVoter>().AsNoTracking().Where(v => v.PollId == pollId)
            .GroupBy(v => v.Choices).Select(g => new { Choices = g.Key, Count = g.Count() }).ToListAsync(ct);
        var ballots = new List<IReadOnlyList<int>>();
        foreach (var r in rankings)
        {
            IReadOnlyList<int> ranking = PollBallot.Parse(r.Choices).Where(index.ContainsKey).Select(o => index[o]).ToArray();
            for (var i = 0; i < r.Count; i++) ballots.Add(ranking);
        }
        return new(RankedCounting.Borda(options.Count, ballots), RankedCounting.InstantRunoff(options.Count, ballots));
    }
}
