namespace CityHall.Web.Modules.LiveEvents.Admin;

/// <summary>Staff's list of events: on air first, then coming, then past; with their question counts.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + LiveEventsModule.Moderate)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(LiveEvent Event, int Questions, int Waiting);

    public IReadOnlyList<Row> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var events = await db.Set<LiveEvent>().AsNoTracking().OrderByDescending(e => e.StartsAt).Take(200).ToListAsync(ct);
        var ids = events.Select(e => e.Id).ToList();
        var counts = await db.Set<Questions.LiveQuestion>().AsNoTracking().Where(q => ids.Contains(q.EventId))
            .GroupBy(q => q.EventId)
            .Select(g => new { g.Key, All = g.Count(), Waiting = g.Count(q => q.State == Questions.QuestionState.Pending || q.State == Questions.QuestionState.Held) })
            .ToDictionaryAsync(x => x.Key, ct);
        Events = events
            .OrderBy(e => e.State switch { LiveEventState.Live => 0, LiveEventState.Scheduled => 1, _ => 2 })
            .ThenBy(e => e.State == LiveEventState.Scheduled ? e.StartsAt.Ticks : -e.StartsAt.Ticks)
            .Select(e => new Row(e, counts.TryGetValue(e.Id, out var c) ? c.All : 0, counts.TryGetValue(e.Id, out var w) ? w.Waiting : 0))
            .ToList();
    }
}
