using System.Globalization;
using CityHall.Web.Modules.LiveEvents.Live;
using CityHall.Web.Modules.LiveEvents.Questions;

namespace CityHall.Web.Modules.LiveEvents.Admin;

/// <summary>
/// The moderation console of one event: the stage, the queue by state (waiting first), and on
/// each question the decisions a moderator may take, all as plain form posts; the page's script
/// refreshes the queue as other moderators decide and new questions arrive. Officials also move
/// the event on (live, ended, archived).
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + LiveEventsModule.Moderate)]
public sealed class ConsoleModel(AppDbContext db, Moderation moderation, LiveEventStates states, ViewerCounter viewers, IStringLocalizer<Text> t) : PageModel
{
    public static readonly string[] Views = ["waiting", "approved", "answered", "hidden", "all"];

    public LiveEvent Event { get; private set; } = null!;
    public IReadOnlyList<LiveQuestion> Queue { get; private set; } = [];
    public LiveQuestion? OnStage { get; private set; }
    public IReadOnlyDictionary<QuestionState, int> Counts => Statistics.ByState;
    public string Show { get; private set; } = "waiting";
    public string? Message { get; private set; }
    public (int Pc, int Mobile) ViewersHere { get; private set; }
    public LiveEventStatistics Statistics { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, string? show, string? refused, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, show, ct)) return NotFound();
        if (refused is not null) ModelState.AddModelError("", t[refused.StartsWith("LiveEvents.", StringComparison.Ordinal) ? refused : "LiveEvents.Refused." + refused]);
        if (done is not null) Message = t["LiveEvents.Done." + done];
        return Page();
    }

    /// <summary>Every question of the event as CSV (for the record and for answering in writing afterwards).</summary>
    public async Task<IActionResult> OnGetCsvAsync(long id, CancellationToken ct)
    {
        if (!await db.Set<LiveEvent>().AnyAsync(e => e.Id == id, ct)) return NotFound();
        var questions = await db.Set<LiveQuestion>().AsNoTracking().Where(q => q.EventId == id).OrderBy(q => q.Id).ToListAsync(ct);
        static DateTimeOffset? Utc(DateTime? t) => t is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
        var bytes = CsvExport.ToBytes(
            ["id", "received_at", "channel", "sender", "state", "text", "original_text", "supports", "held_for", "merged_into",
             "decided_by", "decided_at", "on_stage_at", "answered_at", "answer"],
            questions.Select(q => new[]
            {
                CsvExport.Number(q.Id), CsvExport.Time(Utc(q.ReceivedAt)), q.Channel.ToString(), q.SenderLabel, q.State.ToString(), q.Text,
                q.OriginalText ?? "", CsvExport.Number(q.Supports), q.HeldFor ?? "", q.MergedIntoId is { } m ? CsvExport.Number(m) : "",
                q.DecidedBy ?? "", CsvExport.Time(Utc(q.DecidedAt)), CsvExport.Time(Utc(q.OnStageAt)), CsvExport.Time(Utc(q.AnsweredAt)), q.Answer ?? "",
            }));
        return File(bytes, "text/csv; charset=utf-8", $"live-event-{id}-questions.csv");
    }

    /// <summary>A moderator's decision on one question.</summary>
    public async Task<IActionResult> OnPostDecideAsync(long id, long question, ModerationAction? decision, string? text, long? into, string? show, CancellationToken ct)
    {
        // Nullable: a missing or unknown decision must not bind to the enum's first value (approve).
        if (decision is not { } action || !Enum.IsDefined(action)) return BadRequest();
        var refusal = await moderation.ApplyAsync(User, id, question, action, text, into, ct);
        var view = Views.Contains(show) ? show : "waiting";
        return refusal == ModerationRefusal.None
            ? Redirect($"/admin/live/{id}?show={view}&done={action}#q-{question}")
            : Redirect($"/admin/live/{id}?show={view}&refused={refusal}#q-{question}");
    }

    /// <summary>Takes the event to its next state (officials only).</summary>
    public async Task<IActionResult> OnPostMoveAsync(long id, LiveEventState? to, string? recordingUrl, CancellationToken ct)
    {
        if (!User.HasPermission(LiveEventsModule.Manage)) return Forbid();
        if (to is not { } next || !Enum.IsDefined(next)) return BadRequest();
        var refusal = await states.MoveAsync(User, id, next, recordingUrl, ct);
        return Redirect(refusal is null ? $"/admin/live/{id}?done={next}" : $"/admin/live/{id}?refused={refusal}");
    }

    private async Task<bool> LoadAsync(long id, string? show, CancellationToken ct)
    {
        if (await db.Set<LiveEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } ev) return false;
        Event = ev;
        Show = Views.Contains(show) ? show! : "waiting";
        var questions = db.Set<LiveQuestion>().AsNoTracking().Where(q => q.EventId == id);
        var filtered = Show switch
        {
            "waiting" => questions.Where(q => q.State == QuestionState.Pending || q.State == QuestionState.Held).OrderBy(q => q.Id),
            "approved" => questions.Where(q => q.State == QuestionState.Approved).OrderByDescending(q => q.Supports).ThenBy(q => q.Id),
            "answered" => questions.Where(q => q.State == QuestionState.Answered).OrderByDescending(q => q.Id),
            "hidden" => questions.Where(q => q.State == QuestionState.Hidden || q.State == QuestionState.Merged).OrderByDescending(q => q.Id),
            _ => questions.OrderByDescending(q => q.Id),
        };
        Queue = await filtered.Take(ModerationQueue.PageSize).ToListAsync(ct);
        if (ev.OnStageQuestionId is { } stage) OnStage = await questions.FirstOrDefaultAsync(q => q.Id == stage, ct);
        ViewersHere = viewers.Count(id);
        Statistics = await LiveEventStatistics.ForAsync(db, ev, ct);
        return true;
    }

    public int Count(params QuestionState[] states) => states.Sum(s => Counts.GetValueOrDefault(s));

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
