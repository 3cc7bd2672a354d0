using CityHall.Web.Platform.Voting;
using Microsoft.Extensions.Caching.Memory;

namespace CityHall.Web.Modules.Decisions.Budgets;

/// <summary>
/// A heading's result, counted from its ballot's current ballots (each voter's last): the usual rule (projects by
/// votes, each funded when it still fits) and the Method of Equal Shares beside it for comparison. The ballots are
/// read grouped (each set of projects once, with how many chose it) and counted as such, never one by one.
/// </summary>
public static class BudgetResults
{
    public sealed record Counted(BudgetResult ByVotes, BudgetResult ByEqualShares);

    public static async Task<Counted> CountAsync(AppDbContext db, Poll poll, IReadOnlyList<PollOption> options, CancellationToken ct) =>
        Count(poll.Amount ?? 0, options, await ReadAsync(db, poll.Id, ct));

    /// <summary>Each set of choices the voters' current ballots hold (option ids as stored on the chain), with how many hold it.</summary>
    public static async Task<IReadOnlyList<(string Choices, int Count)>> ReadAsync(AppDbContext db, long pollId, CancellationToken ct)
    {
        var sets = new List<(string, int)>();
        await foreach (var set in db.Set<PollVoter>().AsNoTracking().Where(v => v.PollId == pollId)
            .GroupBy(v => v.Choices).Select(g => new { Choices = g.Key, Count = g.Count() }).AsAsyncEnumerable().WithCancellation(ct))
            sets.Add((set.Choices, set.Count));
        return sets;
    }

    /// <summary>The two results from sets of choices and how many ballots gave each.</summary>
    public static Counted Count(long amount, IReadOnlyList<PollOption> options, IEnumerable<(string Choices, int Count)> sets)
    {
        var projects = options.Select(o => new Platform.Voting.BudgetProject(o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Cost ?? 0)).ToList();
        var index = options.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var groups = options.Count <= 64
            ? SetsOf(sets, index)
            : BallotGroups.Of(options.Count, sets.Select(s => ((IReadOnlyList<int>)Indices(s.Choices, index), s.Count)));
        return new(GreedyByVotes.Count(amount, projects, groups), EqualShares.Count(amount, projects, groups));
    }

    /// <summary>
    /// Up to 64 options: each stored set of choices read straight into a set of bits and counted, with no array or
    /// string made for it — a city-wide count reads hundreds of thousands of different sets, and a cold app's first
    /// count is what its first visitors would wait for. The same reading as <see cref="OptionId"/>: an id is decimal
    /// digits; anything else between the commas, or an id not on the ballot, is passed over.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static BallotGroups SetsOf(IEnumerable<(string Choices, int Count)> sets, Dictionary<long, int> index)
    {
        // A poll's options are written together, so their ids are usually a short run: a place by id from an array.
        var (lowest, highest) = index.Count == 0 ? (0L, -1L) : (index.Keys.Min(), index.Keys.Max());
        var places = index.Count > 0 && highest - lowest < 4096 ? new int[highest - lowest + 1] : null;
        if (places is not null)
        {
            Array.Fill(places, -1);
            foreach (var (id, place) in index) places[id - lowest] = place;
        }
        var counter = new BallotGroups.SetCounter(sets.TryGetNonEnumeratedCount(out var known) ? known : 0);
        foreach (var (choices, count) in sets)
        {
            var set = 0UL;
            var id = 0L;
            var state = 0; // 0: nothing read, 1: digits, 2: not an id
            for (var i = 0; i <= choices.Length; i++)
            {
                var c = i < choices.Length ? choices[i] : ',';
                if (c == ',')
                {
                    // (Written out here, not as a function: the first count is what a cold app's JIT would slow.)
                    var place = state != 1 ? -1 : places is not null ? (id >= lowest && id <= highest ? places[id - lowest] : -1) : index.TryGetValue(id, out var p) ? p : -1;
                    if (place >= 0) set |= 1UL << place;
                    (id, state) = (0, 0);
                }
                else if (state != 2 && c is >= '0' and <= '9' && id <= (long.MaxValue - 9) / 10) (id, state) = (id * 10 + (c - '0'), 1);
                else state = 2;
            }
            counter.Add(set, count);
        }
        return counter.ToGroups();
    }

    /// <summary>An option id as stored (decimal digits only); null for anything else, which is passed over.</summary>
    private static long? OptionId(ReadOnlySpan<char> text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>
    /// A stored set of choices ("12,15,40") as the options' places in the ballot (more than 64 options); an id not on
    /// it is passed over.
    /// </summary>
    private static int[] Indices(string choices, Dictionary<long, int> index)
    {
        var found = new List<int>(8);
        foreach (var range in choices.AsSpan().Split(','))
            if (OptionId(choices.AsSpan(range)) is { } id && index.TryGetValue(id, out var i)) found.Add(i);
        return [.. found];
    }
}

/// <summary>
/// A closed heading's result, counted once per node and kept: after the close its ballots no longer change, and a
/// city-wide count takes a second or two, which a page must not spend on every visitor. Keyed by the chain's length,
/// so a result is never kept for ballots it did not count. Visitors arriving together share one count.
/// </summary>
public sealed class BudgetResultsCache(IMemoryCache cache, IServiceScopeFactory scopes)
{
    public async Task<BudgetResults.Counted> GetAsync(Poll poll, IReadOnlyList<PollOption> options)
    {
        var key = ("budget-results", poll.Id, poll.ChainLength);
        var counting = cache.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(6);
            return new Lazy<Task<BudgetResults.Counted>>(() => CountAsync(poll, options));
        })!;
        try { return await counting.Value; }
        catch
        {
            // A failed count (the database was away) is not kept: the next visitor counts again.
            cache.Remove(key);
            throw;
        }
    }

    /// <summary>Whether this node holds the poll's result counted, as its chain stands (what the warmer leaves behind).</summary>
    public bool HasCounted(Poll poll) =>
        cache.TryGetValue(("budget-results", poll.Id, poll.ChainLength), out Lazy<Task<BudgetResults.Counted>>? counting)
        && counting is { IsValueCreated: true, Value.IsCompletedSuccessfully: true };

    private async Task<BudgetResults.Counted> CountAsync(Poll poll, IReadOnlyList<PollOption> options)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await BudgetResults.CountAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), poll, options, CancellationToken.None);
    }
}

/// <summary>
/// Counts each budget heading's ballot once it has closed, in the background, so that the crowd arriving for the
/// results finds them counted (<see cref="BudgetResultsCache"/>) rather than the first visitor waiting for a million
/// ballots to be read and counted. Every minute, each node, for the ballots closed within the last day (later ones
/// are counted by their first visitor again, should the node have dropped them).
/// </summary>
public sealed class BudgetResultsWarmer(IServiceScopeFactory scopes, BudgetResultsCache results, TimeProvider clock, ILogger<BudgetResultsWarmer> logger)
    : Platform.Hosting.PeriodicJob(logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    protected override Task RunOnceAsync(CancellationToken ct) => WarmAsync(ct);

    /// <summary>Counts (or finds counted) every heading's ballot closed within the last day; returns how many.</summary>
    public async Task<int> WarmAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-1);
        var closed = await db.Set<Poll>().AsNoTracking()
            .Where(p => p.BudgetHeadingId != null && p.PublishedAt != null && (p.ClosedEarlyAt ?? p.ClosesAt) <= now && (p.ClosedEarlyAt ?? p.ClosesAt) > since)
            .Select(p => p.Id).ToListAsync(ct);
        foreach (var id in closed)
            // The same reading of the poll as the heading's page, so the result kept is the one it asks for.
            if (await Polls.FindPublishedAsync(db, id, ct) is var (poll, options)) await results.GetAsync(poll, options);
        return closed.Count;
    }
}
