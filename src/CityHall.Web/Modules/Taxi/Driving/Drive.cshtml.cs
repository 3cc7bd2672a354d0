using System.Security.Claims;

namespace CityHall.Web.Modules.Taxi.Driving;

/// <summary>
/// The driver's page on the car's phone: go on and off duty; while on duty the page shares the phone's position
/// every few seconds (wwwroot/js/taxi-drive.js, with the shift's token) and keeps the screen awake. Offers and trip
/// steps join this page with dispatch.
/// </summary>
[Authorize]
public sealed class DriveModel(DriverDuty duty, AppDbContext db, IStringLocalizer<Text> t) : PageModel
{
    public TaxiDriver? Driver { get; private set; }
    public TaxiCompany? Company { get; private set; }
    public string? PositionToken { get; private set; }
    [TempData] public string? Refusal { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Driver?.OnDutySince is not null) PositionToken = duty.IssueToken(Driver.Id);
    }

    public async Task<IActionResult> OnPostOnDutyAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } driver) return NotFound();
        var refusal = await duty.GoOnDutyAsync(driver, ct);
        if (refusal != DutyRefusal.None) Refusal = t[$"Taxi.Drive.Refused.{refusal}"];
        return Redirect("/taxi/drive");
    }

    public async Task<IActionResult> OnPostOffDutyAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } driver) return NotFound();
        await duty.GoOffDutyAsync(driver, ct);
        return Redirect("/taxi/drive");
    }

    private async Task<TaxiDriver?> LoadAsync(CancellationToken ct)
    {
        Driver = await duty.FindByUserAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (Driver is not null) Company = await db.Set<TaxiCompany>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == Driver.CompanyId, ct);
        return Driver;
    }
}
