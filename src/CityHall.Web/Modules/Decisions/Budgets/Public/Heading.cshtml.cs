using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Decisions.Budgets.Public;

/// <summary>
/// A budget heading: its amount and who votes on it, its projects (with their review), the way to its ballot while
/// the ballot is open, and from the results phase on its result — the projects funded by votes, and beside them the
/// Method of Equal Shares' result for comparison.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = OutputCaching.PublicShort)]
public sealed class HeadingModel(AppDbContext db, BudgetResultsCache results, TimeProvider clock) : PageModel
{
    public Budget Budget { get; private set; } = null!;
    public BudgetHeading Heading { get; private set; } = null!;
    public BudgetPhase Phase { get; private set; }
    public const int PageSize = 30;
    // From the query only: "page" is also the route value naming the Razor page.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    /// <summary>This page's projects.</summary>
    public IReadOnlyList<BudgetProject> Projects { get; private set; } = [];
    public int ProjectTotal { get; private set; }
    public int Pages => Math.Max(1, (ProjectTotal + PageSize - 1) / PageSize);
    public string? DistrictName { get; private set; }
    /// <summary>The heading's ballot, once drawn up.</summary>
    public Poll? Ballot { get; private set; }
    public IReadOnlyList<PollOption> Options { get; private set; } = [];
    /// <summary>The result, once the ballot has closed.</summary>
    public BudgetResults.Counted? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long heading, CancellationToken ct)
    {
        if (await Budgets.FindPublishedAsync(db, id, ct) is not { } budget) return NotFound();
        Budget = budget;
        if (await db.Set<BudgetHeading>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == heading && h.BudgetId == id, ct) is not { } h) return NotFound();
        Heading = h;
        var now = clock.GetUtcNow().UtcDateTime;
        Phase = budget.PhaseAt(now);
        // Published ones only; while supports are taken, the most supported first; from the ballot on, those on it first
        // (Budgets.OnBallot, in SQL), the ones found not feasible last. A page at a time: a city-wide heading gets hundreds.
        var projects = db.Set<BudgetProject>().AsNoTracking().Where(p => p.HeadingId == heading && p.Moderation == Moderation.Published);
        ProjectTotal = await projects.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var ordered = Phase <= BudgetPhase.Review
            ? projects.OrderByDescending(p => p.Supports).ThenBy(p => p.Id)
            : projects.OrderBy(p => p.Selected && p.Feasibility == Feasibility.Feasible ? 0 : 1).ThenBy(p => p.Feasibility == Feasibility.Unfeasible ? 1 : 0)
                .ThenByDescending(p => p.Supports).ThenBy(p => p.Id);
        Projects = await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        if (h.DistrictCode is { } code) DistrictName = (await DistrictChoices.NamesAsync(db)).GetValueOrDefault(code, code);
        if (h.PollId is { } pollId && await Polls.FindPublishedAsync(db, pollId, ct) is var (poll, options))
        {
            (Ballot, Options) = (poll, options);
            if (poll.PhaseAt(now) == PollPhase.Closed) Result = await results.GetAsync(poll, options);
        }
        return Page();
    }

    public string PageLink(int page) => $"/budgets/{Budget.Id}/headings/{Heading.Id}"
        + (page == 1 ? "" : "?page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "#projects";
}
