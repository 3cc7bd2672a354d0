using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Decisions.Budgets.Public;

/// <summary>
/// A verified citizen proposes an idea for a budget while it takes ideas: its heading, what it is, roughly what it
/// would cost and where. It waits for a moderator (as proposals do); its author sees it meanwhile, and why if it is
/// declined. Told before they start when they cannot (signed out, not verified, the ideas phase not open).
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimits.CitizenWrite)]
[RequestSizeLimit(BudgetImages.MaxUploadBytes + 1_048_576)] // a phone photo and the text; larger files are refused with a message
public sealed class ProposeModel(AppDbContext db, IVerifiedCitizens verified, Microsoft.Extensions.Options.IOptionsSnapshot<CityOptions> city, UploadAllowance allowance,
    TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public IdeaInput Input { get; set; } = new();
    public Budget Budget { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> HeadingItems { get; private set; } = [];
    public bool Open { get; private set; }
    public bool Verified { get; private set; }
    public CityOptions City => city.Value;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (!Open || !Verified) return Page();
        Input.Validate(ModelState, HeadingItems.Select(h => h.Value), city.Value.Bounds, t);
        Platform.Web.PreparedPhoto? picture = null;
        if (Input.Image is { } upload)
        {
            if (string.IsNullOrWhiteSpace(Input.ImageAlt)) ModelState.AddModelError("Input.ImageAlt", t["Decisions.Budget.Image.AltRequired"]);
            // Counted against the day's quota, and decoded, only when the rest of the idea is in order.
            if (ModelState.IsValid)
            {
                if (!await allowance.TryTakeAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, upload.Length, ct))
                    ModelState.AddModelError("Input.Image", t["Uploads.DailyQuota", allowance.DailyBytes / (1024 * 1024)]);
                else
                {
                    (picture, var error) = await BudgetImages.PrepareAsync(upload);
                    if (error is not null) ModelState.AddModelError("Input.Image", t[error]);
                }
            }
        }
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var idea = new BudgetProject
        {
            BudgetId = Budget.Id, HeadingId = Input.HeadingId!.Value, TitleKo = Input.Title.Trim(), DescriptionKo = Clean(Input.Description), Cost = Input.Cost!.Value,
            Latitude = Input.Latitude, Longitude = Input.Longitude, AuthorId = User.FindFirstValue(ClaimTypes.NameIdentifier), Moderation = Moderation.Pending,
            CreatedAt = now, UpdatedAt = now, CreatedBy = User.Identity?.Name ?? "",
        };
        db.Add(idea);
        await db.SaveChangesAsync(ct);
        if (picture is not null)
        {
            db.Add(BudgetImages.From(picture, idea.Id, null, Input.ImageAlt!));
            await db.SaveChangesAsync(ct);
        }
        return Redirect($"/budgets/projects/{idea.Id}?done=submitted");
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        if (await Budgets.FindPublishedAsync(db, id, ct) is not { } budget) return NotFound();
        Budget = budget;
        Open = budget.PhaseAt(clock.GetUtcNow().UtcDateTime) == BudgetPhase.Ideas;
        Verified = await verified.FindVerifiedAsync(User, ct) is not null;
        var culture = CultureInfo.CurrentUICulture;
        HeadingItems = [new SelectListItem(t["Decisions.Budget.Idea.ChooseHeading"].Value, ""),
            .. (await Budgets.HeadingsAsync(db, id, ct)).Select(h => new SelectListItem(Budgets.Name(h, culture), h.Id.ToString(CultureInfo.InvariantCulture)))];
        return null;
    }
}

/// <summary>An idea as a citizen writes it (in their own words: one language).</summary>
public sealed class IdeaInput
{
    public const int TitleMin = 5;

    [Display(Name = "Decisions.Budget.Heading")] public long? HeadingId { get; set; }
    [Display(Name = "Decisions.Budget.Idea.Title"), Required(ErrorMessage = "Decisions.Budget.Idea.TitleRequired"),
     StringLength(300, MinimumLength = TitleMin, ErrorMessage = "Decisions.Budget.Idea.TitleLength")]
    public string Title { get; set; } = "";
    [Display(Name = "Decisions.Budget.Idea.Description"), Required(ErrorMessage = "Decisions.Budget.Idea.DescriptionRequired"),
     StringLength(8000, MinimumLength = 20, ErrorMessage = "Decisions.Budget.Idea.DescriptionLength")]
    public string? Description { get; set; }
    [Display(Name = "Decisions.Budget.Idea.Cost")] public long? Cost { get; set; }
    [Display(Name = "Decisions.Budget.Field.Latitude")] public double? Latitude { get; set; }
    [Display(Name = "Decisions.Budget.Field.Longitude")] public double? Longitude { get; set; }
    [Display(Name = "Decisions.Budget.Image.Picture")] public IFormFile? Image { get; set; }
    [Display(Name = "Decisions.Budget.Image.Alt"), StringLength(BudgetImages.AltMax, ErrorMessage = "Form.TooLong")] public string? ImageAlt { get; set; }

    public void Validate(ModelStateDictionary state, IEnumerable<string> headings, GeoBounds bounds, IStringLocalizer<Text> t)
    {
        if (HeadingId is not { } heading || !headings.Contains(heading.ToString(CultureInfo.InvariantCulture))) state.AddModelError("Input.HeadingId", t["Decisions.Budget.Error.Heading"]);
        if (Cost is not > 0 && state.GetFieldValidationState("Input.Cost") != ModelValidationState.Invalid) state.AddModelError("Input.Cost", t["Decisions.Budget.Error.Cost"]);
        if ((Latitude is null) != (Longitude is null)) state.AddModelError("Input.Latitude", t["Decisions.Budget.Error.Place"]);
        else if (Latitude is { } lat && Longitude is { } lon && !bounds.Contains(lat, lon)) state.AddModelError("Input.Latitude", t["Decisions.Budget.Error.PlaceOutside"]);
    }
}
