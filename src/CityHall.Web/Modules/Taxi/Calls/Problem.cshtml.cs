using System.Security.Claims;
using CityHall.Web.Modules.ServiceRequests.Contracts;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Calls;

/// <summary>
/// "Report a problem" with a trip (lost property, overcharging, refusal, driving, other): filed by the rider as a
/// case for staff through ServiceRequests (service <see cref="TaxiOptions.ProblemService"/>), with the trip's facts
/// (car, company, times, fare) in its description and a link back to the trip; one per trip, followed like any report.
/// </summary>
[Authorize]
public sealed class ProblemModel(AppDbContext db, ICaseFiling cases, IOptionsMonitor<TaxiOptions> options, CityHall.Web.Platform.City.CityClock clock,
    IStringLocalizer<Text> t) : PageModel
{
    public const int MaxDetails = 2000;
    public static readonly string[] Problems = ["lost-property", "overcharging", "refusal", "driving", "other"];

    [BindProperty] public ProblemInput Input { get; set; } = new();
    public TaxiCall Call { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> ProblemItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    [EnableRateLimiting(RateLimits.CitizenWrite)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } unavailable) return unavailable;
        if (!Problems.Contains(Input.Problem)) ModelState.AddModelError("Input.Problem", t["Taxi.Problem.Choose"]);
        var details = Input.Details?.Trim() ?? "";
        if (Input.Problem is "other" or "lost-property" && details.Length == 0) ModelState.AddModelError("Input.Details", t["Taxi.Problem.DetailsNeeded"]);
        if (details.Length > MaxDetails) ModelState.AddModelError("Input.Details", t["Taxi.Problem.DetailsTooLong", MaxDetails]);
        if (!ModelState.IsValid) return Page();

        var driver = await db.Set<TaxiDriver>().AsNoTracking().SingleAsync(d => d.Id == Call.DriverId, ct);
        var company = await db.Set<TaxiCompany>().AsNoTracking().SingleAsync(c => c.Id == driver.CompanyId, ct);
        // Staff read the trip's facts in the case itself, whoever opens it and whatever happens to the trip later.
        var facts = t["Taxi.Problem.Facts", driver.Plate, driver.CarModel, $"{company.NameKo} ({company.RegistrationNumber})", driver.LicenceNumber,
            clock.Format(Call.CalledAt), Call.PickupAddress ?? "—", Call.DestinationAddress ?? "—", Call.Fare?.ToString("N0") ?? "—"];
        var description = $"{t[$"Taxi.Problem.Kind.{Input.Problem}"]}{(details.Length > 0 ? "\n\n" + details : "")}\n\n{facts}";
        var filed = await cases.FileAsync(new CaseToFile(options.CurrentValue.ProblemService, description, t["Taxi.Problem.Subject", driver.Plate, clock.Format(Call.CalledAt)],
            $"/taxi/calls/{Call.Id}", Call.PickupLatitude, Call.PickupLongitude, Call.PickupAddress, Call.PickupDistrict, User.FindFirstValue(ClaimTypes.NameIdentifier)!), ct);
        if (filed.Reference is null)
        {
            foreach (var (_, message) in filed.Problems) ModelState.AddModelError("Input.Details", message);
            return Page();
        }
        // One report per trip: the trip was read (tracked) before filing, so a second post racing this one fails on the revision
        // and its rider is sent to the case that was recorded.
        Call.ProblemCase = filed.Reference;
        Call.Revision++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Redirect($"/taxi/calls/{Call.Id}/problem"); }
        return Redirect($"/reports/{filed.Reference}");
    }

    /// <summary>The rider's own trip that had a car; a trip already reported goes to its case.</summary>
    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (await db.Set<TaxiCall>().FirstOrDefaultAsync(c => c.Id == id && c.RiderId == me && c.DriverId != null, ct) is not { } call) return NotFound();
        if (call.ProblemCase is { } filed) return Redirect($"/reports/{filed}");
        if (!await cases.OffersAsync(options.CurrentValue.ProblemService, ct)) return NotFound();
        Call = call;
        ProblemItems = Problems.Select(p => new SelectListItem(t[$"Taxi.Problem.Kind.{p}"], p)).ToList();
        return null;
    }

    public sealed class ProblemInput
    {
        // Nullable: a form sent without a choice is refused with the page's own message, not the framework's "required".
        [Display(Name = "Taxi.Problem.What")] public string? Problem { get; set; }
        [Display(Name = "Taxi.Problem.Details")] public string? Details { get; set; }
    }
}
