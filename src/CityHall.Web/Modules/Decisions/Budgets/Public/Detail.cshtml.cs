using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Decisions.Budgets.Public;

/// <summary>A budget: what it is for, its phases with their dates (the current one marked), and its headings with their amounts and projects.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = OutputCaching.PublicShort)]
public sealed class DetailModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Budget Budget { get; private set; } = null!;
    public BudgetPhase Phase { get; private set; }
    public IReadOnlyList<BudgetHeading> Headings { get; private set; } = [];
    /// <summary>How many projects each heading has, and how many are on its ballot.</summary>
    public IReadOnlyDictionary<long, (int All, int OnBallot)> Counts { get; private set; } = new Dictionary<long, (int, int)>();
    public IReadOnlyDictionary<string, string> DistrictNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await Budgets.FindPublishedAsync(db, id, ct) is not { } budget) return NotFound();
        Budget = budget;
        Phase = budget.PhaseAt(clock.GetUtcNow().UtcDateTime);
        Headings = await Budgets.HeadingsAsync(db, id, ct);
        Counts = (await db.Set<BudgetProject>().AsNoTracking().Where(p => p.BudgetId == id && p.Moderation == Moderation.Published)
                .GroupBy(p => p.HeadingId)
                .Select(g => new { g.Key, All = g.Count(), OnBallot = g.Count(p => p.Selected && p.Feasibility == Feasibility.Feasible) }).ToListAsync(ct))
            .ToDictionary(c => c.Key, c => (c.All, c.OnBallot));
        DistrictNames = await DistrictChoices.NamesAsync(db);
        return Page();
    }
}
