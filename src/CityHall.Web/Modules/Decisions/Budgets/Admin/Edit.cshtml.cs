using System.Globalization;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Decisions.Budgets.Admin;

/// <summary>
/// Preparing a participatory budget: its texts, how its ballots are filled in, the date each phase starts, its
/// headings (city-wide and per district, each with its amount) and their projects; publishing it; and drawing up the
/// headings' ballots from the selected projects, after which the ballots, the headings and what decides them are
/// fixed. Every step is audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + DecisionsModule.Manage)]
public sealed class EditModel(AppDbContext db, AuditLog audit, CityClock cityClock, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    // Bound by the handler that posts each form (TryUpdateModelAsync), so one form's empty fields are no error in the other's.
    public BudgetInput Input { get; set; } = new();
    public HeadingInput Heading { get; set; } = new();
    public Budget? Existing { get; private set; }
    public IReadOnlyList<BudgetHeading> Headings { get; private set; } = [];
    public IReadOnlyList<BudgetProject> Projects { get; private set; } = [];
    public IReadOnlyList<SelectListItem> StyleItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];
    public IReadOnlyDictionary<string, string> DistrictNames { get; private set; } = new Dictionary<string, string>();
    public BudgetPhase Phase { get; private set; } = BudgetPhase.Draft;
    /// <summary>Why the ballots cannot be drawn up now (shown beside the button).</summary>
    public IReadOnlyList<string> BallotProblems { get; private set; } = [];
    public bool Prepared => Existing?.BallotsPreparedAt is not null;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Existing is { } budget) Input = BudgetInput.From(budget, cityClock);
        return Page();
    }

    /// <summary>Saves the budget's texts, style and dates (a new budget starts as a draft).</summary>
    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        await TryUpdateModelAsync(Input, "Input");
        Input.Validate(ModelState, t);
        // Once the ballots are drawn up, what decides them stays as voters were told.
        if (Existing is { BallotsPreparedAt: not null } prepared && ModelState.IsValid && Input.ChangesBallot(prepared, cityClock))
            ModelState.AddModelError("Input.Style", t["Decisions.Budget.Error.BallotFixed"]);
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var budget = Existing is null
            ? db.Add(new Budget { TitleKo = "", CreatedAt = now, CreatedBy = User.Identity?.Name ?? "", Salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) }).Entity
            : await db.Set<Budget>().SingleAsync(b => b.Id == Existing.Id, ct);
        Input.ApplyTo(budget, cityClock);
        budget.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, Existing is null ? "decisions.budget.create" : "decisions.budget.edit", "budget", budget.Id.ToString(CultureInfo.InvariantCulture),
            new { budget.TitleKo, budget.Style, budget.MinSharePercent, budget.MaxProjects, budget.IdeasFrom, budget.BallotFrom, budget.ResultsFrom, budget.ExecutionFrom }, ct);
        return Redirect($"/admin/budgets/{budget.Id}?saved=true");
    }

    /// <summary>Adds a heading (until the ballots are drawn up).</summary>
    public async Task<IActionResult> OnPostHeadingAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Existing is null) return NotFound();
        Input = BudgetInput.From(Existing, cityClock);
        await TryUpdateModelAsync(Heading, "Heading");
        if (Prepared) ModelState.AddModelError("Heading.NameKo", t["Decisions.Budget.Error.BallotFixed"]);
        if (Heading.Amount is not > 0) ModelState.AddModelError("Heading.Amount", t["Decisions.Budget.Error.Amount"]);
        var district = string.IsNullOrWhiteSpace(Heading.DistrictCode) ? null : Heading.DistrictCode.Trim();
        if (district is not null && !DistrictNames.ContainsKey(district)) ModelState.AddModelError("Heading.DistrictCode", t["Decisions.Budget.Error.District"]);
        if (Headings.Any(h => string.Equals(h.NameKo, Heading.NameKo?.Trim(), StringComparison.OrdinalIgnoreCase)))
            ModelState.AddModelError("Heading.NameKo", t["Decisions.Budget.Error.HeadingTwice"]);
        if (!ModelState.IsValid) return Page();
        var heading = new BudgetHeading
        {
            BudgetId = Existing.Id, NameKo = Heading.NameKo!.Trim(), NameEn = string.IsNullOrWhiteSpace(Heading.NameEn) ? null : Heading.NameEn.Trim(),
            DistrictCode = district, Amount = Heading.Amount!.Value,
        };
        db.Add(heading);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "decisions.budget.heading", "budget", Existing.Id.ToString(CultureInfo.InvariantCulture), new { heading.Id, heading.NameKo, heading.DistrictCode, heading.Amount }, ct);
        return Redirect($"/admin/budgets/{Existing.Id}#headings");
    }

    /// <summary>Removes a heading with no project (until the ballots are drawn up).</summary>
    public async Task<IActionResult> OnPostRemoveHeadingAsync(string id, long heading, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Existing is null || Prepared || Headings.All(h => h.Id != heading) || Projects.Any(p => p.HeadingId == heading)) return NotFound();
        await db.Set<BudgetHeading>().Where(h => h.Id == heading && h.BudgetId == Existing.Id).ExecuteDeleteAsync(ct);
        await audit.RecordAsync(User, "decisions.budget.heading-remove", "budget", Existing.Id.ToString(CultureInfo.InvariantCulture), new { Heading = heading }, ct);
        return Redirect($"/admin/budgets/{Existing.Id}#headings");
    }

    /// <summary>Publishes a draft: citizens see it, and its phases run by their dates.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Existing is null || Phase != BudgetPhase.Draft) return NotFound();
        Input = BudgetInput.From(Existing, cityClock);
        if (Headings.Count == 0)
        {
            ModelState.AddModelError("Heading.NameKo", t["Decisions.Budget.Error.NoHeading"]);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Set<Budget>().Where(b => b.Id == Existing.Id && b.PublishedAt == null).ExecuteUpdateAsync(s => s.SetProperty(b => b.PublishedAt, now).SetProperty(b => b.UpdatedAt, now), ct) == 1)
            await audit.RecordAsync(User, "decisions.budget.publish", "budget", Existing.Id.ToString(CultureInfo.InvariantCulture), new { Existing.IdeasFrom }, ct);
        return Redirect($"/admin/budgets/{Existing.Id}");
    }

    /// <summary>Draws up each heading's ballot from its selected projects (<see cref="Budgets.PrepareBallotsAsync"/>).</summary>
    public async Task<IActionResult> OnPostPrepareAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Existing is null) return NotFound();
        Input = BudgetInput.From(Existing, cityClock);
        if (BallotProblems.Count > 0)
        {
            foreach (var problem in BallotProblems) ModelState.AddModelError("", problem);
            return Page();
        }
        var polls = await Budgets.PrepareBallotsAsync(db, Existing.Id, User.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime, ct);
        await audit.RecordAsync(User, "decisions.budget.ballots", "budget", Existing.Id.ToString(CultureInfo.InvariantCulture),
            new { Polls = polls.Select(p => new { p.Id, p.BudgetHeadingId, p.MaxChoices, p.Amount, p.MinAmount }) }, ct);
        return Redirect($"/admin/budgets/{Existing.Id}#ballots");
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        DistrictNames = await DistrictChoices.NamesAsync(db);
        DistrictItems = [new SelectListItem(t["Decisions.Budget.CityWide"].Value, ""),
            .. DistrictNames.Select(d => new SelectListItem(d.Value, d.Key)).OrderBy(i => i.Text, StringComparer.Create(CultureInfo.CurrentUICulture, false))];
        StyleItems = Enum.GetValues<BallotStyle>().Select(s => new SelectListItem(t["Decisions.Budget.Style." + s].Value, s.ToString())).ToList();
        if (id == "new") return null;
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var budgetId)) return NotFound();
        Existing = await db.Set<Budget>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == budgetId, ct);
        if (Existing is null) return NotFound();
        Headings = await Budgets.HeadingsAsync(db, budgetId, ct);
        Projects = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.BudgetId == budgetId).OrderBy(p => p.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Phase = Existing.PhaseAt(now);
        BallotProblems = Budgets.BallotProblems(Existing, Headings, Projects, now).Select(p => t[p.Key, p.Arguments].Value).ToList();
        return null;
    }
}

/// <summary>A heading to add: its name in both languages, its district (none: city-wide) and its amount.</summary>
public sealed class HeadingInput
{
    [Display(Name = "Decisions.Budget.Field.HeadingKo"), Required(ErrorMessage = "Decisions.Budget.Error.HeadingName"), StringLength(200, ErrorMessage = "Form.TooLong")]
    public string? NameKo { get; set; }
    [Display(Name = "Decisions.Budget.Field.HeadingEn"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? NameEn { get; set; }
    [Display(Name = "Decisions.Budget.Field.District")] public string? DistrictCode { get; set; }
    [Display(Name = "Decisions.Budget.Field.Amount")] public long? Amount { get; set; }
}

/// <summary>The budget form, its checks, and how it maps onto a budget.</summary>
public sealed class BudgetInput
{
    [Display(Name = "Decisions.Budget.Field.TitleKo"), Required(ErrorMessage = "Decisions.Error.TitleRequired"), StringLength(300, ErrorMessage = "Form.TooLong")]
    public string TitleKo { get; set; } = "";
    [Display(Name = "Decisions.Budget.Field.TitleEn"), StringLength(300, ErrorMessage = "Form.TooLong")] public string? TitleEn { get; set; }
    [Display(Name = "Decisions.Budget.Field.DescriptionKo"), StringLength(4000, ErrorMessage = "Form.TooLong")] public string? DescriptionKo { get; set; }
    [Display(Name = "Decisions.Budget.Field.DescriptionEn"), StringLength(4000, ErrorMessage = "Form.TooLong")] public string? DescriptionEn { get; set; }
    [Display(Name = "Decisions.Budget.Field.Style")] public BallotStyle Style { get; set; } = BallotStyle.Knapsack;
    [Display(Name = "Decisions.Budget.Field.MinShare")] public int? MinSharePercent { get; set; } = 70;
    [Display(Name = "Decisions.Budget.Field.MaxProjects")] public int? MaxProjects { get; set; } = 3;
    [Display(Name = "Decisions.Budget.Phase.Ideas")] public DateTime? IdeasFrom { get; set; }
    [Display(Name = "Decisions.Budget.Phase.Supports")] public DateTime? SupportsFrom { get; set; }
    [Display(Name = "Decisions.Budget.Phase.Review")] public DateTime? ReviewFrom { get; set; }
    [Display(Name = "Decisions.Budget.Phase.Ballot")] public DateTime? BallotFrom { get; set; }
    [Display(Name = "Decisions.Budget.Phase.Results")] public DateTime? ResultsFrom { get; set; }
    [Display(Name = "Decisions.Budget.Phase.Execution")] public DateTime? ExecutionFrom { get; set; }

    /// <summary>The phases' start dates in order, with their fields' names.</summary>
    private IEnumerable<(string Field, DateTime? Value)> Dates =>
    [
        ("IdeasFrom", IdeasFrom), ("SupportsFrom", SupportsFrom), ("ReviewFrom", ReviewFrom),
        ("BallotFrom", BallotFrom), ("ResultsFrom", ResultsFrom), ("ExecutionFrom", ExecutionFrom),
    ];

    public void Validate(ModelStateDictionary state, IStringLocalizer<Text> t)
    {
        if (!Enum.IsDefined(Style)) state.AddModelError("Input.Style", t["Decisions.Budget.Error.Style"]);
        if (Style == BallotStyle.Knapsack && MinSharePercent is not (>= 0 and <= 100)) state.AddModelError("Input.MinSharePercent", t["Decisions.Budget.Error.MinShare"]);
        if (Style == BallotStyle.Approval && MaxProjects is not (>= 1 and <= 100)) state.AddModelError("Input.MaxProjects", t["Decisions.Budget.Error.MaxProjects"]);
        DateTime? previous = null;
        foreach (var (field, value) in Dates)
        {
            var key = "Input." + field;
            // A date the binder refused (CalendarDateBinderProvider) has its message already.
            if (state.GetFieldValidationState(key) == ModelValidationState.Invalid) { previous = null; continue; }
            if (value is null) state.AddModelError(key, t["Decisions.Budget.Error.Date"]);
            else if (previous is { } before && value <= before) state.AddModelError(key, t["Decisions.Budget.Error.DateOrder"]);
            previous = value ?? previous;
        }
    }

    /// <summary>Whether saving would change what decides a drawn-up ballot: its style and limits, when it opens and closes.</summary>
    public bool ChangesBallot(Budget budget, CityClock clock) =>
        Style != budget.Style || (Style == BallotStyle.Knapsack ? MinSharePercent != budget.MinSharePercent : MaxProjects != budget.MaxProjects)
        || clock.FromLocal(BallotFrom!.Value).UtcDateTime != budget.BallotFrom || clock.FromLocal(ResultsFrom!.Value).UtcDateTime != budget.ResultsFrom;

    public void ApplyTo(Budget budget, CityClock clock)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        budget.TitleKo = TitleKo.Trim();
        (budget.TitleEn, budget.DescriptionKo, budget.DescriptionEn) = (Clean(TitleEn), Clean(DescriptionKo), Clean(DescriptionEn));
        budget.Style = Style;
        if (Style == BallotStyle.Knapsack) budget.MinSharePercent = MinSharePercent!.Value;
        else budget.MaxProjects = MaxProjects!.Value;
        DateTime Utc(DateTime? local) => clock.FromLocal(local!.Value).UtcDateTime;
        (budget.IdeasFrom, budget.SupportsFrom, budget.ReviewFrom) = (Utc(IdeasFrom), Utc(SupportsFrom), Utc(ReviewFrom));
        (budget.BallotFrom, budget.ResultsFrom, budget.ExecutionFrom) = (Utc(BallotFrom), Utc(ResultsFrom), Utc(ExecutionFrom));
    }

    public static BudgetInput From(Budget b, CityClock clock)
    {
        DateTime Local(DateTime utc) => clock.ToLocal(utc).DateTime;
        return new()
        {
            TitleKo = b.TitleKo, TitleEn = b.TitleEn, DescriptionKo = b.DescriptionKo, DescriptionEn = b.DescriptionEn, Style = b.Style,
            MinSharePercent = b.MinSharePercent, MaxProjects = b.MaxProjects,
            IdeasFrom = Local(b.IdeasFrom), SupportsFrom = Local(b.SupportsFrom), ReviewFrom = Local(b.ReviewFrom),
            BallotFrom = Local(b.BallotFrom), ResultsFrom = Local(b.ResultsFrom), ExecutionFrom = Local(b.ExecutionFrom),
        };
    }
}
