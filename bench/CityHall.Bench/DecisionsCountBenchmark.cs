using System.Diagnostics;
using CityHall.Web.Platform.Voting;

namespace CityHall.Bench;

/// <summary>
/// Counting a city-wide vote: a million knapsack ballots over a heading of 30 projects, each voter's ballot drawn
/// independently (projects chosen by popularity until the next would not fit), so nearly every ballot differs —
/// the hardest case for equal shares, which counts voters with the same ballot as one group. Then a million ranked
/// ballots over 8 options for Borda and instant runoff. Prints each rule's time and what it funded.
/// </summary>
public static class DecisionsCountBenchmark
{
    public static void Run(int ballots, int projectCount, int runs)
    {
        Console.WriteLine($"# decisions counting: {ballots:N0} ballots, {projectCount} projects, {runs} runs, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var random = new Random(2017);
        var projects = Projects(random, projectCount);
        var list = KnapsackBallots(random, projects, Amount, ballots);
        Console.WriteLine($"# distinct ballots: {list.Select(c => string.Join(',', c.Order())).Distinct().Count():N0}");
        Time("greedy by votes", runs, () => GreedyByVotes.Count(Amount, projects, list));
        Time("equal shares (with completion)", runs, () => EqualShares.Count(Amount, projects, list));

        const int options = 8;
        var ranked = new List<IReadOnlyList<int>>(ballots);
        for (var b = 0; b < ballots; b++)
            ranked.Add(Enumerable.Range(0, options).OrderBy(o => random.NextDouble() * (o + 1)).Take(1 + random.Next(options)).ToArray());
        Time("Borda, 8 options", runs, () => RankedCounting.Borda(options, ranked));
        Time("instant runoff, 8 options", runs, () => RankedCounting.InstantRunoff(options, ranked));
    }

    /// <summary>₩5 billion, a district heading.</summary>
    public const long Amount = 5_000_000_000;

    /// <summary>Projects costing ₩100 million to ₩1 billion.</summary>
    public static BudgetProject[] Projects(Random random, int count) =>
        Enumerable.Range(0, count).Select(i => new BudgetProject($"P{i:D2}", 100_000_000 + random.Next(900) * 1_000_000L)).ToArray();

    /// <summary>
    /// Ballots drawn independently: projects chosen by popularity (the i-th about 1/(i+1) as often as the first) until
    /// the next would not fit in the amount.
    /// </summary>
    public static List<IReadOnlyList<int>> KnapsackBallots(Random random, BudgetProject[] projects, long amount, int ballots)
    {
        var weights = Enumerable.Range(0, projects.Length).Select(i => 1.0 / (i + 1)).ToArray();
        var total = weights.Sum();
        var list = new List<IReadOnlyList<int>>(ballots);
        for (var b = 0; b < ballots; b++)
        {
            var chosen = new List<int>();
            var spent = 0L;
            for (var tries = 0; tries < projects.Length * 2; tries++)
            {
                var draw = random.NextDouble() * total;
                var p = 0;
                while ((draw -= weights[p]) > 0 && p < projects.Length - 1) p++;
                if (chosen.Contains(p)) continue;
                if (spent + projects[p].Cost > amount) break;
                chosen.Add(p);
                spent += projects[p].Cost;
            }
            list.Add(chosen);
        }
        return list;
    }

    private static void Time<T>(string name, int runs, Func<T> count)
    {
        var times = new List<double>();
        T result = default!;
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            result = count();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        var what = result switch
        {
            BudgetResult b => $"funded {b.Funded.Count} ({string.Join(' ', b.Funded.Select(f => f.Id + (f.By == FundedBy.Completion ? "*" : "")))}), left {b.Left:N0}",
            RankedCounting.RunoffResult r => $"winner {r.Winner} after {r.Rounds.Count} rounds",
            long[] points => $"points {string.Join(' ', points)}",
            _ => "",
        };
        Console.WriteLine($"{name,-34} best {times.Min(),8:N0} ms  worst {times.Max(),8:N0} ms  {what}");
    }
}
