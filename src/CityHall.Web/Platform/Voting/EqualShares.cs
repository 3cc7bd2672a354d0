namespace CityHall.Web.Platform.Voting;

/// <summary>
/// The Method of Equal Shares (Peters and Skowron; used by Wieliczka and Aarau), published beside the usual result
/// for comparison. The heading's amount is shared equally among the voters; a project can be funded only from the
/// shares of those who chose it, its cost split equally among them (one who has less than that share pays all they
/// have, the others the rest). Each round funds the project whose supporters pay the least each (ρ); ties go to more
/// votes, then the cheaper, then the one listed first. When no project can be paid for any more, what is left of the
/// amount is filled in order of votes (the "utilitarian completion"; the other usual completion, raising every
/// share until the amount is spent, is not done here).
/// </summary>
/// <remarks>
/// Voters with the same ballot keep the same share throughout, so they are counted as one group with a weight: a
/// million ballots over thirty projects are a few thousand groups. A project's ρ never falls from one round to the
/// next (shares only shrink), so the last ρ found is a lower bound and most projects need not be priced again.
/// Money is counted in decimal, exactly enough that a result does not depend on the order of additions.
/// </remarks>
public static class EqualShares
{
    private sealed class Group(int[] projects, int weight, decimal share)
    {
        public int[] Projects { get; } = projects;
        public int Weight { get; } = weight;
        public decimal Share { get; set; } = share;
    }

    public static BudgetResult Count(long amount, IReadOnlyList<BudgetProject> projects, IEnumerable<IReadOnlyList<int>> ballots)
    {
        var votes = new int[projects.Count];
        var (byBallot, voters) = projects.Count <= 64 ? GroupBy(ballots, votes, Mask) : GroupBy(ballots, votes, b => string.Join(',', b.Distinct().Order()));
        var funded = new List<FundedProject>();
        var isFunded = new bool[projects.Count];
        var left = amount;
        if (voters > 0)
        {
            var share = (decimal)amount / voters;
            var groups = byBallot.Select(g => new Group(g.Projects, g.Weight, share)).ToList();
            var supporters = new List<Group>[projects.Count];
            for (var p = 0; p < projects.Count; p++) supporters[p] = [];
            foreach (var g in groups)
                foreach (var p in g.Projects) supporters[p].Add(g);
            var lowerBound = new decimal[projects.Count];
            while (true)
            {
                var best = -1;
                var bestRho = decimal.MaxValue;
                // Cheapest-looking first; stop once no project can beat (or tie) the best found.
                foreach (var p in Enumerable.Range(0, projects.Count).Where(p => !isFunded[p] && votes[p] > 0).OrderBy(p => lowerBound[p]).ThenBy(p => p).ToList())
                {
                    if (lowerBound[p] > bestRho) break;
                    var rho = PricePerSupporter(projects[p].Cost, supporters[p]);
                    if (rho is null) { lowerBound[p] = decimal.MaxValue; continue; }
                    lowerBound[p] = rho.Value;
                    if (best < 0 || rho < bestRho || (rho == bestRho && Before(p, best)))
                        (best, bestRho) = (p, rho.Value);
                }
                if (best < 0) break;
                foreach (var g in supporters[best]) g.Share -= Math.Min(g.Share, bestRho);
                isFunded[best] = true;
                left -= projects[best].Cost;
                funded.Add(new(projects[best].Id, projects[best].Cost, votes[best], FundedBy.EqualShares));
            }
        }
        BudgetTally.Fill(projects, votes, isFunded, ref left, funded, FundedBy.Completion);
        return new(amount, funded, BudgetTally.VotesById(projects, votes), voters);

        bool Before(int a, int b) =>
            votes[a] != votes[b] ? votes[a] > votes[b] : projects[a].Cost != projects[b].Cost ? projects[a].Cost < projects[b].Cost : a < b;
    }

    /// <summary>The ballot as a set of projects: a bit each (up to 64 projects), or their numbers in order.</summary>
    private static ulong Mask(IReadOnlyList<int> ballot)
    {
        var mask = 0UL;
        foreach (var p in ballot) mask |= 1UL << p;
        return mask;
    }

    /// <summary>Voters with the same set of projects, and how many there are; each project's votes counted on the way.</summary>
    private static (IEnumerable<(int[] Projects, int Weight)> Groups, int Voters) GroupBy<TKey>(IEnumerable<IReadOnlyList<int>> ballots, int[] votes, Func<IReadOnlyList<int>, TKey> key)
        where TKey : notnull
    {
        var groups = new Dictionary<TKey, (IReadOnlyList<int> Ballot, int Weight)>();
        var voters = 0;
        foreach (var ballot in ballots)
        {
            voters++;
            var k = key(ballot);
            groups[k] = groups.TryGetValue(k, out var g) ? (g.Ballot, g.Weight + 1) : (ballot, 1);
        }
        var result = groups.Values.Select(g => (g.Ballot.Distinct().Order().ToArray(), g.Weight)).ToList();
        foreach (var (chosen, weight) in result)
            foreach (var p in chosen) votes[p] += weight;
        return (result, voters);
    }

    /// <summary>
    /// The least ρ such that the supporters, each paying ρ or all they have if less, pay the cost; null when all they
    /// have together is not enough.
    /// </summary>
    private static decimal? PricePerSupporter(long cost, List<Group> supporters)
    {
        var total = 0m;
        var weight = 0L;
        var least = decimal.MaxValue;
        foreach (var g in supporters)
        {
            total += g.Share * g.Weight;
            weight += g.Weight;
            least = Math.Min(least, g.Share);
        }
        if (total < cost - Tolerance || weight == 0) return null;
        var owed = (decimal)cost;
        // Usually every supporter can pay an equal part: no need to sort them.
        if (owed / weight <= least) return owed / weight;
        var last = 0m;
        foreach (var g in supporters.OrderBy(g => g.Share))
        {
            // Everyone left pays the same; one who has less than that pays all they have.
            var rho = owed / weight;
            if (rho <= g.Share) return rho;
            owed -= g.Share * g.Weight;
            weight -= g.Weight;
            last = g.Share;
        }
        // Every supporter pays all they have, and that is the cost (to the tolerance).
        return last;
    }

    /// <summary>
    /// A thousand-millionth of a won: shares are the amount divided by the voters, which decimal holds to 28 digits but
    /// not exactly (1,000 / 3), so three shares of a third may be that much short of the whole.
    /// </summary>
    private const decimal Tolerance = 0.000000001m;
}
