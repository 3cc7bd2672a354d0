namespace CityHall.Web.Modules.Decisions;

/// <summary>Reading polls as citizens see them: published ones only, in the phase the city's clock puts them.</summary>
public static class Polls
{
    /// <summary>
    /// The city's polls, as /votes lists them: published, and not a participatory budget heading's ballot (those are
    /// reached from their budget, whose phases they follow).
    /// </summary>
    public static IQueryable<Poll> Listed(this IQueryable<Poll> polls) => polls.Where(p => p.PublishedAt != null && p.BudgetHeadingId == null);

    /// <summary>Listed polls open for ballots at <paramref name="now"/> (what <see cref="Poll.PhaseAt"/> calls Open, in SQL).</summary>
    public static IQueryable<Poll> OpenAt(this IQueryable<Poll> polls, DateTime now) =>
        polls.Listed().Where(p => p.ClosedEarlyAt == null && p.OpensAt <= now && p.ClosesAt > now);

    /// <summary>How many polls are open for ballots now.</summary>
    public static Task<int> CountOpenAsync(AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        db.Set<Poll>().OpenAt(clock.GetUtcNow().UtcDateTime).CountAsync(ct);

    /// <summary>Listed polls that have closed by <paramref name="now"/> (what <see cref="Poll.PhaseAt"/> calls Closed, in SQL).</summary>
    public static IQueryable<Poll> ClosedBy(this IQueryable<Poll> polls, DateTime now) =>
        polls.Listed().Where(p => p.ClosedEarlyAt != null || p.ClosesAt <= now);

    /// <summary>Listed polls not closed at <paramref name="now"/>: open or coming up.</summary>
    public static IQueryable<Poll> NotClosedAt(this IQueryable<Poll> polls, DateTime now) =>
        polls.Listed().Where(p => p.ClosedEarlyAt == null && p.ClosesAt > now);

    /// <summary>
    /// Listed polls in the order /votes and the API give them, in SQL so a page of them is read, not all: open ones first
    /// (closing soonest first), then upcoming (opening soonest), then closed (latest to close first).
    /// </summary>
    public static IOrderedQueryable<Poll> InListOrder(this IQueryable<Poll> polls, DateTime now) => polls
        .OrderBy(p => p.ClosedEarlyAt != null || p.ClosesAt <= now ? 2 : p.OpensAt > now ? 1 : 0)
        .ThenBy(p => p.ClosedEarlyAt != null || p.ClosesAt <= now ? (DateTime?)null : p.OpensAt > now ? p.OpensAt : p.ClosesAt)
        // EndsAt, for the closed ones: an early close, or the planned one.
        .ThenByDescending(p => p.ClosedEarlyAt != null && p.ClosedEarlyAt < p.ClosesAt ? p.ClosedEarlyAt : p.ClosesAt)
        .ThenByDescending(p => p.Id);

    /// <summary>Listed polls in list order (<see cref="InListOrder"/>), one page of them (numbered from 1).</summary>
    public static async Task<IReadOnlyList<Poll>> PublishedAsync(AppDbContext db, DateTime now, int page, int pageSize, CancellationToken ct, PollPhase? phase = null)
    {
        var query = db.Set<Poll>().AsNoTracking().Listed();
        query = phase switch
        {
            PollPhase.Open => query.OpenAt(now),
            PollPhase.Upcoming => query.NotClosedAt(now).Where(p => p.OpensAt > now),
            PollPhase.Closed => query.ClosedBy(now),
            _ => query,
        };
        // Far pages are empty, not an overflow: (page - 1) * pageSize must stay an int.
        return await query.InListOrder(now).Skip((Math.Clamp(page, 1, 100_000) - 1) * pageSize).Take(pageSize).ToListAsync(ct);
    }

    /// <summary>A published poll with its options in ballot order; null when there is none (or it is still a draft).</summary>
    public static async Task<(Poll Poll, IReadOnlyList<PollOption> Options)?> FindPublishedAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var poll = await db.Set<Poll>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.PublishedAt != null, ct);
        if (poll is null) return null;
        return (poll, await db.Set<PollOption>().AsNoTracking().Where(o => o.PollId == id).OrderBy(o => o.Position).ToListAsync(ct));
    }
}
