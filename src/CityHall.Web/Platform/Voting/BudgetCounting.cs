namespace CityHall.Web.Platform.Voting;

/// <summary>A project on a budget heading's ballot: its cost in the city's currency (won).</summary>
public sealed record BudgetProject(string Id, long Cost);

/// <summary>Why a project was funded: it won on its own votes or shares, or it filled what was left.</summary>
public enum FundedBy { Votes, EqualShares, Completion }

public sealed record FundedProject(string Id, long Cost, int Votes, FundedBy By);

/// <summary>
/// A heading's result: the projects funded in the order the rule chose them, what they cost and what is left of the
/// heading's amount, and each project's votes (a ballot counts once for each project on it).
/// </summary>
public sealed record BudgetResult(long Amount, IReadOnlyList<FundedProject> Funded, IReadOnlyDictionary<string, int> Votes, int Ballots)
{
    public long Spent => Funded.Sum(f => f.Cost);
    public long Left => Amount - Spent;
}

/// <summary>
/// What the rules share: ballots (each the indices of the projects a voter chose, knapsack or approval alike) turned
/// into votes per project, and the order projects are taken by votes — most votes first, then the cheaper, then the
/// one listed first: a fixed order, so a count run twice, or by anyone from the published ballots, gives the same.
/// </summary>
public static class BudgetTally
{
    public static (int[] Votes, int Ballots) Count(IReadOnlyList<BudgetProject> projects, IEnumerable<(IReadOnlyList<int> Ballot, int Weight)> ballots)
    {
        var votes = new int[projects.Count];
        var count = 0;
        foreach (var (ballot, weight) in ballots)
        {
            count += weight;
            foreach (var p in ballot) votes[p] += weight;
        }
        return (votes, count);
    }

    /// <summary>Each ballot once: what the rules take from a caller holding ballots one by one.</summary>
    public static IEnumerable<(IReadOnlyList<int> Ballot, int Weight)> OneEach(IEnumerable<IReadOnlyList<int>> ballots) => ballots.Select(b => (b, 1));

    public static int[] ByVotes(IReadOnlyList<BudgetProject> projects, int[] votes) =>
        Enumerable.Range(0, projects.Count).OrderByDescending(p => votes[p]).ThenBy(p => projects[p].Cost).ThenBy(p => p).ToArray();

    public static IReadOnlyDictionary<string, int> VotesById(IReadOnlyList<BudgetProject> projects, int[] votes) =>
        projects.Select((p, i) => (p.Id, votes[i])).ToDictionary(x => x.Id, x => x.Item2, StringComparer.Ordinal);

    /// <summary>Funds, in order of votes, every project not yet funded that still fits in what is left.</summary>
    public static void Fill(IReadOnlyList<BudgetProject> projects, int[] votes, bool[] funded, ref long left, List<FundedProject> into, FundedBy by)
    {
        foreach (var p in ByVotes(projects, votes))
        {
            if (funded[p] || votes[p] == 0 || projects[p].Cost > left) continue;
            funded[p] = true;
            left -= projects[p].Cost;
            into.Add(new(projects[p].Id, projects[p].Cost, votes[p], by));
        }
    }
}

/// <summary>
/// The usual rule (CONSUL, Decidim, most cities): projects in order of votes, each funded when its cost fits in what
/// is left of the heading's amount; one that does not fit is passed over and the next is tried.
/// </summary>
public static class GreedyByVotes
{
    public static BudgetResult Count(long amount, IReadOnlyList<BudgetProject> projects, IEnumerable<IReadOnlyList<int>> ballots) =>
        CountGrouped(amount, projects, BudgetTally.OneEach(ballots));

    /// <summary>The same, from ballots given once with how many voters cast each (as a database groups them).</summary>
    public static BudgetResult CountGrouped(long amount, IReadOnlyList<BudgetProject> projects, IEnumerable<(IReadOnlyList<int> Ballot, int Weight)> ballots)
    {
        var (votes, count) = BudgetTally.Count(projects, ballots);
        return Fund(amount, projects, votes, count);
    }

    /// <summary>The same, from ballots grouped by set of projects.</summary>
    public static BudgetResult Count(long amount, IReadOnlyList<BudgetProject> projects, BallotGroups groups) =>
        Fund(amount, projects, groups.Votes(projects.Count), groups.Voters);

    private static BudgetResult Fund(long amount, IReadOnlyList<BudgetProject> projects, int[] votes, int ballots)
    {
        var funded = new List<FundedProject>();
        var left = amount;
        BudgetTally.Fill(projects, votes, new bool[projects.Count], ref left, funded, FundedBy.Votes);
        return new(amount, funded, BudgetTally.VotesById(projects, votes), ballots);
    }
}
