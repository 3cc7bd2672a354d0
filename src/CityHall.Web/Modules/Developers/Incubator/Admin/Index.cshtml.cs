using CityHall.Web.Modules.Inclusion.Contracts;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Developers.Incubator.Admin;

/// <summary>
/// The app-business centre's residents (from the programme's residencies: organisation, desk, dates), each with the
/// mentoring it had, and the form to record a session held with a resident. A session is recorded after it took place:
/// a time to come is refused, as is a resident the centre never had.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + DevelopersModule.Incubator)]
public sealed class IndexModel(IResidencies residencies, AppDbContext db, IOptionsMonitor<DevelopersOptions> options, CityClock clock, TimeProvider time, AuditLog audit,
    IStringLocalizer<Text> t) : PageModel
{
    public const int RecentSessions = 50;

    [BindProperty] public SessionInput Input { get; set; } = new();

    public IReadOnlyList<Residency> Residents { get; private set; } = [];
    public IReadOnlyDictionary<string, (int Sessions, int Minutes)> Mentoring { get; private set; } = new Dictionary<string, (int, int)>();
    public IReadOnlyList<MentoringSession> Recent { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ResidentItems { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string ProgrammeCode => options.CurrentValue.IncubatorProgramme;
    public bool Recorded { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Recorded = done == "recorded";
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var i = Input;
        var mentor = i.Mentor?.Trim() ?? "";
        var topic = i.Topic?.Trim() ?? "";
        var notes = string.IsNullOrWhiteSpace(i.Notes) ? null : i.Notes.Trim();
        var resident = Residents.FirstOrDefault(r => r.Reference == i.Resident);
        if (resident is null) ModelState.AddModelError("Input.Resident", t["Incubator.Error.Resident"]);
        if (mentor.Length is 0 or > 100) ModelState.AddModelError("Input.Mentor", t["Incubator.Error.Mentor"]);
        if (topic.Length is 0 or > 200) ModelState.AddModelError("Input.Topic", t["Incubator.Error.Topic"]);
        ModelState.Remove("Input.HeldAt");
        ModelState.Remove("Input.Minutes");
        // A year the city's clock cannot even convert (0001-01-01 typed or sent) is no session's date: refused, not a 500.
        if (i.HeldAt is not { Year: >= 2000 } held) ModelState.AddModelError("Input.HeldAt", t["Incubator.Error.HeldAt"]);
        else if (clock.FromLocal(held) > clock.Now) ModelState.AddModelError("Input.HeldAt", t["Incubator.Error.HeldAtFuture"]);
        if (i.Minutes is not (>= 10 and <= 480)) ModelState.AddModelError("Input.Minutes", t["Incubator.Error.Minutes"]);
        if (notes?.Length > 2000) ModelState.AddModelError("Input.Notes", t["Incubator.Error.Notes"]);
        if (!ModelState.IsValid) return Page();

        var session = new MentoringSession
        {
            Resident = resident!.Reference, Mentor = mentor, Topic = topic, HeldAt = clock.FromLocal(i.HeldAt!.Value).UtcDateTime, Minutes = i.Minutes!.Value,
            Notes = notes, RecordedBy = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value, RecordedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "incubator.mentoring", "mentoring-session", session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { session.Resident, resident.Organisation, session.Mentor, session.Topic, session.HeldAt, session.Minutes }, ct);
        return RedirectToPage(new { done = "recorded" });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        Residents = await residencies.OfProgrammeAsync(options.CurrentValue.IncubatorProgramme, ct);
        var references = Residents.Select(r => r.Reference).ToList();
        Mentoring = (await db.Set<MentoringSession>().AsNoTracking().Where(s => references.Contains(s.Resident))
                .GroupBy(s => s.Resident).Select(g => new { g.Key, Count = g.Count(), Minutes = g.Sum(s => s.Minutes) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => (x.Count, x.Minutes));
        Recent = await db.Set<MentoringSession>().AsNoTracking().OrderByDescending(s => s.HeldAt).ThenByDescending(s => s.Id).Take(RecentSessions).ToListAsync(ct);
        ResidentItems = [new(t["Incubator.ChooseResident"], ""), .. Residents.Select(r => new SelectListItem($"{r.Organisation} ({r.Desk})", r.Reference))];
    }

    public sealed class SessionInput
    {
        [Display(Name = "Incubator.Resident")] public string? Resident { get; set; }
        [Display(Name = "Incubator.Mentor")] public string? Mentor { get; set; }
        [Display(Name = "Incubator.Topic")] public string? Topic { get; set; }
        [Display(Name = "Incubator.HeldAt")] public DateTime? HeldAt { get; set; }
        [Display(Name = "Incubator.Minutes")] public int? Minutes { get; set; }
        [Display(Name = "Incubator.Notes")] public string? Notes { get; set; }
    }
}
