namespace CityHall.Web.Modules.LiveEvents.Public;

/// <summary>Live events: on air now, coming up (with the calendar feed), and past ones with their archives.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<LiveEvent> OnAir { get; private set; } = [];
    public IReadOnlyList<LiveEvent> Upcoming { get; private set; } = [];
    public IReadOnlyList<LiveEvent> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var events = await db.Set<LiveEvent>().AsNoTracking().OrderByDescending(e => e.StartsAt).Take(100).ToListAsync(ct);
        OnAir = events.Where(e => e.State == LiveEventState.Live).ToList();
        Upcoming = events.Where(e => e.State == LiveEventState.Scheduled).OrderBy(e => e.StartsAt).ToList();
        Past = events.Where(e => e.State is LiveEventState.Ended or LiveEventState.Archived).Take(30).ToList();
    }
}
