using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Petitions.Public;

/// <summary>
/// A signed-in citizen writes a proposal. "Check for similar proposals" (or, with JavaScript, typing
/// the title) lists published proposals with much the same title, so people support one instead of
/// starting a duplicate. A new proposal waits for a moderator.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimits.CitizenWrite)]
[RequestSizeLimit(ProposalImages.MaxUploadBytes + 1_048_576)] // a phone photo and the text; larger files are refused with a message
public sealed class ProposeModel(AppDbContext db, SimilarPetitions similar, PetitionText text, Fraud.ActivityWatch watch, TimeProvider clock,
    UploadAllowance allowance, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public ProposalInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Categories { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Districts { get; private set; } = [];
    public IReadOnlyList<SimilarPetitions.Match>? Similar { get; private set; }

    public async Task OnGetAsync() => await PrepareAsync();

    public async Task<IActionResult> OnPostSimilarAsync()
    {
        ModelState.Clear(); // only looking: the draft is not judged yet
        Similar = await similar.FindAsync(Input.Title);
        await PrepareAsync();
        return Page();
    }

    /// <summary>The same list as a fragment, fetched by site.js while the title is typed (nothing happens without JavaScript).</summary>
    public async Task<IActionResult> OnGetSimilarAsync(string? title) =>
        Partial("/Modules/Petitions/Public/_SimilarTitles.cshtml", await similar.FindAsync(title));

    public async Task<IActionResult> OnPostAsync()
    {
        if (!string.IsNullOrEmpty(Input.CategoryCode) && text.Options.Categories.All(c => c.Code != Input.CategoryCode))
            ModelState.AddModelError("Input.CategoryCode", t["Petitions.Category.Required"]);
        if (!string.IsNullOrEmpty(Input.DistrictCode) && !await db.Set<CityHall.Web.Platform.City.District>().AnyAsync(d => d.Code == Input.DistrictCode))
            Input.DistrictCode = null;
        PreparedPhoto? picture = null;
        if (Input.Image is { } upload)
        {
            if (string.IsNullOrWhiteSpace(Input.ImageAlt)) ModelState.AddModelError("Input.ImageAlt", t["Petitions.Image.AltRequired"]);
            if (upload.Length > ProposalImages.MaxUploadBytes) ModelState.AddModelError("Input.Image", t["Petitions.Image.TooLarge"]);
            // Counted against the day's quota, and decoded, only when the rest of the proposal is in order:
            // a proposal sent back for a missing title costs its author none of it.
            else if (ModelState.IsValid)
            {
                if (!await allowance.TryTakeAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, upload.Length, HttpContext.RequestAborted))
                    ModelState.AddModelError("Input.Image", t["Uploads.DailyQuota", allowance.DailyBytes / (1024 * 1024)]);
                else
                {
                    await using var stream = upload.OpenReadStream();
                    var (prepared, error) = ProposalImages.Prepare(stream, upload.Length);
                    if (error is not null) ModelState.AddModelError("Input.Image", t[error]);
                    picture = prepared;
                }
            }
        }
        if (!ModelState.IsValid)
        {
            await PrepareAsync();
            return Page();
        }
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == User.FindFirstValue(ClaimTypes.NameIdentifier));
        var grams = TitleGrams.Of(Input.Title);
        var petition = new Petition
        {
            Title = Input.Title.Trim(),
            Body = Input.Body.Trim(),
            CategoryCode = Input.CategoryCode,
            DistrictCode = string.IsNullOrEmpty(Input.DistrictCode) ? null : Input.DistrictCode,
            AuthorId = user.Id,
            AuthorName = user.DisplayName,
            Status = PetitionStatus.PendingReview,
            CreatedAt = clock.GetUtcNow(),
            Salt = RandomNumberGenerator.GetBytes(32),
            TitleGramCount = grams.Count,
            // Part of a burst: accepted like any other, marked for the moderator who reviews it.
            Flagged = watch.IsBurst(Fraud.WatchedActivity.Propose, user.Id, Fraud.RequestOrigin.Address(HttpContext)),
        };
        db.Add(petition);
        await db.SaveChangesAsync();
        db.AddRange(grams.Select(g => new PetitionTitleGram { PetitionId = petition.Id, Gram = g }));
        if (picture is not null)
            db.Add(new ProposalImage
            {
                PetitionId = petition.Id, Bytes = picture.Bytes, Width = picture.Width, Height = picture.Height,
                AltText = Input.ImageAlt!.Trim(), Hash = picture.Hash,
            });
        await db.SaveChangesAsync();
        return Redirect($"/petitions/{petition.Id}?done=submitted");
    }

    private async Task PrepareAsync()
    {
        Categories = text.CategoryItems();
        Districts = await text.DistrictItemsAsync("Petitions.District.None");
    }
}

public sealed class ProposalInput
{
    [Display(Name = "Petitions.Field.Title")]
    [Required(ErrorMessage = "Petitions.Title.Required")]
    [StringLength(PetitionLimits.TitleMax, MinimumLength = PetitionLimits.TitleMin, ErrorMessage = "Petitions.Title.Length")]
    public string Title { get; set; } = "";

    [Display(Name = "Petitions.Field.Body")]
    [Required(ErrorMessage = "Petitions.Body.Required")]
    [StringLength(PetitionLimits.BodyMax, MinimumLength = PetitionLimits.BodyMin, ErrorMessage = "Petitions.Body.Length")]
    public string Body { get; set; } = "";

    [Display(Name = "Petitions.Field.Category")]
    [Required(ErrorMessage = "Petitions.Category.Required")]
    public string CategoryCode { get; set; } = "";

    [Display(Name = "Petitions.Field.District")]
    public string? DistrictCode { get; set; }

    [Display(Name = "Petitions.Field.Image")]
    public IFormFile? Image { get; set; }

    [Display(Name = "Petitions.Field.ImageAlt")]
    [StringLength(ProposalImages.AltMax, ErrorMessage = "Petitions.Image.AltLength")]
    public string? ImageAlt { get; set; }
}
