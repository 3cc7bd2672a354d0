using CityHall.Web.Platform.Voting;

namespace CityHall.Web.Modules.Decisions.Budgets;

/// <summary>
/// A heading's result, counted from its ballot's current ballots (each voter's last): the usual rule (projects by
/// votes, each funded when it still fits) and the Method of Equal Shares beside it for comparison. The ballots are
/// read grouped (each set of projects once, with how many chose it), so a million ballots are a few thousand rows.
/// </summary>
public static class BudgetResults
{
    public sealed record Counted(BudgetResult ByVotes, BudgetResult ByEqualShares);

    public static async Task<Counted> CountAsync(AppDbContext db, Poll poll, IReadOnlyList<PollOption> options, CancellationToken ct)
    {
        var pollId = poll.Id;
        var sets = await db.Set<PollVoter>().AsNoTracking().Where(v => v.PollId == pollId)
            .GroupBy(v => v.Choices).Select(g => new { Choices = g.Key, Count = g.Count() }).ToListAsync(ct);
        return Count(poll.Amount ?? 0, options, sets.Select(s => (s.Choices, s.Count)));
    }

    /// <summary>The two results from sets of choices (option ids as stored on the chain) and how many ballots gave each.</summary>
    public static Counted Count(long amount, IReadOnlyList<PollOption> options, IEnumerable<(string Choices, int Count)> sets)
    {
        var projects = options.Select(o => new Platform.Voting.BudgetProject(o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Cost ?? 0)).ToList();
        var index = options.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var grouped = sets.Select(s => ((IReadOnlyList<int>)PollBallot.Parse(s.Choices).Where(index.ContainsKey).Select(o => index[o]).ToArray(), s.Count)).ToList();
        // Each set stands for its ballots: the same array repeated, never a million copies.
        IEnumerable<IReadOnlyList<int>> Ballots() => grouped.SelectMany(g => Enumerable.Repeat(g.Item1, g.Count));
        return new(GreedyByVotes.Count(amount, projects, Ballots()), EqualShares.Count(amount, projects, Ballots()));
    }
}
