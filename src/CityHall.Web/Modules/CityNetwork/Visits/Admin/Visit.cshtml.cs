using System.Globalization;
using CityHall.Web.Modules.CityNetwork.Admin;
using CityHall.Web.Modules.CityNetwork.Visits.Public;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Visits.Admin;

/// <summary>
/// One study visit as the secretariat plans it: the request (or a new one copied from a letter), the programme's
/// sessions with every calendar conflict beside them (another visit at the site or with the host at that time, the
/// delegation in two places, a group larger than the site takes, a day outside those offered), and the steps:
/// propose, confirm on the delegation's word, reopen, decline, cancel, record as held. Then the delegation's feedback.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class VisitModel(AppDbContext db, VisitDesk desk, Countries countries, CityClock clock, IOptionsMonitor<CityNetworkOptions> options,
    IStringLocalizer<Text> t) : PageModel, IVisitRequestForm
{
    [BindProperty] public VisitRequestInput Input { get; set; } = new();
    [BindProperty] public SessionInput Session { get; set; } = new();
    [BindProperty] public HeldInput Held { get; set; } = new();
    [BindProperty, Display(Name = "Network.Visit.Field.Reason"), StringLength(StudyVisit.ReasonMax, ErrorMessage = "Form.TooLong")]
    public string? Reason { get; set; }
    [TempData] public string? Refusal { get; set; }

    public StudyVisit? Existing { get; private set; }
    public VisitSummary? Summary { get; private set; }
    public IReadOnlyList<ProgrammeRow> Programme { get; private set; } = [];
    public ILookup<long, SessionConflict> Conflicts { get; private set; } = Array.Empty<SessionConflict>().ToLookup(c => c.SessionId);
    public VisitFeedback? Feedback { get; private set; }
    public VisitChoices Choices { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> SiteItems { get; private set; } = [];
    public CityNetworkOptions Network => options.CurrentValue;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var visitId = EditRoutes.IdOf(id);
        if (visitId < 0 || !await LoadAsync(visitId, ct)) return NotFound();
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        if (Existing is { } visit)
        {
            // The next session starts where the last one ended (or on the first day offered, at ten).
            var start = Programme.Count > 0 ? clock.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(Programme[^1].Session.EndsAt, DateTimeKind.Utc))).DateTime.AddMinutes(30)
                : visit.PreferredFrom.ToDateTime(new TimeOnly(10, 0));
            Session = new SessionInput { StartsAt = start, EndsAt = start.AddMinutes(90) };
            Held = new HeldInput { HeldOn = visit.PreferredFrom, Visitors = visit.People };
        }
        return Page();
    }

    /// <summary>A request received by letter or e-mail, entered by staff (no notice period: it may be recorded late).</summary>
    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (EditRoutes.IdOf(id) != 0 || !await LoadAsync(0, ct)) return NotFound();
        ModelState.CheckOnly("Input.");
        Input.Check(ModelState, Network, countries, Choices.SiteIds, Choices.MemberIds, Today, noticeDays: 0, t);
        if (!ModelState.IsValid) return Page();
        var (visit, refusal) = await desk.RequestAsync(User, VisitChannel.Letter, Input, ct);
        if (visit is null) { ModelState.AddModelError(string.Empty, desk.Explain(refusal)); return Page(); }
        return Redirect($"/admin/network/visits/{visit.Id}?saved=true");
    }

    public async Task<IActionResult> OnPostSessionAsync(long id, CancellationToken ct)
    {
        if (id <= 0 || !await LoadAsync(id, ct)) return NotFound();
        ModelState.CheckOnly("Session.");
        if (Session.SiteId is null) ModelState.AddModelError("Session.SiteId", t["Network.Visit.Refused.UnknownSite"]);
        if (Session.StartsAt is null) ModelState.AddModelError("Session.StartsAt", t["Network.Visit.Error.SessionTimes"]);
        if (Session.EndsAt is null) ModelState.AddModelError("Session.EndsAt", t["Network.Visit.Error.SessionTimes"]);
        if (!ModelState.IsValid) return Page();
        var refusal = await desk.AddSessionAsync(User, id, Session.SiteId!.Value, Session.Host, Session.StartsAt!.Value, Session.EndsAt!.Value, Session.Notes, ct);
        if (refusal != VisitRefusal.None)
        {
            ModelState.AddModelError(refusal is VisitRefusal.EndsBeforeStart ? "Session.EndsAt" : refusal is VisitRefusal.UnknownSite ? "Session.SiteId" : string.Empty, desk.Explain(refusal));
            return Page();
        }
        return Redirect($"/admin/network/visits/{id}?saved=true#programme");
    }

    public async Task<IActionResult> OnPostRemoveSessionAsync(long id, long sessionId, CancellationToken ct) =>
        Done(id, await desk.RemoveSessionAsync(User, id, sessionId, ct), "#programme");

    public async Task<IActionResult> OnPostProposeAsync(long id, CancellationToken ct) => Done(id, await desk.ProposeAsync(User, id, ct));

    public async Task<IActionResult> OnPostConfirmAsync(long id, CancellationToken ct) => Done(id, await desk.ConfirmAsync(User, id, ct));

    public async Task<IActionResult> OnPostReopenAsync(long id, CancellationToken ct) => Done(id, await desk.ReopenAsync(User, id, ct));

    public async Task<IActionResult> OnPostDeclineAsync(long id, CancellationToken ct)
    {
        if (id <= 0 || !await LoadAsync(id, ct)) return NotFound();
        ModelState.CheckOnly(nameof(Reason));
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), t["Network.Visit.Error.Reason"]);
        if (!ModelState.IsValid) return Page();
        return Done(id, await desk.DeclineAsync(User, id, Reason!, ct));
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct)
    {
        if (id <= 0 || !await LoadAsync(id, ct)) return NotFound();
        ModelState.CheckOnly(nameof(Reason));
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), t["Network.Visit.Error.Reason"]);
        if (!ModelState.IsValid) return Page();
        return Done(id, await desk.CancelAsync(User, id, Reason, byDelegation: false, ct));
    }

    public async Task<IActionResult> OnPostHeldAsync(long id, CancellationToken ct)
    {
        if (id <= 0 || !await LoadAsync(id, ct)) return NotFound();
        ModelState.CheckOnly("Held.");
        if (Held.HeldOn is null) ModelState.AddModelError("Held.HeldOn", t["Network.Visit.Error.HeldOn"]);
        if (Held.Visitors is null) ModelState.AddModelError("Held.Visitors", t["Network.Visit.Refused.BadVisitors", Network.OpenVisitRequests, Network.MaxDelegation]);
        if (!ModelState.IsValid) return Page();
        var refusal = await desk.RecordHeldAsync(User, id, Held.HeldOn!.Value, Held.Visitors!.Value, ct);
        if (refusal is VisitRefusal.HeldInFuture or VisitRefusal.BadVisitors)
        {
            ModelState.AddModelError(refusal == VisitRefusal.HeldInFuture ? "Held.HeldOn" : "Held.Visitors", desk.Explain(refusal));
            return Page();
        }
        return Done(id, refusal);
    }

    private RedirectResult Done(long id, VisitRefusal refusal, string anchor = "")
    {
        if (refusal != VisitRefusal.None) Refusal = desk.Explain(refusal);
        return Redirect($"/admin/network/visits/{id}{anchor}");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.Now.DateTime);

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        Choices = await VisitChoices.LoadAsync(db, countries, Network, t, ct);
        if (id == 0) return true;
        if (await db.Set<StudyVisit>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) is not { } visit) return false;
        Existing = visit;
        Summary = await VisitProgramme.SummaryAsync(db, visit, ct);
        Programme = await VisitProgramme.ReadAsync(db, id, ct);
        Feedback = await db.Set<VisitFeedback>().AsNoTracking().FirstOrDefaultAsync(f => f.VisitId == id, ct);
        var sites = await db.Set<VisitSite>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        SiteItems = [new(t["Network.Choose"], ""), .. sites.Values.Where(s => s.Active).OrderBy(s => s.Id)
            .Select(s => new SelectListItem(s.Host is null ? s.NameFor(culture) : $"{s.NameFor(culture)} ({s.Host})", s.Id.ToString(CultureInfo.InvariantCulture)))];
        if (Programme.Count > 0 && visit.Open)
        {
            // Only other visits still to come hold the calendar; those held, declined or cancelled do not.
            var (from, until) = (Programme.Min(p => p.Session.StartsAt), Programme.Max(p => p.Session.EndsAt));
            var others = await db.Set<VisitSession>().AsNoTracking().Where(s => s.VisitId != id && s.StartsAt < until && s.EndsAt > from)
                .Join(db.Set<StudyVisit>().AsNoTracking().Where(v => v.Status == VisitStatus.Requested || v.Status == VisitStatus.Proposed || v.Status == VisitStatus.Confirmed),
                    s => s.VisitId, v => v.Id, (s, v) => new { s, v.Reference })
                .ToListAsync(ct);
            Conflicts = VisitRules.Conflicts(visit, Programme.Select(p => p.Session).ToList(), others.Select(o => new BookedSession(o.s, o.Reference)).ToList(), sites, clock.CurrentZone)
                .ToLookup(c => c.SessionId);
        }
        return true;
    }

    public sealed class SessionInput
    {
        [Display(Name = "Network.Visit.Session.Site")] public long? SiteId { get; set; }
        [Display(Name = "Network.Visit.Session.Host"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? Host { get; set; }
        [Display(Name = "Network.Visit.Session.StartsAt")] public DateTime? StartsAt { get; set; }
        [Display(Name = "Network.Visit.Session.EndsAt")] public DateTime? EndsAt { get; set; }
        [Display(Name = "Network.Visit.Session.Notes"), StringLength(VisitSession.NotesMax, ErrorMessage = "Form.TooLong")] public string? Notes { get; set; }
    }

    public sealed class HeldInput
    {
        [Display(Name = "Network.Visit.Field.HeldOn")] public DateOnly? HeldOn { get; set; }
        [Display(Name = "Network.Visit.Field.Visitors")] public int? Visitors { get; set; }
    }
}
