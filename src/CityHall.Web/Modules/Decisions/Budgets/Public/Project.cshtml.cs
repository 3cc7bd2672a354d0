using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Decisions.Budgets.Public;

/// <summary>A project: what it is, where, what it costs, staff's review with its reasons, and whether it is on the ballot.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = OutputCaching.PublicShort)]
public sealed class ProjectModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public BudgetProject Project { get; private set; } = null!;
    public Budget Budget { get; private set; } = null!;
    public BudgetHeading Heading { get; private set; } = null!;
    public BudgetPhase Phase { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await db.Set<BudgetProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } project) return NotFound();
        if (await Budgets.FindPublishedAsync(db, project.BudgetId, ct) is not { } budget) return NotFound();
        (Project, Budget) = (project, budget);
        Heading = await db.Set<BudgetHeading>().AsNoTracking().SingleAsync(h => h.Id == project.HeadingId, ct);
        Phase = budget.PhaseAt(clock.GetUtcNow().UtcDateTime);
        return Page();
    }
}
