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
    public static BudgetResult Count(long amount, IReadOnlyList<BudgetProject> projects, IEnumerable<IReadOnlyList<int>> ballots) =>
        CountGrouped(amount, projects, BudgetTally.OneEach(ballots));

    /// <summary>The same, from ballots given once with how many voters cast each (as a database groups them).</summary>
    // A count runs once, after the close: compiled fully optimized at once rather than first in the quick tier.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static BudgetResult CountGrouped(long amount, IReadOnlyList<BudgetProject> projects, IEnumerable<(IReadOnlyList<int> Ballot, int Weight)> ballots)
    {
        var votes = new int[projects.Count];
        var (byBallot, voters) = projects.Count <= 64 ? GroupBySet(ballots) : GroupByText(ballots);
        foreach (var (chosen, weight) in byBallot)
            foreach (var p in chosen) votes[p] += weight;
        var funded = new List<FundedProject>();
        var isFunded = new bool[projects.Count];
        var left = amount;
        if (voters > 0)
        {
            var share = (decimal)amount / voters;
            // The groups' shares and weights side by side, and each project's supporters as the groups' numbers: a
            // pricing walks plain arrays, not objects scattered on the heap.
            var shares = new decimal[byBallot.Count];
            var weights = new int[byBallot.Count];
            var counts = new int[projects.Count];
            for (var g = 0; g < byBallot.Count; g++)
            {
                (shares[g], weights[g]) = (share, byBallot[g].Weight);
                foreach (var p in byBallot[g].Projects) counts[p]++;
            }
            var supporters = counts.Select(c => new int[c]).ToArray();
            Array.Clear(counts);
            for (var g = 0; g < byBallot.Count; g++)
                foreach (var p in byBallot[g].Projects) supporters[p][counts[p]++] = g;
            var lowerBound = new decimal[projects.Count];
            while (true)
            {
                var best = -1;
                var bestRho = decimal.MaxValue;
                // Cheapest-looking first; stop once no project can beat (or tie) the best found.
                foreach (var p in Enumerable.Range(0, projects.Count).Where(p => !isFunded[p] && votes[p] > 0).OrderBy(p => lowerBound[p]).ThenBy(p => p).ToList())
                {
                    if (lowerBound[p] > bestRho) break;
                    var rho = PricePerSupporter(projects[p].Cost, supporters[p], shares, weights);
                    if (rho is null) { lowerBound[p] = decimal.MaxValue; continue; }
                    lowerBound[p] = rho.Value;
                    if (best < 0 || rho < bestRho || (rho == bestRho && Before(p, best)))
                        (best, bestRho) = (p, rho.Value);
                }
                if (best < 0) break;
                foreach (var g in supporters[best]) shares[g] -= Math.Min(shares[g], bestRho);
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

    /// <summary>
    /// Voters with the same set of projects, and how many there are: each set a 64-bit mask (a bit a project, so up to
    /// 64 projects), its projects read back from the bits in order.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (List<(int[] Projects, int Weight)> Groups, int Voters) GroupBySet(IEnumerable<(IReadOnlyList<int> Ballot, int Weight)> ballots)
    {
        var weights = new Dictionary<ulong, int>();
        var voters = 0;
        foreach (var (ballot, weight) in ballots)
        {
            voters += weight;
            var mask = 0UL;
            foreach (var p in ballot) mask |= 1UL << p;
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(weights, mask, out _) += weight;
        }
        var groups = new List<(int[], int)>(weights.Count);
        foreach (var (mask, weight) in weights)
        {
            var projects = new int[System.Numerics.BitOperations.PopCount(mask)];
            var rest = mask;
            for (var i = 0; rest != 0; i++, rest &= rest - 1) projects[i] = System.Numerics.BitOperations.TrailingZeroCount(rest);
            groups.Add((projects, weight));
        }
        return (groups, voters);
    }

    /// <summary>The same for headings of more than 64 projects: each set keyed by its project numbers in order.</summary>
    private static (List<(int[] Projects, int Weight)> Groups, int Voters) GroupByText(IEnumerable<(IReadOnlyList<int> Ballot, int Weight)> ballots)
    {
        var groups = new Dictionary<string, (int[] Projects, int Weight)>(StringComparer.Ordinal);
        var voters = 0;
        foreach (var (ballot, weight) in ballots)
        {
            voters += weight;
            var projects = ballot.Distinct().Order().ToArray();
            var key = string.Join(',', projects);
            groups[key] = groups.TryGetValue(key, out var g) ? (g.Projects, g.Weight + weight) : (projects, weight);
        }
        return (groups.Values.ToList(), voters);
    }

    /// <summary>
    /// The least ρ such that the supporters, each paying ρ or all they have if less, pay the cost; null when all they
    /// have together is not enough.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static decimal? PricePerSupporter(long cost, int[] supporters, decimal[] shares, int[] weights)
    {
        var total = 0m;
        var weight = 0L;
        var least = decimal.MaxValue;
        var most = 0m;
        foreach (var g in supporters)
        {
            var share = shares[g];
            total += share * weights[g];
            weight += weights[g];
            if (share < least) least = share;
            if (share > most) most = share;
        }
        if (total < cost - Tolerance || weight == 0) return null;
        var owed = (decimal)cost;
        var rho = owed / weight;
        // Usually every supporter can pay an equal part.
        if (rho <= least) return rho;
        // Otherwise those with less than ρ pay all they have and the others share the rest, which raises ρ; with ρ
        // raised, more may have less than it. ρ only rises and those paying all only grow, so a few passes settle it
        // (no sort of hundreds of thousands of supporters).
        var poorBefore = -1L;
        while (true)
        {
            var paidByPoor = 0m;
            var poor = 0L;
            foreach (var g in supporters)
                if (shares[g] < rho)
                {
                    paidByPoor += shares[g] * weights[g];
                    poor += weights[g];
                }
            // Every supporter pays all they have, and that is the cost (to the tolerance).
            if (poor == weight) return most;
            if (poor == poorBefore) return rho;
            poorBefore = poor;
            rho = (owed - paidByPoor) / (weight - poor);
        }
    }

    /// <summary>
    /// A thousand-millionth of a won: shares are the amount divided by the voters, which decimal holds to 28 digits but
    /// not exactly (1,000 / 3), so three shares of a third may be that much short of the whole.
    /// </summary>
    private const decimal Tolerance = 0.000000001m;
}
