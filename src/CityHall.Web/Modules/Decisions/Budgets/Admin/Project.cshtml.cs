using System.Globalization;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Decisions.Budgets.Admin;

/// <summary>
/// A budget's project as staff enter and review it: its heading, texts, cost and place, the technical review
/// (feasibility and its reasons, published with the project) and whether it goes on the heading's ballot. Once the
/// ballots are drawn up, what a ballot shows (heading, title, cost, selection) is fixed; the review's reasons may
/// still be completed.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + DecisionsModule.Manage)]
[RequestSizeLimit(BudgetImages.MaxUploadBytes + 1_048_576)] // a milestone's photo and its text
public sealed class ProjectModel(AppDbContext db, AuditLog audit, IdeaModeration moderation, Microsoft.Extensions.Options.IOptionsSnapshot<CityOptions> city, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public ProjectInput Input { get; set; } = new();
    public Budget Budget { get; private set; } = null!;
    public BudgetProject? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> HeadingItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> FeasibilityItems { get; private set; } = [];
    public bool Fixed => Budget.BallotsPreparedAt is not null;
    /// <summary>Milestones can be recorded for a project that was on the ballot, once the ballot has closed.</summary>
    public bool InExecution => Existing is { } p && Budgets.OnBallot(p) && Budget.PhaseAt(clock.GetUtcNow().UtcDateTime) >= BudgetPhase.Results;
    public IReadOnlyList<BudgetMilestone> Milestones { get; private set; } = [];
    public MilestoneInput Milestone { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long budget, string id, CancellationToken ct)
    {
        if (await LoadAsync(budget, id, ct) is { } missing) return missing;
        if (Existing is { } p) Input = ProjectInput.From(p);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long budget, string id, CancellationToken ct)
    {
        if (await LoadAsync(budget, id, ct) is { } missing) return missing;
        if (Fixed && (Existing is null || Input.ChangesBallot(Existing))) ModelState.AddModelError("Input.Cost", t["Decisions.Budget.Error.BallotFixed"]);
        Input.Validate(ModelState, HeadingItems.Select(h => h.Value), city.Value.Bounds, t);
        if (Input.Selected && Existing is { Moderation: not Moderation.Published }) ModelState.AddModelError("Input.Selected", t["Decisions.Budget.Error.SelectUnpublished"]);
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var project = Existing is null
            ? db.Add(new BudgetProject { BudgetId = Budget.Id, TitleKo = "", CreatedAt = now, CreatedBy = User.Identity?.Name ?? "" }).Entity
            : await db.Set<BudgetProject>().SingleAsync(p => p.Id == Existing.Id, ct);
        Input.ApplyTo(project);
        project.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, Existing is null ? "decisions.project.create" : "decisions.project.edit", "budget-project", project.Id.ToString(CultureInfo.InvariantCulture),
            new { project.BudgetId, project.HeadingId, project.TitleKo, project.Cost, project.Feasibility, project.Selected }, ct);
        return Redirect($"/admin/budgets/{Budget.Id}#projects");
    }

    /// <summary>Records a milestone of the project's execution, with its photo if one is given.</summary>
    public async Task<IActionResult> OnPostMilestoneAsync(long budget, string id, CancellationToken ct)
    {
        ModelState.Clear(); // the project's own form is not posted here
        if (await LoadAsync(budget, id, ct) is { } missing) return missing;
        if (!InExecution) return NotFound();
        Input = ProjectInput.From(Existing!);
        await TryUpdateModelAsync(Milestone, "Milestone");
        if (Milestone.On is null && ModelState.GetFieldValidationState("Milestone.On") != ModelValidationState.Invalid) ModelState.AddModelError("Milestone.On", t["Decisions.Budget.Error.MilestoneDate"]);
        if (Milestone.PercentComplete is not (>= 0 and <= 100)) ModelState.AddModelError("Milestone.PercentComplete", t["Decisions.Budget.Error.Percent"]);
        if (Milestone.Photo is not null && string.IsNullOrWhiteSpace(Milestone.PhotoAlt)) ModelState.AddModelError("Milestone.PhotoAlt", t["Decisions.Budget.Image.AltRequired"]);
        Platform.Web.PreparedPhoto? photo = null;
        if (Milestone.Photo is { } upload && ModelState.IsValid)
        {
            (photo, var error) = await BudgetImages.PrepareAsync(upload);
            if (error is not null) ModelState.AddModelError("Milestone.Photo", t[error]);
        }
        if (!ModelState.IsValid) return Page();
        var milestone = new BudgetMilestone
        {
            ProjectId = Existing!.Id, On = Milestone.On!.Value, TitleKo = Milestone.TitleKo.Trim(), TitleEn = string.IsNullOrWhiteSpace(Milestone.TitleEn) ? null : Milestone.TitleEn.Trim(),
            NoteKo = string.IsNullOrWhiteSpace(Milestone.NoteKo) ? null : Milestone.NoteKo.Trim(), PercentComplete = Milestone.PercentComplete!.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = User.Identity?.Name ?? "",
        };
        db.Add(milestone);
        await db.SaveChangesAsync(ct);
        if (photo is not null)
        {
            db.Add(BudgetImages.From(photo, Existing.Id, milestone.Id, Milestone.PhotoAlt!));
            await db.SaveChangesAsync(ct);
        }
        await audit.RecordAsync(User, "decisions.project.milestone", "budget-project", Existing.Id.ToString(CultureInfo.InvariantCulture),
            new { milestone.Id, milestone.On, milestone.TitleKo, milestone.PercentComplete, Photo = photo is not null }, ct);
        return Redirect($"/admin/budgets/{budget}/projects/{Existing.Id}#milestones");
    }

    /// <summary>Publishes a citizen's idea waiting for moderation: it becomes public and can be supported.</summary>
    public async Task<IActionResult> OnPostPublishAsync(long budget, string id, CancellationToken ct) =>
        await ModerateAsync(budget, id, Moderation.Published, null, ct);

    /// <summary>Declines a citizen's idea with the reason its author will read; it never becomes public.</summary>
    public async Task<IActionResult> OnPostDeclineAsync(long budget, string id, string? note, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(note) || note.Length > 1000)
        {
            ModelState.Clear();
            if (await LoadAsync(budget, id, ct) is { } missing) return missing;
            Input = ProjectInput.From(Existing!);
            ModelState.AddModelError("note", t["Decisions.Budget.Error.DeclineNote"]);
            return Page();
        }
        return await ModerateAsync(budget, id, Moderation.Declined, note.Trim(), ct);
    }

    private async Task<IActionResult> ModerateAsync(long budgetId, string id, Moderation to, string? note, CancellationToken ct)
    {
        if (await LoadAsync(budgetId, id, ct) is { } missing) return missing;
        if (Existing is not { Moderation: Moderation.Pending } idea) return NotFound();
        await moderation.DecideAsync(User, idea.Id, to, note, ct);
        return Redirect($"/admin/budgets/{budgetId}#projects");
    }

    private async Task<IActionResult?> LoadAsync(long budgetId, string id, CancellationToken ct)
    {
        var budget = await db.Set<Budget>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == budgetId, ct);
        if (budget is null) return NotFound();
        Budget = budget;
        var culture = CultureInfo.CurrentUICulture;
        HeadingItems = (await Budgets.HeadingsAsync(db, budgetId, ct)).Select(h => new SelectListItem(Budgets.Name(h, culture), h.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        FeasibilityItems = Enum.GetValues<Feasibility>().Select(f => new SelectListItem(t["Decisions.Budget.Feasibility." + f].Value, f.ToString())).ToList();
        if (id == "new") return null;
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var projectId)) return NotFound();
        Existing = await db.Set<BudgetProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId && p.BudgetId == budgetId, ct);
        if (Existing is null) return NotFound();
        Milestones = await db.Set<BudgetMilestone>().AsNoTracking().Where(m => m.ProjectId == projectId).OrderBy(m => m.On).ThenBy(m => m.Id).ToListAsync(ct);
        return null;
    }
}

/// <summary>The project form, its checks, and how it maps onto a project.</summary>
public sealed class ProjectInput
{
    [Display(Name = "Decisions.Budget.Heading")] public long? HeadingId { get; set; }
    [Display(Name = "Decisions.Budget.Field.ProjectTitleKo"), Required(ErrorMessage = "Decisions.Error.TitleRequired"), StringLength(300, ErrorMessage = "Form.TooLong")]
    public string TitleKo { get; set; } = "";
    [Display(Name = "Decisions.Budget.Field.ProjectTitleEn"), StringLength(300, ErrorMessage = "Form.TooLong")] public string? TitleEn { get; set; }
    [Display(Name = "Decisions.Budget.Field.ProjectDescriptionKo"), StringLength(8000, ErrorMessage = "Form.TooLong")] public string? DescriptionKo { get; set; }
    [Display(Name = "Decisions.Budget.Field.ProjectDescriptionEn"), StringLength(8000, ErrorMessage = "Form.TooLong")] public string? DescriptionEn { get; set; }
    [Display(Name = "Decisions.Budget.Field.Cost")] public long? Cost { get; set; }
    [Display(Name = "Decisions.Budget.Field.Latitude")] public double? Latitude { get; set; }
    [Display(Name = "Decisions.Budget.Field.Longitude")] public double? Longitude { get; set; }
    [Display(Name = "Decisions.Budget.Field.Feasibility")] public Feasibility Feasibility { get; set; }
    [Display(Name = "Decisions.Budget.Field.ReviewNoteKo"), StringLength(4000, ErrorMessage = "Form.TooLong")] public string? ReviewNoteKo { get; set; }
    [Display(Name = "Decisions.Budget.Field.ReviewNoteEn"), StringLength(4000, ErrorMessage = "Form.TooLong")] public string? ReviewNoteEn { get; set; }
    [Display(Name = "Decisions.Budget.Field.Selected")] public bool Selected { get; set; }

    public void Validate(ModelStateDictionary state, IEnumerable<string> headings, GeoBounds bounds, IStringLocalizer<Text> t)
    {
        if (HeadingId is not { } heading || !headings.Contains(heading.ToString(CultureInfo.InvariantCulture))) state.AddModelError("Input.HeadingId", t["Decisions.Budget.Error.Heading"]);
        if (Cost is not > 0 && state.GetFieldValidationState("Input.Cost") != ModelValidationState.Invalid) state.AddModelError("Input.Cost", t["Decisions.Budget.Error.Cost"]);
        if ((Latitude is null) != (Longitude is null)) state.AddModelError("Input.Latitude", t["Decisions.Budget.Error.Place"]);
        else if (Latitude is { } lat && Longitude is { } lon && !bounds.Contains(lat, lon)) state.AddModelError("Input.Latitude", t["Decisions.Budget.Error.PlaceOutside"]);
        if (!Enum.IsDefined(Feasibility)) state.AddModelError("Input.Feasibility", t["Decisions.Budget.Error.Feasibility"]);
        if (Selected && Feasibility != Feasibility.Feasible) state.AddModelError("Input.Selected", t["Decisions.Budget.Error.SelectUnfeasible"]);
        if (Feasibility == Feasibility.Unfeasible && string.IsNullOrWhiteSpace(ReviewNoteKo)) state.AddModelError("Input.ReviewNoteKo", t["Decisions.Budget.Error.Reasons"]);
    }

    /// <summary>Whether saving would change what the project's ballot shows or holds.</summary>
    public bool ChangesBallot(BudgetProject p) =>
        HeadingId != p.HeadingId || TitleKo.Trim() != p.TitleKo || Cost != p.Cost || Selected != p.Selected || (Feasibility != p.Feasibility && Budgets.OnBallot(p));

    public void ApplyTo(BudgetProject p)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        p.HeadingId = HeadingId!.Value;
        p.TitleKo = TitleKo.Trim();
        (p.TitleEn, p.DescriptionKo, p.DescriptionEn) = (Clean(TitleEn), Clean(DescriptionKo), Clean(DescriptionEn));
        p.Cost = Cost!.Value;
        (p.Latitude, p.Longitude) = (Latitude, Longitude);
        p.Feasibility = Feasibility;
        (p.ReviewNoteKo, p.ReviewNoteEn) = (Clean(ReviewNoteKo), Clean(ReviewNoteEn));
        p.Selected = Selected;
    }

    public static ProjectInput From(BudgetProject p) => new()
    {
        HeadingId = p.HeadingId, TitleKo = p.TitleKo, TitleEn = p.TitleEn, DescriptionKo = p.DescriptionKo, DescriptionEn = p.DescriptionEn, Cost = p.Cost,
        Latitude = p.Latitude, Longitude = p.Longitude, Feasibility = p.Feasibility, ReviewNoteKo = p.ReviewNoteKo, ReviewNoteEn = p.ReviewNoteEn, Selected = p.Selected,
    };
}

/// <summary>A milestone as staff record it.</summary>
public sealed class MilestoneInput
{
    [Display(Name = "Decisions.Budget.Milestone.On")] public DateOnly? On { get; set; }
    [Display(Name = "Decisions.Budget.Milestone.TitleKo"), Required(ErrorMessage = "Decisions.Error.TitleRequired"), StringLength(300, ErrorMessage = "Form.TooLong")]
    public string TitleKo { get; set; } = "";
    [Display(Name = "Decisions.Budget.Milestone.TitleEn"), StringLength(300, ErrorMessage = "Form.TooLong")] public string? TitleEn { get; set; }
    [Display(Name = "Decisions.Budget.Milestone.Note"), StringLength(4000, ErrorMessage = "Form.TooLong")] public string? NoteKo { get; set; }
    [Display(Name = "Decisions.Budget.Milestone.Percent")] public int? PercentComplete { get; set; }
    [Display(Name = "Decisions.Budget.Milestone.Photo")] public IFormFile? Photo { get; set; }
    [Display(Name = "Decisions.Budget.Image.Alt"), StringLength(BudgetImages.AltMax, ErrorMessage = "Form.TooLong")] public string? PhotoAlt { get; set; }
}
