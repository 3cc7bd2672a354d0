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
/// Voters with the same ballot keep the same share throughout, so they are counted as one group with a weight; and
/// voters who chose the same funded projects have the same share, so shares are kept by class (<see cref="ShareClasses"/>):
/// a million ballots over thirty projects may be half a million groups, but there is one class at first and a funding
/// at most doubles them (only the combinations of funded projects some voters chose). A project's ρ never
/// falls from one round to the next (shares only shrink), so the last ρ found is a lower bound and most projects need
/// not be priced again.
/// Money is counted in decimal, exactly enough that a result does not depend on the order of additions.
/// </remarks>
public static class EqualShares
{
    public static BudgetResult Count(long amount, IReadOnlyList<BudgetProject> projects, IEnumerable<IReadOnlyList<int>> ballots) =>
        CountGrouped(amount, projects, BudgetTally.OneEach(ballots));

    /// <summary>The same, from ballots given once with how many voters cast each (as a database groups them).</summary>
    public static BudgetResult CountGrouped(long amount, IReadOnlyList<BudgetProject> projects, IEnumerable<(IReadOnlyList<int> Ballot, int Weight)> ballots) =>
        Count(amount, projects, BallotGroups.Of(projects.Count, ballots));

    /// <summary>The same, from ballots grouped by set of projects.</summary>
    // A count runs once, after the close: compiled fully optimized at once rather than first in the quick tier.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static BudgetResult Count(long amount, IReadOnlyList<BudgetProject> projects, BallotGroups groups)
    {
        var votes = groups.Votes(projects.Count);
        var voters = groups.Voters;
        var funded = new List<FundedProject>();
        var isFunded = new bool[projects.Count];
        var left = amount;
        if (voters > 0)
        {
            var classes = new ShareClasses(projects.Count, groups, (decimal)amount / voters);
            var lowerBound = new decimal[projects.Count];
            while (true)
            {
                var best = -1;
                var bestRho = decimal.MaxValue;
                // Cheapest-looking first; stop once no project can beat (or tie) the best found.
                foreach (var p in Enumerable.Range(0, projects.Count).Where(p => !isFunded[p] && votes[p] > 0).OrderBy(p => lowerBound[p]).ThenBy(p => p).ToList())
                {
                    if (lowerBound[p] > bestRho) break;
                    var rho = classes.PricePerSupporter(p, projects[p].Cost);
                    if (rho is null) { lowerBound[p] = decimal.MaxValue; continue; }
                    lowerBound[p] = rho.Value;
                    if (best < 0 || rho < bestRho || (rho == bestRho && Before(p, best)))
                        (best, bestRho) = (p, rho.Value);
                }
                if (best < 0) break;
                classes.Pay(best, bestRho);
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
    /// What the voters have left, by class. A voter's share depends only on which of the projects funded so far they
    /// chose (each funding takes the same from everyone with the same share), so voters are kept in classes by that —
    /// at first one class, each funding splitting a class at most in two — and each project knows how many of its
    /// supporters are in each class. Pricing a project then walks the classes, not hundreds of thousands of
    /// different ballots; only a funding walks the ballots of its own supporters, to move them to their new class.
    /// </summary>
    private sealed class ShareClasses
    {
        private readonly BallotGroups groups;
        /// <summary>Each group's class.</summary>
        private readonly int[] classOf;
        /// <summary>The groups choosing each project.</summary>
        private readonly int[][] supporters;
        /// <summary>For each project, how many of its supporters are in each class.</summary>
        private readonly long[][] weights;
        private decimal[] shares;
        private int count;

        public ShareClasses(int projects, BallotGroups groups, decimal share)
        {
            this.groups = groups;
            classOf = new int[groups.Count];
            shares = new decimal[16];
            shares[0] = share;
            count = 1;
            weights = new long[projects][];
            for (var p = 0; p < projects; p++) weights[p] = new long[shares.Length];
            var counts = new int[projects];
            for (var g = 0; g < groups.Count; g++)
                foreach (var p in groups.ProjectsOf(g))
                {
                    counts[p]++;
                    weights[p][0] += groups.WeightOf(g);
                }
            supporters = counts.Select(c => new int[c]).ToArray();
            Array.Clear(counts);
            for (var g = 0; g < groups.Count; g++)
                foreach (var p in groups.ProjectsOf(g)) supporters[p][counts[p]++] = g;
        }

        /// <summary>
        /// The least ρ such that the project's supporters, each paying ρ or all they have if less, pay the cost; null
        /// when all they have together is not enough.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public decimal? PricePerSupporter(int project, long cost)
        {
            var inClass = weights[project];
            var total = 0m;
            var weight = 0L;
            var least = decimal.MaxValue;
            var most = 0m;
            for (var c = 0; c < count; c++)
            {
                if (inClass[c] == 0) continue;
                var share = shares[c];
                total += share * inClass[c];
                weight += inClass[c];
                if (share < least) least = share;
                if (share > most) most = share;
            }
            if (total < cost - Tolerance || weight == 0) return null;
            var owed = (decimal)cost;
            var rho = owed / weight;
            // Usually every supporter can pay an equal part.
            if (rho <= least) return rho;
            // Otherwise those with less than ρ pay all they have and the others share the rest, which raises ρ; with ρ
            // raised, more may have less than it. ρ only rises and those paying all only grow, so a few passes settle it.
            var poorBefore = -1L;
            while (true)
            {
                var paidByPoor = 0m;
                var poor = 0L;
                for (var c = 0; c < count; c++)
                    if (inClass[c] != 0 && shares[c] < rho)
                    {
                        paidByPoor += shares[c] * inClass[c];
                        poor += inClass[c];
                    }
                // Every supporter pays all they have, and that is the cost (to the tolerance).
                if (poor == weight) return most;
                if (poor == poorBefore) return rho;
                poorBefore = poor;
                rho = (owed - paidByPoor) / (weight - poor);
            }
        }

        /// <summary>The project is funded at ρ: each supporter pays ρ or all they have, and moves to the class of those who did.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public void Pay(int project, decimal rho)
        {
            // A class's supporters of this project all go to one new class (none of them had chosen a funded project
            // the others had not), so a class has at most one successor per funding.
            var next = new int[count];
            Array.Fill(next, -1);
            foreach (var g in supporters[project])
            {
                var from = classOf[g];
                var to = next[from];
                if (to < 0) to = next[from] = Add(shares[from] - Math.Min(shares[from], rho));
                classOf[g] = to;
                var weight = groups.WeightOf(g);
                foreach (var p in groups.ProjectsOf(g))
                {
                    weights[p][from] -= weight;
                    weights[p][to] += weight;
                }
            }
        }

        private int Add(decimal share)
        {
            if (count == shares.Length)
            {
                Array.Resize(ref shares, count * 2);
                for (var p = 0; p < weights.Length; p++) Array.Resize(ref weights[p], count * 2);
            }
            shares[count] = share;
            return count++;
        }
    }

    /// <summary>
    /// A thousand-millionth of a won: shares are the amount divided by the voters, which decimal holds to 28 digits but
    /// not exactly (1,000 / 3), so three shares of a third may be that much short of the whole.
    /// </summary>
    private const decimal Tolerance = 0.000000001m;
}
