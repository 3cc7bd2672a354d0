using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Selection;

namespace CityHall.Web.Modules.Inclusion.Public;

/// <summary>
/// A selection run, published: method, time, seed, every entrant (reference, pool, time applied,
/// score), the selected and waiting lists per pool, and how to run a draw again; also as JSON.
/// </summary>
public sealed class DrawModel(ApplicationIntake intake, AppDbContext db) : PageModel
{
    public ProgrammeTerms Terms { get; private set; } = null!;
    public SelectionRun Run { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, long id)
    {
        if (await LoadAsync(code, id) is { } missing) return missing;
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(string code, long id)
    {
        if (await LoadAsync(code, id) is { } missing) return missing;
        return new JsonResult(new
        {
            programme = code, run = Run.Id, method = Run.Method.ToString(), seed = Run.Seed, runAt = Run.RunAt,
            entrants = Run.Entrants, results = Run.Results,
        });
    }

    private async Task<IActionResult?> LoadAsync(string code, long id)
    {
        if (await intake.FindProgrammeAsync(code, HttpContext.RequestAborted) is not { } terms) return NotFound();
        var run = await db.Set<SelectionRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.ProgrammeId == terms.Programme.Id, HttpContext.RequestAborted);
        if (run is null) return NotFound();
        (Terms, Run) = (terms, run);
        return null;
    }
}
