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

    /// <summary>Listed polls: open ones first (closing soonest first), then upcoming, then closed (latest first).</summary>
    public static async Task<IReadOnlyList<Poll>> PublishedAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        var polls = await db.Set<Poll>().AsNoTracking().Listed().ToListAsync(ct);
        return polls.OrderBy(p => p.PhaseAt(now) switch { PollPhase.Open => 0, PollPhase.Upcoming => 1, _ => 2 })
            .ThenBy(p => p.PhaseAt(now) == PollPhase.Closed ? -p.EndsAt.Ticks : p.EndsAt.Ticks).ToList();
    }

    /// <summary>A published poll with its options in ballot order; null when there is none (or it is still a draft).</summary>
    public static async Task<(Poll Poll, IReadOnlyList<PollOption> Options)?> FindPublishedAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var poll = await db.Set<Poll>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.PublishedAt != null, ct);
        if (poll is null) return null;
        return (poll, await db.Set<PollOption>().AsNoTracking().Where(o => o.PollId == id).OrderBy(o => o.Position).ToListAsync(ct));
    }
}
