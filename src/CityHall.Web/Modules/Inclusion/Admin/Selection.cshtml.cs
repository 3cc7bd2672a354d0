using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Modules.Inclusion.Selection;
using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.Inclusion.Admin;

/// <summary>
/// Running a programme's selection: the verified applications and places left per pool, panel
/// scoring progress for a scored programme, the seed for a draw (a fresh random one offered, or one
/// from a public source typed in), and the runs so far with their published pages.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + InclusionModule.Manage)]
public sealed class SelectionModel(ApplicationIntake intake, ProgrammeSelection selection, AppDbContext db, AuditLog audit) : PageModel
{
    public ProgrammeTerms Terms { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> PlacesLeft { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> VerifiedByPool { get; private set; } = new Dictionary<string, int>();
    public int Unscored { get; private set; }
    public IReadOnlyList<(long Id, DateTime RunAt, int Entrants)> Runs { get; private set; } = [];

    [BindProperty] public string? Seed { get; set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await LoadAsync(code) is { } missing) return missing;
        Seed = ProgrammeSelection.NewSeed();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        var ct = HttpContext.RequestAborted;
        if (await LoadAsync(code) is { } missing) return missing;
        var (run, refusal) = await selection.RunAsync(Terms.Programme, Terms.Version, Seed, ApplicationActor.Staff(User), ct);
        if (run is null)
        {
            ModelState.AddModelError(Terms.Version.Selection == SelectionMethod.Lottery ? nameof(Seed) : "", refusal!);
            await LoadAsync(code);
            return Page();
        }
        await audit.RecordAsync(User, "inclusion.select", "inclusion-programme", code,
            new { run = run.Id, method = run.Method.ToString(), run.Seed, entrants = run.Entrants.Count, selected = run.Results.Sum(r => r.Selected.Count) }, ct);
        return Redirect($"/inclusion/{code}/selection/{run.Id}");
    }

    private async Task<IActionResult?> LoadAsync(string code)
    {
        var ct = HttpContext.RequestAborted;
        if (await intake.FindProgrammeAsync(code, ct) is not { } terms) return NotFound();
        Terms = terms;
        PlacesLeft = await selection.PlacesLeftAsync(terms.Programme, terms.Version, ct);
        var verified = await db.Set<InclusionApplication>().AsNoTracking().Where(a => a.ProgrammeId == terms.Programme.Id && a.State == ApplicationState.Verified)
            .Select(a => new { a.Id, a.Pool }).ToListAsync(ct);
        VerifiedByPool = verified.GroupBy(a => a.Pool ?? "").ToDictionary(g => g.Key, g => g.Count());
        if (terms.Version.Selection == SelectionMethod.Score)
        {
            var ids = verified.Select(a => a.Id).ToList();
            var scored = await db.Set<PanelScoreEntry>().AsNoTracking().Where(e => ids.Contains(e.ApplicationId) && !e.Conflict).Select(e => e.ApplicationId).Distinct().CountAsync(ct);
            Unscored = ids.Count - scored;
        }
        var runs = await db.Set<SelectionRun>().AsNoTracking().Where(r => r.ProgrammeId == terms.Programme.Id).OrderByDescending(r => r.Id).Take(20).ToListAsync(ct);
        Runs = runs.Select(r => (r.Id, r.RunAt, r.Entrants.Count)).ToList();
        return null;
    }
}
