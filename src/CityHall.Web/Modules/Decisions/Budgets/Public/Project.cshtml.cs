using System.Security.Claims;
using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Decisions.Budgets.Public;

/// <summary>
/// A project: what it is, where, what it costs, staff's review with its reasons, whether it is on the ballot, and
/// its supports — with the support button while the budget takes supports (said why not, before trying, to anyone
/// who may not). A citizen's idea waiting for a moderator, or declined, is shown to its author alone.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = OutputCaching.PublicShort)]
public sealed class ProjectModel(AppDbContext db, IVerifiedCitizens verified, BudgetResultsCache results, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    public BudgetProject Project { get; private set; } = null!;
    public Budget Budget { get; private set; } = null!;
    public BudgetHeading Heading { get; private set; } = null!;
    public BudgetPhase Phase { get; private set; }
    public bool IsAuthor { get; private set; }
    /// <summary>Whether the reader may support it now, and if not why (a text key), or whether they have.</summary>
    public string? WhyNot { get; private set; }
    public bool Supported { get; private set; }
    public string? Message { get; private set; }
    /// <summary>The idea's picture (no milestone), and each milestone's photo by milestone.</summary>
    public BudgetImageInfo? Picture { get; private set; }
    public IReadOnlyDictionary<long, BudgetImageInfo> Photos { get; private set; } = new Dictionary<long, BudgetImageInfo>();
    public IReadOnlyList<BudgetMilestone> Milestones { get; private set; } = [];
    /// <summary>Once its heading's ballot has closed: whether the result funded it (by votes), and by equal shares.</summary>
    public (bool ByVotes, bool ByShares)? Funded { get; private set; }

    /// <summary>A picture as a page shows it: where to fetch it, its size (no layout shift) and its words.</summary>
    public sealed record BudgetImageInfo(long Id, int Width, int Height, string Alt);

    public async Task<IActionResult> OnGetAsync(long id, string? done, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        Message = done switch
        {
            "submitted" when IsAuthor => t["Decisions.Budget.Idea.Submitted"].Value,
            "supported" => t["Decisions.Budget.Support.Done"].Value,
            _ => null,
        };
        return Page();
    }

    /// <summary>Supports the project (once per verified person), then shows it again with the count moved.</summary>
    public async Task<IActionResult> OnPostSupportAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (await verified.FindVerifiedAsync(User, ct) is not { } citizen) return Redirect($"/account/verify?returnUrl={Uri.EscapeDataString($"/budgets/projects/{id}")}");
        var outcome = await BudgetSupports.SupportAsync(db, id, citizen, clock.GetUtcNow().UtcDateTime, ct);
        if (outcome is SupportOutcome.Supported or SupportOutcome.AlreadySupported) return Redirect($"/budgets/projects/{id}?done=supported#support");
        ModelState.AddModelError("", t[outcome == SupportOutcome.OutsideDistrict ? "Decisions.Budget.Support.OutsideDistrict" : "Decisions.Budget.Support.NotOpen"]);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        if (await db.Set<BudgetProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } project) return NotFound();
        IsAuthor = project.AuthorId is not null && project.AuthorId == User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (project.Moderation != Moderation.Published && !IsAuthor) return NotFound();
        if (await Budgets.FindPublishedAsync(db, project.BudgetId, ct) is not { } budget) return NotFound();
        (Project, Budget) = (project, budget);
        Heading = await db.Set<BudgetHeading>().AsNoTracking().SingleAsync(h => h.Id == project.HeadingId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Phase = budget.PhaseAt(now);
        var images = await db.Set<BudgetImage>().AsNoTracking().Where(i => i.ProjectId == id)
            .Select(i => new { i.Id, i.MilestoneId, i.Width, i.Height, i.AltText }).ToListAsync(ct);
        Picture = images.Where(i => i.MilestoneId is null).Select(i => new BudgetImageInfo(i.Id, i.Width, i.Height, i.AltText)).FirstOrDefault();
        Photos = images.Where(i => i.MilestoneId is not null).GroupBy(i => i.MilestoneId!.Value).ToDictionary(g => g.Key, g => g.Select(i => new BudgetImageInfo(i.Id, i.Width, i.Height, i.AltText)).First());
        Milestones = await db.Set<BudgetMilestone>().AsNoTracking().Where(m => m.ProjectId == id).OrderBy(m => m.On).ThenBy(m => m.Id).ToListAsync(ct);
        if (Heading.PollId is { } pollId && Budgets.OnBallot(project) && await Polls.FindPublishedAsync(db, pollId, ct) is var (poll, options) && poll.PhaseAt(now) == PollPhase.Closed)
        {
            var counted = await results.GetAsync(poll, options);
            var option = options.FirstOrDefault(o => o.ProjectId == id)?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Funded = (counted.ByVotes.Funded.Any(f => f.Id == option), counted.ByEqualShares.Funded.Any(f => f.Id == option));
        }
        if (Phase != BudgetPhase.Supports || project.Moderation != Moderation.Published) WhyNot = "Decisions.Budget.Support.NotOpen";
        else if (User.Identity?.IsAuthenticated != true) WhyNot = "Decisions.Budget.Support.SignIn";
        else if (await verified.FindVerifiedAsync(User, ct) is not { } citizen) WhyNot = "Decisions.Budget.Support.VerifyFirst";
        else if (Heading.DistrictCode is { } district && !string.Equals(district, citizen.DistrictCode, StringComparison.OrdinalIgnoreCase)) WhyNot = "Decisions.Budget.Support.OutsideDistrict";
        else Supported = await BudgetSupports.HasSupportedAsync(db, budget, id, citizen, ct);
        return null;
    }
}
