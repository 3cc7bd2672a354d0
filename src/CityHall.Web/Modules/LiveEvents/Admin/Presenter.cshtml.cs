using CityHall.Web.Modules.LiveEvents.Live;

namespace CityHall.Web.Modules.LiveEvents.Admin;

/// <summary>The presenter's screen (the mayor's): the question on stage and the next five, in large type, kept current by the page's script.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + LiveEventsModule.Moderate)]
public sealed class PresenterModel(AppDbContext db, LiveUpdates updates) : PageModel
{
    public const int Next = 5;
    public LiveEvent Event { get; private set; } = null!;
    public LiveSnapshot Snapshot { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await db.Set<LiveEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } ev) return NotFound();
        Event = ev;
        Snapshot = (await updates.FreshAsync(id, ct))!;
        return Page();
    }
}
