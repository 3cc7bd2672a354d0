using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Visits.Public;

/// <summary>
/// A study visit as its requester follows it: what they asked, where it stands, the programme once proposed (sites,
/// hosts, times in the city's zone) to confirm, a cancellation while it is still to come, and the survey once held.
/// Only the account that asked sees it (the secretariat has its own page).
/// </summary>
[Authorize]
public sealed class VisitModel(AppDbContext db, VisitDesk desk, IOptionsMonitor<CityNetworkOptions> options) : PageModel
{
    public StudyVisit Visit { get; private set; } = null!;
    public IReadOnlyList<ProgrammeRow> Programme { get; private set; } = [];
    public VisitSummary Summary { get; private set; } = null!;
    public bool FeedbackGiven { get; private set; }
    public CityNetworkOptions Network => options.CurrentValue;
    [TempData] public string? Refusal { get; set; }

    [BindProperty, Display(Name = "Network.Visit.Field.CancelReason"), StringLength(StudyVisit.ReasonMax, ErrorMessage = "Form.TooLong")]
    public string? CancelReason { get; set; }

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken ct)
    {
        if (!await LoadAsync(reference, ct)) return NotFound();
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string reference, CancellationToken ct)
    {
        if (!await LoadAsync(reference, ct)) return NotFound();
        return Done(await desk.ConfirmAsync(User, Visit.Id, ct), reference);
    }

    public async Task<IActionResult> OnPostCancelAsync(string reference, CancellationToken ct)
    {
        if (!await LoadAsync(reference, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        return Done(await desk.CancelAsync(User, Visit.Id, CancelReason, byDelegation: true, ct), reference);
    }

    private RedirectResult Done(VisitRefusal refusal, string reference)
    {
        if (refusal != VisitRefusal.None) Refusal = desk.Explain(refusal);
        return Redirect($"/network/visits/{reference}");
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (await db.Set<StudyVisit>().AsNoTracking().FirstOrDefaultAsync(v => v.Reference == reference && v.RequesterUserId == me, ct) is not { } visit) return false;
        Visit = visit;
        Programme = await VisitProgramme.ReadAsync(db, visit.Id, ct);
        Summary = await VisitProgramme.SummaryAsync(db, visit, ct);
        FeedbackGiven = await db.Set<VisitFeedback>().AnyAsync(f => f.VisitId == visit.Id, ct);
        return true;
    }
}

/// <summary>A session of a visit's programme with its site.</summary>
public sealed record ProgrammeRow(VisitSession Session, VisitSite Site);

/// <summary>A visit's request as the requester and the secretariat read it (the sites they hoped to see by name).</summary>
public sealed record VisitSummary(StudyVisit Visit, IReadOnlyList<VisitSite> WishedSites);

/// <summary>A visit's sessions with their sites, in the order they happen.</summary>
public static class VisitProgramme
{
    public static async Task<IReadOnlyList<ProgrammeRow>> ReadAsync(AppDbContext db, long visitId, CancellationToken ct) =>
        (await db.Set<VisitSession>().AsNoTracking().Where(s => s.VisitId == visitId)
            .Join(db.Set<VisitSite>().AsNoTracking(), s => s.SiteId, site => site.Id, (s, site) => new { s, site })
            .OrderBy(x => x.s.StartsAt).ThenBy(x => x.s.Id).ToListAsync(ct))
        .Select(x => new ProgrammeRow(x.s, x.site)).ToList();

    public static async Task<VisitSummary> SummaryAsync(AppDbContext db, StudyVisit visit, CancellationToken ct)
    {
        var wished = visit.WishedSiteIds;
        return new VisitSummary(visit, await db.Set<VisitSite>().AsNoTracking().Where(s => wished.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(ct));
    }
}
