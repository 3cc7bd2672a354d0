using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.ServiceRequests.Contracts;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Places.Public;

/// <summary>
/// "This entry is wrong": a signed-in citizen says what is wrong with a place and it arrives as a
/// case for staff (through ServiceRequests, service <see cref="PlacesOptions.CorrectionService"/>),
/// linked to the place and located at it; the citizen follows it like any report.
/// </summary>
[Authorize]
public sealed class ReportModel(AppDbContext db, ICaseFiling cases, IOptionsMonitor<PlacesOptions> options, IStringLocalizer<Text> t) : PageModel
{
    public const int MaxDetails = 2000;
    public static readonly string[] Problems = ["closed", "location", "hours", "facilities", "contact", "other"];

    [BindProperty] public ReportInput Input { get; set; } = new();

    public Place Place { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> ProblemItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id) => await LoadAsync(id) ?? Page();

    [EnableRateLimiting(RateLimits.CitizenWrite)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } unavailable) return unavailable;
        if (!Problems.Contains(Input.Problem)) ModelState.AddModelError("Input.Problem", t["Places.Report.ChooseProblem"]);
        var details = Input.Details?.Trim() ?? "";
        if (Input.Problem == "other" && details.Length == 0) ModelState.AddModelError("Input.Details", t["Places.Report.DetailsForOther"]);
        if (details.Length > MaxDetails) ModelState.AddModelError("Input.Details", t["Places.Report.DetailsTooLong", MaxDetails]);
        if (!ModelState.IsValid) return Page();

        var name = Place.NameKo;
        var description = $"{t[$"Places.Report.Problem.{Input.Problem}"]}{(details.Length > 0 ? "\n\n" + details : "")}";
        var filed = await cases.FileAsync(new CaseToFile(options.CurrentValue.CorrectionService, description, name, $"/places/{Place.Id}",
            Place.Latitude, Place.Longitude, Place.RoadAddress ?? Place.LotAddress, Place.DistrictCode, User.FindFirstValue(ClaimTypes.NameIdentifier)!), ct);
        if (filed.Reference is null)
        {
            foreach (var (_, message) in filed.Problems) ModelState.AddModelError("Input.Details", message);
            return Page();
        }
        return Redirect($"/reports/{filed.Reference}");
    }

    private async Task<IActionResult?> LoadAsync(long id)
    {
        if (await db.Set<Place>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id) is not { } place) return NotFound();
        if (!await cases.OffersAsync(options.CurrentValue.CorrectionService)) return NotFound();
        Place = place;
        ProblemItems = Problems.Select(p => new SelectListItem(t[$"Places.Report.Problem.{p}"], p)).ToList();
        return null;
    }

    public sealed class ReportInput
    {
        [Display(Name = "Places.Report.Problem")] public string Problem { get; set; } = "";
        [Display(Name = "Places.Report.Details")] public string? Details { get; set; }
    }
}

/// <summary>The "Places" configuration section.</summary>
public sealed class PlacesOptions
{
    public const string Section = "Places";

    /// <summary>The service (in the service-request catalogue) a report of a wrong entry is filed under.</summary>
    public string CorrectionService { get; set; } = "place-correction";

    /// <summary>How recently a place's data must have been changed or confirmed by an import of its source to count as fresh on the transparency dashboard.</summary>
    public int FreshDays { get; set; } = 365;
}
