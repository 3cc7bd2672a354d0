using CityHall.Web.Platform.Import;
using CityHall.Web.Modules.Places.Import;

namespace CityHall.Web.Modules.Places.Admin;

/// <summary>
/// One import: a progress bar while it runs (the page's script follows it; without JavaScript a
/// refresh link), then the summary — rows read, created, updated, unchanged, skipped, each skipped
/// row with its line and reason — or why the file was refused, in which case nothing was written.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PlacesModule.Manage)]
public sealed class ImportRunModel(AppDbContext db, PlaceImportJobs jobs, TimeProvider clock) : PageModel
{
    public PlaceImportRun Run { get; private set; } = null!;
    public ImportProgress? Progress { get; private set; }
    public bool Interrupted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } missing) return missing;
        return Page();
    }

    /// <summary>For the page's script: where the import is now.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id)
    {
        if (await LoadAsync(id) is { } missing) return missing;
        return new JsonResult(new
        {
            status = Interrupted ? "interrupted" : Run.Status.ToString().ToLowerInvariant(),
            read = Progress?.Read ?? Run.Read,
            estimated = Progress?.EstimatedRows,
            writing = Progress?.Writing ?? false,
        });
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await db.Set<PlaceImportRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id) is not { } run) return NotFound();
        Run = run;
        Progress = jobs.ProgressOf(id);
        Interrupted = run.Status == ImportRunStatus.Running && Progress is null
            && clock.GetUtcNow().UtcDateTime - run.StartedAt > PlaceImportJobs.InterruptedAfter;
        return null;
    }

    /// <summary>Percent read, below 100 until the import ends.</summary>
    public int Percent => Progress is { } p ? Math.Min(99, (int)(100L * p.Read / Math.Max(1, p.EstimatedRows))) : 0;
}
