using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Voting;

namespace CityHall.Web.Modules.Decisions;

/// <summary>
/// A poll's results broken down by the district voters gave when they voted, and by age band (from the year of birth
/// given at verification): groups with fewer than <see cref="MinimumGroup"/> voters are merged into one row so that no
/// one's ballot can be told (<see cref="SmallGroups"/>). Read from the voters' current ballots, grouped in the database.
/// </summary>
public static class PollResults
{
    /// <summary>The fewest voters a row of a breakdown may stand for.</summary>
    public const int MinimumGroup = 10;

    /// <summary>One row: a group (a district's code or an age band; "" for voters who gave none; null: the merged others), its voters and its votes by option id.</summary>
    public sealed record Row(string? Key, int Voters, IReadOnlyDictionary<long, int> Votes);

    public static async Task<IReadOnlyList<Row>> ByDistrictAsync(AppDbContext db, Poll poll, IReadOnlyList<PollOption> options, CancellationToken ct)
    {
        var pollId = poll.Id;
        // One row per district and combination of choices: a handful per district for a one-choice poll.
        var groups = await db.Set<PollVoter>().AsNoTracking().Where(v => v.PollId == pollId)
            .GroupBy(v => new { v.DistrictCode, v.Choices }).Select(g => new { g.Key.DistrictCode, g.Key.Choices, Count = g.Count() }).ToListAsync(ct);
        return Breakdown(poll, options, groups.Select(g => (g.DistrictCode ?? "", g.Choices, g.Count)));
    }

    /// <summary>The age bands, youngest first: under 20, each decade to the 60s, 70 and over; "" for voters whose year of birth is not known.</summary>
    public static IReadOnlyList<string> AgeBands => BandOrder;

    private static readonly string[] BandOrder = ["under-20", "20-29", "30-39", "40-49", "50-59", "60-69", "70-plus", ""];

    public static string AgeBand(int? age) => age switch
    {
        null => "",
        < 20 => "under-20",
        >= 70 => "70-plus",
        _ => $"{age / 10 * 10}-{age / 10 * 10 + 9}",
    };

    /// <summary>An age band in words ("" not known; null the merged small bands), for the page, the CSV and anywhere else.</summary>
    public static string AgeBandName(string? band, IStringLocalizer<Text> t) => band switch
    {
        null => t["Decisions.Results.OtherAges"].Value,
        "" => t["Decisions.Results.NoAge"].Value,
        "under-20" => t["Decisions.Results.AgeUnder20"].Value,
        "70-plus" => t["Decisions.Results.Age70Plus"].Value,
        _ => t["Decisions.Results.AgeDecade", band[..2], band[3..]].Value,
    };

    /// <summary>By age band, each voter's age counted as for who may vote (<see cref="Poll.AgeOf"/>); bands in order of age.</summary>
    public static async Task<IReadOnlyList<Row>> ByAgeAsync(AppDbContext db, Poll poll, IReadOnlyList<PollOption> options, CityClock clock, CancellationToken ct)
    {
        var pollId = poll.Id;
        var groups = await db.Set<PollVoter>().AsNoTracking().Where(v => v.PollId == pollId)
            .GroupBy(v => new { v.BirthYear, v.Choices }).Select(g => new { g.Key.BirthYear, g.Key.Choices, Count = g.Count() }).ToListAsync(ct);
        var rows = Breakdown(poll, options, groups.Select(g => (AgeBand(g.BirthYear is { } year ? poll.AgeOf(year, clock) : null), g.Choices, g.Count)));
        return rows.OrderBy(r => r.Key is null ? int.MaxValue : Array.IndexOf(BandOrder, r.Key)).ToList();
    }

    /// <summary>Rows from the voters counted by group and set of choices: the large groups on their own, the small ones merged.</summary>
    private static List<Row> Breakdown(Poll poll, IReadOnlyList<PollOption> options, IEnumerable<(string Key, string Choices, int Count)> counted)
    {
        var byKey = counted.GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.ToList());
        var (shown, merged) = SmallGroups.Split(byKey.Select(d => (d.Key, d.Value.Sum(g => g.Count))), MinimumGroup);
        Row RowOf(string? key, IEnumerable<string> keys)
        {
            var votes = options.ToDictionary(o => o.Id, _ => 0);
            var voters = 0;
            foreach (var g in keys.SelectMany(k => byKey[k]))
            {
                voters += g.Count;
                foreach (var option in poll.Counted(PollBallot.Parse(g.Choices)))
                    if (votes.TryGetValue(option, out var n)) votes[option] = n + g.Count;
            }
            return new(key, voters, votes);
        }
        var rows = shown.Select(k => RowOf(k, [k])).ToList();
        // Shown merged only when it stands for enough voters (with fewer voters in all, nothing is broken down).
        if (merged.Count > 0 && RowOf(null, merged) is { Voters: >= MinimumGroup } others) rows.Add(others);
        return rows;
    }

    /// <summary>The answers voters wrote with "other" that a moderator published, oldest first (never with who wrote them).</summary>
    public static async Task<IReadOnlyList<string>> OtherAnswersAsync(AppDbContext db, long pollId, CancellationToken ct) =>
        await db.Set<PollOtherAnswer>().AsNoTracking().Where(a => a.PollId == pollId && a.Moderation == Moderation.Published).OrderBy(a => a.Id).Select(a => a.Text).ToListAsync(ct);

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
