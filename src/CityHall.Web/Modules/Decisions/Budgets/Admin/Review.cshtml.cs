using System.Globalization;
using CityHall.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CityHall.Web.Modules.Decisions.Budgets.Admin;

/// <summary>
/// The technical review (CONSUL's valuators): staff with the review permission — engineers, a department's budget
/// officer — who need not manage budgets record each published project's feasibility, its reviewed cost and the
/// reasons, which are published with it. Only those fields: heading, texts, moderation and selection stay with the
/// budget's managers. Projects of budgets between their supports and their ballot, not yet reviewed first; once the
/// ballots are drawn up, a project on a ballot keeps its cost and feasibility (its reasons can still be completed).
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + DecisionsModule.Review)]
public sealed class ReviewModel(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    public const int PageSize = 20;
    // From the query only: "page" is also the route value naming the Razor page (a review's form, with no action, posts to the same page).
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    /// <summary>This page's projects.</summary>
    public IReadOnlyList<(Budget Budget, BudgetProject Project, string Heading)> Projects { get; private set; } = [];
    public int Total { get; private set; }
    /// <summary>Of <see cref="Total"/>, how many are not reviewed yet.</summary>
    public int Waiting { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    /// <summary>The project whose review was just refused, and why (shown beside its form).</summary>
    public long? Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(long project, Feasibility? feasibility, long? cost, string? noteKo, string? noteEn, CancellationToken ct)
    {
        var existing = await db.Set<BudgetProject>().FirstOrDefaultAsync(p => p.Id == project && p.Moderation == Moderation.Published, ct);
        if (existing is null) return NotFound();
        var budget = await db.Set<Budget>().AsNoTracking().SingleAsync(b => b.Id == existing.BudgetId, ct);
        // Keyed by the project's section, so the error summary's link lands on it.
        var key = $"project-{project}";
        if (feasibility is not { } value || !Enum.IsDefined(value)) ModelState.AddModelError(key, t["Decisions.Budget.Error.Feasibility"]);
        if (cost is not > 0 && ModelState.GetFieldValidationState("cost") != ModelValidationState.Invalid) ModelState.AddModelError(key, t["Decisions.Budget.Error.Cost"]);
        if (feasibility == Feasibility.Unfeasible && string.IsNullOrWhiteSpace(noteKo)) ModelState.AddModelError(key, t["Decisions.Budget.Error.Reasons"]);
        if (noteKo?.Length > 4000 || noteEn?.Length > 4000) ModelState.AddModelError(key, t["Form.TooLong"]);
        if (budget.BallotsPreparedAt is not null && Budgets.OnBallot(existing) && (cost != existing.Cost || feasibility != existing.Feasibility))
            ModelState.AddModelError(key, t["Decisions.Budget.Error.BallotFixed"]);
        if (!ModelState.IsValid)
        {
            Refused = project;
            await LoadAsync(ct);
            return Page();
        }
        existing.Feasibility = feasibility!.Value;
        existing.Cost = cost!.Value;
        existing.ReviewNoteKo = string.IsNullOrWhiteSpace(noteKo) ? null : noteKo.Trim();
        existing.ReviewNoteEn = string.IsNullOrWhiteSpace(noteEn) ? null : noteEn.Trim();
        // A project found not feasible cannot stay selected for a ballot not yet drawn up.
        if (existing.Feasibility != Feasibility.Feasible && budget.BallotsPreparedAt is null) existing.Selected = false;
        existing.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "decisions.project.review", "budget-project", project.ToString(CultureInfo.InvariantCulture),
            new { existing.Feasibility, existing.Cost, existing.ReviewNoteKo }, ct);
        return Redirect(PageLink(PageNumber) + $"#project-{project}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Budgets whose ideas are in (supports or review phase); ballots not yet closed.
        var budgets = (await db.Set<Budget>().AsNoTracking().Where(b => b.PublishedAt != null && b.SupportsFrom <= now && b.ResultsFrom > now).ToListAsync(ct))
            .ToDictionary(b => b.Id);
        var ids = budgets.Keys.ToList();
        var headings = await db.Set<BudgetHeading>().AsNoTracking().Where(h => ids.Contains(h.BudgetId)).ToDictionaryAsync(h => h.Id, h => h.NameKo, ct);
        var projects = db.Set<BudgetProject>().AsNoTracking().Where(p => ids.Contains(p.BudgetId) && p.Moderation == Moderation.Published);
        Total = await projects.CountAsync(ct);
        Waiting = await projects.CountAsync(p => p.Feasibility == Feasibility.Undecided, ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        // Not reviewed first, the most supported first: a page at a time (a city-wide budget gets hundreds of ideas).
        var page = await projects.OrderBy(p => p.Feasibility == Feasibility.Undecided ? 0 : 1).ThenByDescending(p => p.Supports).ThenBy(p => p.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Projects = page.Select(p => (budgets[p.BudgetId], p, headings[p.HeadingId])).ToList();
    }

    public string PageLink(int page) => page == 1 ? "/admin/budgets/review" : "/admin/budgets/review?page=" + page.ToString(CultureInfo.InvariantCulture);
}
