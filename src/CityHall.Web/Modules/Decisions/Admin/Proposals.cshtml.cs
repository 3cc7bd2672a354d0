using System.Globalization;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Notifications;

namespace CityHall.Web.Modules.Decisions.Admin;

/// <summary>
/// The moderators' queue of votes citizens proposed, oldest first: each accepted (it becomes the city's draft, which
/// officials date, translate and publish) or declined with the reason its author reads. Audited; the author is told.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + DecisionsModule.Moderate)]
public sealed class ProposalsModel(AppDbContext db, AuditLog audit, Notifier notifier, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    /// <summary>The most proposals the queue shows at once (the oldest first): a moderator's day, not the whole backlog.</summary>
    public const int PageSize = 100;

    public IReadOnlyList<Poll> Waiting { get; private set; } = [];
    public ILookup<long, PollOption> Options { get; private set; } = Array.Empty<PollOption>().ToLookup(o => o.PollId);
    public int WaitingCount { get; private set; }
    /// <summary>The proposal a decline was refused for (no reason given), so its form shows the error.</summary>
    public long? Failed { get; private set; }

    /// <summary>What was just done ("accepted", "declined"), for the notice.</summary>
    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) => await ModerateAsync(id, Moderation.Published, null, ct);

    public async Task<IActionResult> OnPostDeclineAsync(long id, string? note, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > 1000)
        {
            await LoadAsync(ct);
            Failed = id;
            ModelState.AddModelError($"note-{id}", t["Decisions.Proposals.Error.Note"]);
            return Page();
        }
        return await ModerateAsync(id, Moderation.Declined, note.Trim(), ct);
    }

    private async Task<IActionResult> ModerateAsync(long id, Moderation to, string? note, CancellationToken ct)
    {
        var poll = await db.Set<Poll>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.ProposedBy != null, ct);
        if (poll is null) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        // Only a proposal still waiting moves: two moderators on one proposal, the first decides.
        var changed = await db.Set<Poll>().Where(p => p.Id == id && p.Moderation == Moderation.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Moderation, to).SetProperty(p => p.ModerationNote, note).SetProperty(p => p.UpdatedAt, now), ct);
        if (changed == 1)
        {
            await audit.RecordAsync(User, to == Moderation.Published ? "decisions.proposal.accept" : "decisions.proposal.decline", "poll",
                id.ToString(CultureInfo.InvariantCulture), new { Note = note }, ct);
            var key = to == Moderation.Published ? "Decisions.Proposals.Notify.Accepted" : "Decisions.Proposals.Notify.Declined";
            await notifier.ToUserAsync(poll.ProposedBy!, () => (t[key + ".Title"].Value, t[key + ".Body", poll.TitleKo, note ?? ""].Value), "/votes/proposals", ct);
            await db.SaveChangesAsync(ct); // the notifier only adds the messages
        }
        return Redirect("/admin/votes/proposals?done=" + (to == Moderation.Published ? "accepted" : "declined"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var waiting = db.Set<Poll>().AsNoTracking().Where(p => p.Moderation == Moderation.Pending);
        WaitingCount = await waiting.CountAsync(ct);
        Waiting = await waiting.OrderBy(p => p.Id).Take(PageSize).ToListAsync(ct);
        var ids = Waiting.Select(p => p.Id).ToList();
        Options = (await db.Set<PollOption>().AsNoTracking().Where(o => ids.Contains(o.PollId)).OrderBy(o => o.Position).ToListAsync(ct)).ToLookup(o => o.PollId);
    }
}
