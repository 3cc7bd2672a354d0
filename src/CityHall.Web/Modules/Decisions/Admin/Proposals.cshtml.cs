using System.Globalization;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Notifications;

namespace CityHall.Web.Modules.Decisions.Admin;

/// <summary>
/// The moderators' queue of what citizens propose here, oldest first: votes, each accepted (it becomes the city's
/// draft, which officials date, translate and publish) or declined; and budget ideas, each published (it can then be
/// supported) or declined (<see cref="Budgets.IdeaModeration"/>). A decline carries the reason its author reads.
/// Audited; the author is told.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + DecisionsModule.Moderate)]
public sealed class ProposalsModel(AppDbContext db, AuditLog audit, Notifier notifier, Budgets.IdeaModeration ideas, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    /// <summary>A budget idea waiting, with where it was proposed and its picture if it has one.</summary>
    public sealed record Idea(Budgets.BudgetProject Project, string Budget, string Heading, long? ImageId, string? ImageAlt);

    public IReadOnlyList<Idea> Ideas { get; private set; } = [];
    public int IdeasWaiting { get; private set; }

    /// <summary>An answer a voter wrote with "other", with its poll's question (never who wrote it).</summary>
    public sealed record OtherAnswer(long Id, long PollId, string Poll, string Text);

    public IReadOnlyList<OtherAnswer> OtherAnswers { get; private set; } = [];
    public int OtherAnswersWaiting { get; private set; }

    /// <summary>The most proposals the queue shows at once (the oldest first): a moderator's day, not the whole backlog.</summary>
    public const int PageSize = 100;

    public IReadOnlyList<Poll> Waiting { get; private set; } = [];
    public ILookup<long, PollOption> Options { get; private set; } = Array.Empty<PollOption>().ToLookup(o => o.PollId);
    public int WaitingCount { get; private set; }
    /// <summary>The reason field of the decline refused (none given), so its form shows the error.</summary>
    public string? Failed { get; private set; }

    /// <summary>What was just done ("accepted", "declined"), for the notice.</summary>
    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) => await ModerateAsync(id, Moderation.Published, null, ct);

    public async Task<IActionResult> OnPostDeclineAsync(long id, string? note, CancellationToken ct) =>
        await NoteMissingAsync($"note-{id}", note, ct) ?? await ModerateAsync(id, Moderation.Declined, note!.Trim(), ct);

    public async Task<IActionResult> OnPostPublishIdeaAsync(long id, CancellationToken ct)
    {
        await ideas.DecideAsync(User, id, Moderation.Published, null, ct);
        return Redirect("/admin/votes/proposals?done=idea-published#ideas");
    }

    public async Task<IActionResult> OnPostDeclineIdeaAsync(long id, string? note, CancellationToken ct)
    {
        if (await NoteMissingAsync($"idea-note-{id}", note, ct) is { } page) return page;
        await ideas.DecideAsync(User, id, Moderation.Declined, note!.Trim(), ct);
        return Redirect("/admin/votes/proposals?done=idea-declined#ideas");
    }

    /// <summary>
    /// Publishes or declines a voter's "other" answer: published, it is shown with the poll's results; declined, it is
    /// kept (the ballot counts as "other" either way) but never shown. No reason: its writer is not known to anyone.
    /// </summary>
    public async Task<IActionResult> OnPostOtherAsync(long id, bool? publish, CancellationToken ct)
    {
        // Neither button (a missing or unreadable value) decides nothing: a garbled form must not hide an answer.
        if (publish is not { } shown) return Redirect("/admin/votes/proposals#other");
        var to = shown ? Moderation.Published : Moderation.Declined;
        var changed = await db.Set<PollOtherAnswer>().Where(a => a.Id == id && a.Moderation == Moderation.Pending).ExecuteUpdateAsync(u => u.SetProperty(a => a.Moderation, to), ct);
        if (changed == 1)
            await audit.RecordAsync(User, shown ? "decisions.other.publish" : "decisions.other.decline", "poll-other-answer", id.ToString(CultureInfo.InvariantCulture), null, ct);
        return Redirect("/admin/votes/proposals?done=" + (shown ? "other-published" : "other-declined") + "#other");
    }

    /// <summary>The queue again with the error on the decline's reason when it is missing or too long; null when it is fine.</summary>
    private async Task<IActionResult?> NoteMissingAsync(string field, string? note, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(note) && note.Trim().Length <= 1000) return null;
        await LoadAsync(ct);
        Failed = field;
        ModelState.AddModelError(field, t["Decisions.Proposals.Error.Note"]);
        return Page();
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

        var pending = db.Set<Budgets.BudgetProject>().AsNoTracking().Where(p => p.Moderation == Moderation.Pending);
        IdeasWaiting = await pending.CountAsync(ct);
        var culture = CultureInfo.CurrentUICulture;
        Ideas = await (from p in pending
                       join b in db.Set<Budgets.Budget>() on p.BudgetId equals b.Id
                       join h in db.Set<Budgets.BudgetHeading>() on p.HeadingId equals h.Id
                       orderby p.Id
                       select new { p, b, h, Image = db.Set<Budgets.BudgetImage>().Where(i => i.ProjectId == p.Id && i.MilestoneId == null).Select(i => new { i.Id, i.AltText }).FirstOrDefault() })
            .Take(PageSize).AsAsyncEnumerable()
            .Select(x => new Idea(x.p, Budgets.Budgets.Title(x.b, culture), Budgets.Budgets.Name(x.h, culture), x.Image?.Id, x.Image?.AltText)).ToListAsync(ct);

        var others = db.Set<PollOtherAnswer>().AsNoTracking().Where(a => a.Moderation == Moderation.Pending);
        OtherAnswersWaiting = await others.CountAsync(ct);
        OtherAnswers = await (from a in others
                              join p in db.Set<Poll>() on a.PollId equals p.Id
                              orderby a.Id
                              select new OtherAnswer(a.Id, p.Id, p.TitleKo, a.Text)).Take(PageSize).ToListAsync(ct);
    }
}
