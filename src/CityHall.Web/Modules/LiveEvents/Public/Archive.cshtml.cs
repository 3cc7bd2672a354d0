using CityHall.Web.Modules.LiveEvents.Questions;

namespace CityHall.Web.Modules.LiveEvents.Public;

/// <summary>After the event: the recording, the questions answered (with written answers), and the figures.</summary>
public sealed class ArchiveModel(AppDbContext db) : PageModel
{
    public LiveEvent Event { get; private set; } = null!;
    public IReadOnlyList<LiveQuestion> Answered { get; private set; } = [];
    public LiveEventStatistics Statistics { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await db.Set<LiveEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } ev) return NotFound();
        if (ev.State is LiveEventState.Scheduled or LiveEventState.Live) return Redirect($"/live/{id}");
        Event = ev;
        Answered = await db.Set<LiveQuestion>().AsNoTracking().Where(q => q.EventId == id && q.State == QuestionState.Answered)
            .OrderBy(q => q.AnsweredAt).ThenBy(q => q.Id).ToListAsync(ct);
        Statistics = await LiveEventStatistics.ForAsync(db, ev, ct);
        return Page();
    }
}
