using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CityHall.Web.Data;
using CityHall.Web.Modules.Decisions;
using CityHall.Web.Modules.Decisions.Budgets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CityHall.Bench;

/// <summary>
/// A budget heading's result as the app computes it, for a city-wide vote: a million voters' current ballots stored
/// in the database (the same independently drawn knapsack ballots as decisions-count, so nearly every one differs),
/// then the heading's results read and counted — grouped in the database by set of projects, funded by votes and by
/// equal shares (<see cref="BudgetResults.CountAsync"/>) — and the heading's results page requested from the app
/// (a new address each time, past the page cache: the first request counts, the app keeps the result for the others).
/// The ballots are written straight into the voters' table, not cast: this measures the count,
/// decisions measures the casting.
/// </summary>
public static class DecisionsResultsBenchmark
{
    public static async Task RunAsync(BenchOptions options, int ballots, int projectCount, int runs, CancellationToken ct)
    {
        options.PrintHeader("decisions-results");
        Console.WriteLine($"# {ballots:N0} ballots on a knapsack heading of {projectCount} projects, {runs} runs");
        await using var app = await AppProcess.StartAsync(options.Provider, options.Connection);
        var seeding = Stopwatch.StartNew();
        var (budget, heading, poll) = await SeedAsync(app, ballots, projectCount, ct);
        Console.WriteLine($"# seeded in {seeding.Elapsed.TotalSeconds:N0} s");
        await using (var db = app.OpenDatabase())
        {
            // A heading's ballot closes days after its last ballot: autovacuum has long since analyzed the voters' table and
            // marked its pages all-visible, so the grouped read can walk the (PollId, Choices) index alone. The bench reads
            // seconds after loading a million rows, before it has; VACUUM ANALYZE here is what autovacuum would have done.
            if (app.Provider != "Sqlite") await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE decision_voters", ct);
        }

        await using (var db = app.OpenDatabase())
        {
            var stored = await db.Set<Poll>().AsNoTracking().SingleAsync(p => p.Id == poll, ct);
            var optionRows = await db.Set<PollOption>().AsNoTracking().Where(o => o.PollId == poll).OrderBy(o => o.Position).ToListAsync(ct);
            var (times, reads, counts) = (new List<double>(), new List<double>(), new List<double>());
            BudgetResults.Counted? result = null;
            for (var run = 0; run < runs; run++)
            {
                var clock = Stopwatch.StartNew();
                var sets = await BudgetResults.ReadAsync(db, poll, ct);
                reads.Add(clock.Elapsed.TotalMilliseconds);
                result = BudgetResults.Count(stored.Amount ?? 0, optionRows, sets);
                times.Add(clock.Elapsed.TotalMilliseconds);
                counts.Add(times[^1] - reads[^1]);
                if (run == 0) Console.WriteLine($"# {sets.Count:N0} different ballots");
            }
            Console.WriteLine($"{"  the grouped read",-34} best {reads.Min(),8:N0} ms  worst {reads.Max(),8:N0} ms");
            Console.WriteLine($"{"  the count (both rules)",-34} best {counts.Min(),8:N0} ms  worst {counts.Max(),8:N0} ms");
            Console.WriteLine($"{"read and counted (both rules)",-34} best {times.Min(),8:N0} ms  worst {times.Max(),8:N0} ms  ballots {result!.ByVotes.Ballots:N0}, "
                + $"by votes {result.ByVotes.Funded.Count} funded ({result.ByVotes.Left:N0} left), by equal shares {result.ByEqualShares.Funded.Count} funded ({result.ByEqualShares.Left:N0} left)");
        }

        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var pageTimes = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            // A new address each time: the page's short public cache would answer a repeat.
            using var response = await client.GetAsync($"/budgets/{budget}/headings/{heading}?run={run}", ct);
            var html = await response.Content.ReadAsStringAsync(ct);
            pageTimes.Add(clock.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode || !html.Contains("data-budget-results", StringComparison.Ordinal))
                throw new InvalidOperationException($"The results page answered {(int)response.StatusCode} without its results.");
        }
        // The first request counts; the app keeps a closed heading's result, so the others only render it.
        Console.WriteLine($"{"results page GET, first (counts)",-34} {pageTimes[0],8:N0} ms");
        if (pageTimes.Count > 1) Console.WriteLine($"{"results page GET, then (kept)",-34} best {pageTimes.Skip(1).Min(),8:N0} ms  worst {pageTimes.Skip(1).Max(),8:N0} ms");
    }

    private static async Task<(long Budget, long Heading, long Poll)> SeedAsync(AppProcess app, int ballots, int projectCount, CancellationToken ct)
    {
        await using var db = app.OpenDatabase();
        var now = DateTime.UtcNow;
        var random = new Random(2017);
        var costs = DecisionsCountBenchmark.Projects(random, projectCount);
        var budget = new Budget
        {
            TitleKo = "벤치마크 참여예산", TitleEn = "Bench budget", IdeasFrom = now.AddDays(-10), SupportsFrom = now.AddDays(-9), ReviewFrom = now.AddDays(-8),
            BallotFrom = now.AddDays(-7), ResultsFrom = now.AddMinutes(-1), ExecutionFrom = now.AddDays(30), PublishedAt = now.AddDays(-11),
            BallotsPreparedAt = now.AddDays(-7), CreatedAt = now, UpdatedAt = now, CreatedBy = "bench",
        };
        db.Add(budget);
        await db.SaveChangesAsync(ct);
        var heading = new BudgetHeading { BudgetId = budget.Id, NameKo = "벤치마크 분야", Amount = DecisionsCountBenchmark.Amount };
        db.Add(heading);
        await db.SaveChangesAsync(ct);
        var projects = costs.Select((c, i) => new BudgetProject
        {
            BudgetId = budget.Id, HeadingId = heading.Id, TitleKo = $"사업 {i + 1}", Cost = c.Cost, Feasibility = Feasibility.Feasible, Selected = true,
            CreatedAt = now, UpdatedAt = now, CreatedBy = "bench",
        }).ToList();
        db.AddRange(projects);
        var poll = new Poll
        {
            TitleKo = "벤치마크 참여예산 · 벤치마크 분야", Kind = PollKind.Knapsack, MinChoices = 1, MaxChoices = projectCount, OpensAt = budget.BallotFrom, ClosesAt = budget.ResultsFrom,
            PublishedAt = budget.BallotsPreparedAt, Salt = RandomNumberGenerator.GetBytes(32), Amount = heading.Amount, MinAmount = 0, VoterCount = ballots,
            CreatedAt = now, UpdatedAt = now, CreatedBy = "bench",
        };
        db.Add(poll);
        await db.SaveChangesAsync(ct);
        poll.BudgetHeadingId = heading.Id;
        heading.PollId = poll.Id;
        var options = projects.Select((p, i) => new PollOption { PollId = poll.Id, Position = i + 1, LabelKo = p.TitleKo, ProjectId = p.Id, Cost = p.Cost }).ToList();
        db.AddRange(options);
        await db.SaveChangesAsync(ct);

        // The voters' current ballots, as the writer leaves them (choices: option ids in ascending order).
        var drawn = DecisionsCountBenchmark.KnapsackBallots(random, costs, DecisionsCountBenchmark.Amount, ballots);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using (var rows = new RowStatement(db.Database.GetDbConnection(), transaction.GetDbTransaction(), values =>
            "INSERT INTO decision_voters (\"PollId\", \"Commitment\", \"Sequence\", \"Choices\", \"DistrictCode\", \"VotedAt\", \"Paper\") VALUES " + values, 7, RowStatement.RowsPerStatementFor(db)))
        {
            var at = new DateTimeOffset(now.AddDays(-1));
            for (var b = 0; b < drawn.Count; b++)
                await rows.AddAsync(ct, poll.Id, b.ToString("x64", CultureInfo.InvariantCulture), (long)b + 1, PollBallot.ChoicesOf(drawn[b].Select(i => options[i].Id)), null, at, false);
            await rows.FlushAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return (budget.Id, heading.Id, poll.Id);
    }
}
