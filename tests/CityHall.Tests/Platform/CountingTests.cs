using CityHall.Web.Platform.Voting;

namespace CityHall.Tests.Platform;

/// <summary>The counting rules against small cases worked out by hand (the reasoning is in each test).</summary>
public sealed class CountingTests
{
    private static IEnumerable<IReadOnlyList<int>> Ballots(params (int Times, int[] Choices)[] kinds) =>
        kinds.SelectMany(k => Enumerable.Repeat<IReadOnlyList<int>>(k.Choices, k.Times));

    private static BudgetProject[] Projects(params (string Id, long Cost)[] projects) => projects.Select(p => new BudgetProject(p.Id, p.Cost)).ToArray();

    [Fact]
    public void Greedy_funds_by_votes_passes_over_what_does_not_fit_and_puts_the_cheaper_first_on_equal_votes()
    {
        // Votes: A 5, B 4, C 3, D 3. A (60) leaves 40; B (50) does not fit; D (20, cheaper than C) leaves 20; C (30) does not fit.
        var projects = Projects(("A", 60), ("B", 50), ("C", 30), ("D", 20));
        var result = GreedyByVotes.Count(100, projects, Ballots((2, [0, 1, 2]), (1, [0, 1, 3]), (1, [0, 1]), (1, [0, 3]), (1, [2, 3])));
        Assert.Equal(["A", "D"], result.Funded.Select(f => f.Id));
        Assert.All(result.Funded, f => Assert.Equal(FundedBy.Votes, f.By));
        Assert.Equal((80, 20), (result.Spent, result.Left));
        Assert.Equal(new Dictionary<string, int> { ["A"] = 5, ["B"] = 4, ["C"] = 3, ["D"] = 3 }, result.Votes);
        Assert.Equal(6, result.Ballots);
    }

    [Fact]
    public void Equal_shares_gives_a_minority_its_share_where_greedy_gives_the_majority_everything()
    {
        // 40 to share among 5 voters: 8 each. Three choose the four red projects, two the four blue ones; each costs 10.
        // Red pays 10/3 = 3.33 each for R1 (4.67 left each), then R2 (1.33 left: 4 together, R3 out of reach); blue pays
        // 5 each for B1 (3 left each: 6, B2 out of reach). 10 is left: the completion funds R3, the most voted that fits.
        var projects = Projects(("R1", 10), ("R2", 10), ("R3", 10), ("R4", 10), ("B1", 10), ("B2", 10), ("B3", 10), ("B4", 10));
        var ballots = Ballots((3, [0, 1, 2, 3]), (2, [4, 5, 6, 7])).ToList();
        var shares = EqualShares.Count(40, projects, ballots);
        Assert.Equal([("R1", FundedBy.EqualShares), ("R2", FundedBy.EqualShares), ("B1", FundedBy.EqualShares), ("R3", FundedBy.Completion)],
            shares.Funded.Select(f => (f.Id, f.By)));
        Assert.Equal(0, shares.Left);
        Assert.Equal(["R1", "R2", "R3", "R4"], GreedyByVotes.Count(40, projects, ballots).Funded.Select(f => f.Id));
    }

    [Fact]
    public void Equal_shares_lets_a_supporter_with_less_than_the_price_pay_all_they_have_and_the_others_the_rest()
    {
        // 30 among 3 voters: 10 each. A (12) and B (12) both cost 6 each to their two supporters; A is listed first.
        // After A, the voter who chose both has 4: B costs that voter 4 and the other 8 (not 6 each, which 4 cannot pay).
        var projects = Projects(("A", 12), ("B", 12), ("C", 9));
        var result = EqualShares.Count(30, projects, Ballots((1, [0]), (1, [0, 1]), (1, [1, 2])));
        Assert.Equal(["A", "B"], result.Funded.Select(f => f.Id));
        Assert.All(result.Funded, f => Assert.Equal(FundedBy.EqualShares, f.By));
        // C (9) is chosen by the one voter with 2 left: out of reach, and it does not fit in the 6 left either.
        Assert.Equal(6, result.Left);
    }

    [Fact]
    public void Equal_shares_counts_thirds_as_a_whole_and_nothing_without_ballots()
    {
        // 100 among three voters is 33.33… each, which decimal cannot hold exactly: together they still pay 100.
        var result = EqualShares.Count(100, Projects(("P", 100)), Ballots((3, [0])));
        Assert.Equal([("P", FundedBy.EqualShares)], result.Funded.Select(f => (f.Id, f.By)));
        var none = EqualShares.Count(100, Projects(("P", 100)), []);
        Assert.Empty(none.Funded);
        Assert.Equal(0, none.Ballots);
    }

    [Fact]
    public void Equal_shares_counts_a_million_ballots_as_groups_of_the_same_choice()
    {
        // 1,000,000 voters over 30 projects, their choices drawn from 2,000 ballots: the rule sees 2,000 groups.
        var random = new Random(18);
        var projects = Enumerable.Range(0, 30).Select(i => new BudgetProject($"P{i}", 10_000_000 + random.Next(90_000_000))).ToArray();
        var kinds = Enumerable.Range(0, 2_000).Select(_ => (IReadOnlyList<int>)Enumerable.Range(0, 30).Where(_ => random.Next(4) == 0).ToArray()).ToArray();
        var ballots = Enumerable.Range(0, 1_000_000).Select(i => kinds[(int)((long)i * 7919 % kinds.Length)]);
        var result = EqualShares.Count(500_000_000, projects, ballots);
        Assert.Equal(1_000_000, result.Ballots);
        Assert.InRange(result.Spent, 1, 500_000_000);
        Assert.Equal(result.Funded.Count, result.Funded.Select(f => f.Id).Distinct().Count());
    }

    [Fact]
    public void Equal_shares_funds_what_the_method_written_plainly_funds_on_random_ballots_one_by_one_or_grouped()
    {
        // The method as its definition reads: every voter on their own, ρ found by paying the supporters in order of
        // what they have left. The counted version groups voters and finds ρ without sorting; both must agree.
        var random = new Random(18);
        for (var round = 0; round < 200; round++)
        {
            var projects = Projects(Enumerable.Range(0, random.Next(2, 9)).Select(i => ($"P{i}", (long)random.Next(1, 60))).ToArray());
            var amount = (long)random.Next(20, 200);
            var ballots = Enumerable.Range(0, random.Next(1, 30))
                .Select(_ => (IReadOnlyList<int>)Enumerable.Range(0, projects.Length).Where(_ => random.Next(3) == 0).ToArray()).ToList();
            var expected = PlainEqualShares(amount, projects, ballots);
            Assert.Equal(expected, EqualShares.Count(amount, projects, ballots).Funded.Where(f => f.By == FundedBy.EqualShares).Select(f => f.Id));
            var grouped = ballots.GroupBy(b => string.Join(',', b)).Select(g => (g.First(), g.Count())).ToList();
            Assert.Equal(expected, EqualShares.CountGrouped(amount, projects, grouped).Funded.Where(f => f.By == FundedBy.EqualShares).Select(f => f.Id));
            // A heading of more than 64 projects (sets kept as lists, not bits): the same, the others chosen by no one.
            var many = projects.Concat(Enumerable.Range(0, 64).Select(i => new BudgetProject($"Z{i}", 1))).ToArray();
            Assert.Equal(expected, EqualShares.CountGrouped(amount, many, grouped).Funded.Where(f => f.By == FundedBy.EqualShares).Select(f => f.Id));
        }
    }

    [Fact]
    public void Ballots_are_grouped_by_set_whatever_the_order_or_repeats_on_a_ballot_and_for_any_number_of_projects()
    {
        foreach (var projects in new[] { 5, 64, 65, 200 })
        {
            var last = projects - 1;
            var groups = BallotGroups.Of(projects, [([0, last], 2), ([last, 0, 0], 3), ([], 1), ([1], 4)]);
            Assert.Equal((3, 10), (groups.Count, groups.Voters));
            var sets = Enumerable.Range(0, groups.Count).ToDictionary(g => string.Join(',', groups.ProjectsOf(g).ToArray()), groups.WeightOf);
            Assert.Equal(new Dictionary<string, int> { [$"0,{last}"] = 5, [""] = 1, ["1"] = 4 }, sets);
            var votes = groups.Votes(projects);
            Assert.Equal((5, 4, 5), (votes[0], votes[1], votes[last]));
        }
    }

    [Fact]
    public void A_stored_ballot_is_read_by_its_option_ids_passing_over_ids_not_on_the_ballot_and_garbage()
    {
        // Options 101..103 cost 40, 30, 30 of 100; what is stored is option ids, in any order, as text.
        foreach (var padding in new[] { 0, 70 })
        {
            var options = new[] { (101L, 40L), (102L, 30L), (103L, 30L) }.Concat(Enumerable.Range(0, padding).Select(i => (1000L + i, 1L)))
                .Select((o, i) => new CityHall.Web.Modules.Decisions.PollOption { Id = o.Item1, Cost = o.Item2, Position = i + 1, LabelKo = "사업" }).ToList();
            var result = CityHall.Web.Modules.Decisions.Budgets.BudgetResults.Count(100, options,
                [("101,102", 3), ("102,101", 1), ("103,999,x1,-5,,18446744073709551616", 2), ("", 1)]);
            Assert.Equal((4, 4, 2), (result.ByVotes.Votes["101"], result.ByVotes.Votes["102"], result.ByVotes.Votes["103"]));
            Assert.Equal(7, result.ByVotes.Ballots);
            Assert.Equal(["102", "101", "103"], result.ByVotes.Funded.Select(f => f.Id)); // 4 votes each: the cheaper first
        }
        // A ballot with no options at all: its ballots count, nothing is funded.
        var empty = CityHall.Web.Modules.Decisions.Budgets.BudgetResults.Count(100, [], [("101", 2)]);
        Assert.Equal((2, 0, 0), (empty.ByVotes.Ballots, empty.ByVotes.Funded.Count, empty.ByEqualShares.Funded.Count));
    }

    /// <summary>The Method of Equal Shares without completion, one voter at a time (ties: more votes, then cheaper, then first listed).</summary>
    private static List<string> PlainEqualShares(long amount, BudgetProject[] projects, List<IReadOnlyList<int>> ballots)
    {
        var shares = ballots.Select(_ => (decimal)amount / ballots.Count).ToArray();
        var votes = projects.Select((_, p) => ballots.Count(b => b.Contains(p))).ToArray();
        var funded = new List<string>();
        var done = new bool[projects.Length];
        while (true)
        {
            (int Project, decimal Rho)? best = null;
            for (var p = 0; p < projects.Length; p++)
            {
                var supporters = Enumerable.Range(0, ballots.Count).Where(v => ballots[v].Contains(p)).OrderBy(v => shares[v]).ToList();
                if (done[p] || supporters.Count == 0 || supporters.Sum(v => shares[v]) < projects[p].Cost - 0.000000001m) continue;
                decimal owed = projects[p].Cost, rho = 0;
                for (var i = 0; i < supporters.Count; i++)
                {
                    rho = owed / (supporters.Count - i);
                    if (rho <= shares[supporters[i]]) break;
                    owed -= shares[supporters[i]];
                    rho = shares[supporters[i]];
                }
                if (best is not { } b || rho < b.Rho || (rho == b.Rho && (votes[p] > votes[b.Project] || (votes[p] == votes[b.Project] && projects[p].Cost < projects[b.Project].Cost))))
                    best = (p, rho);
            }
            if (best is not { } chosen) return funded;
            foreach (var v in Enumerable.Range(0, ballots.Count).Where(v => ballots[v].Contains(chosen.Project))) shares[v] -= Math.Min(shares[v], chosen.Rho);
            done[chosen.Project] = true;
            funded.Add(projects[chosen.Project].Id);
        }
    }

    [Fact]
    public void Borda_gives_each_rank_its_points_and_an_unranked_option_none()
    {
        // Three options (A, B, C): first 2 points, second 1. 4 × A>B: A 8, B 4. 3 × B>C: B 6, C 3. 2 × C>B: C 4, B 2.
        var ballots = Ballots((4, [0, 1]), (3, [1, 2]), (2, [2, 1]));
        Assert.Equal([8L, 12L, 7L], RankedCounting.Borda(3, ballots));
    }

    [Fact]
    public void Instant_runoff_moves_the_last_options_ballots_to_their_next_choice_until_one_has_a_majority()
    {
        // 4 × A>B, 3 × B>C, 2 × C>B: A 4, B 3, C 2, no majority of 9; C goes out and its two ballots go to B: A 4, B 5.
        var result = RankedCounting.InstantRunoff(3, Ballots((4, [0, 1]), (3, [1, 2]), (2, [2, 1])).ToList());
        Assert.Equal(1, result.Winner);
        Assert.Equal(2, result.Rounds.Count);
        Assert.Equal([4, 3, 2], result.Rounds[0].Votes);
        Assert.Equal(2, result.Rounds[0].Eliminated);
        Assert.Equal([4, 5, -1], result.Rounds[1].Votes);
    }

    [Fact]
    public void Instant_runoff_breaks_a_tie_for_last_by_the_round_before_then_against_the_option_listed_last()
    {
        // 2 × A, 1 × B>C, 1 × C>B. Round 1: A 2, B 1, C 1 — B and C tie with no round before: C (listed last) goes.
        // Round 2: A 2, B 2, no majority of 4; A and B tie: in round 1 B had fewer, so B goes. Round 3: A 2 of the 2
        // ballots still counting (the other two have no option left).
        var result = RankedCounting.InstantRunoff(3, Ballots((2, [0]), (1, [1, 2]), (1, [2, 1])).ToList());
        Assert.Equal(0, result.Winner);
        Assert.Equal([2, 1], result.Rounds.Take(2).Select(r => r.Eliminated!.Value));
        Assert.Equal(2, result.Rounds[2].Exhausted);
    }
}
