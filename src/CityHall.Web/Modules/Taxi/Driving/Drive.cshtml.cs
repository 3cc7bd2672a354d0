using System.Security.Claims;

namespace CityHall.Web.Modules.Taxi.Driving;

/// <summary>
/// The driver's page on the car's phone: go on and off duty; while on duty the page shares the phone's position
/// every few seconds (wwwroot/js/taxi-drive.js, with the shift's token) and keeps the screen awake. Offers and trip
/// steps join this page with dispatch.
/// </summary>
[Authorize]
public sealed class DriveModel(DriverDuty duty, PositionTokens tokens, Microsoft.Extensions.Options.IOptionsMonitor<TaxiOptions> options, Calls.CallDesk desk, AppDbContext db, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    public TaxiOffer? Offer { get; private set; }
    public TaxiCall? OfferedCall { get; private set; }
    public TaxiCall? Trip { get; private set; }
    public int OfferSecondsLeft => Offer is null ? 0 : Math.Max(0, (int)(Offer.ExpiresAt - clock.GetUtcNow().UtcDateTime).TotalSeconds);

    public TaxiDriver? Driver { get; private set; }
    public TaxiCompany? Company { get; private set; }
    public string? PositionToken { get; private set; }
    /// <summary>Whether the page sends positions over its hub connection (<see cref="TaxiOptions.PositionsOverHub"/>).</summary>
    public bool PositionsOverHub => options.CurrentValue.PositionsOverHub;
    [TempData] public string? Refusal { get; set; }
    /// <summary>The offer and the trip, in short: the page replaces its live part when this changes.</summary>
    public string Version => $"{Offer?.Id}-{Trip?.Id}-{Trip?.State}";
    /// <summary>What is read out when the live part changes: a new call, or the trip's state.</summary>
    public string? Announcement => Offer is not null ? t["Taxi.Drive.NewCall"].Value : Trip is { } trip ? t[$"Taxi.Trip.State.{trip.State}"].Value : null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A refusal from the last post (post, redirect, get) is shown in the page's usual error summary.
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        await LoadAsync(ct);
        if (Driver?.OnDutySince is not { }) return;
        PositionToken = tokens.Issue(Driver.Id);
        Trip = await db.Set<TaxiCall>().AsNoTracking().FirstOrDefaultAsync(c => c.DriverId == Driver.Id && Calls.CallDesk.Open.Contains(c.State), ct);
        Offer = Trip is null ? await desk.PendingOfferAsync(Driver.Id, ct) : null;
        // The pickup only: the destination is shown once the rider is on board, so no short trip is refused.
        if (Offer is not null) OfferedCall = await db.Set<TaxiCall>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == Offer.CallId, ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(long offerId, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } driver) return NotFound();
        var refusal = await desk.AcceptAsync(driver.Id, offerId, ct);
        if (refusal != Calls.CallRefusal.None) Refusal = t[$"Taxi.Call.Refused.{refusal}"];
        return Redirect("/taxi/drive");
    }

    /// <summary>A trip step: arrived, on board, or ended with the fare (won).</summary>
    public async Task<IActionResult> OnPostStepAsync(long callId, TaxiCallState step, string? fare, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } driver) return NotFound();
        long? won = long.TryParse(fare?.Replace(",", "", StringComparison.Ordinal).Trim(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var refusal = await desk.StepAsync(driver.Id, callId, step, won, ct);
        if (refusal != Calls.CallRefusal.None) Refusal = t[$"Taxi.Call.Refused.{refusal}"];
        return Redirect("/taxi/drive");
    }

    public async Task<IActionResult> OnPostDeclineAsync(long offerId, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } driver) return NotFound();
        var refusal = await desk.DeclineAsync(driver.Id, offerId, ct);
        if (refusal != Calls.CallRefusal.None) Refusal = t[$"Taxi.Call.Refused.{refusal}"];
        return Redirect("/taxi/drive");
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
