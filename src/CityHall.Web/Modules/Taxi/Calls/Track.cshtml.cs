using CityHall.Web.Modules.Taxi.Dispatch;

namespace CityHall.Web.Modules.Taxi.Calls;

/// <summary>
/// The page a safe-ride text links to, for whoever the rider sent it to (no account needed): the car (plate, model,
/// company, driver), the trip's state, its pickup and destination, and where the car was last and when. The link
/// works while the trip is under way; once it ends (or a newer text replaced it) it shows nothing of the trip (410).
/// Refreshes itself while the trip is on.
/// </summary>
[AllowAnonymous]
public sealed class TrackModel(SafeRide safeRide, AppDbContext db, DriverMap map, IPickupTimes times, TimeProvider clock, CityHall.Web.Platform.City.CityClock cityClock,
    CityHall.Web.Platform.City.DistrictMap districts) : PageModel
{
    public TaxiCall? Call { get; private set; }
    public TaxiDriver Driver { get; private set; } = null!;
    public TaxiCompany Company { get; private set; } = null!;
    public DriverMap.Spot? Car { get; private set; }
    public string? CarDistrict { get; private set; }
    public double? ArrivalSeconds { get; private set; }
    /// <summary>The link's token, for the page's push connection (the page's own address holds it already).</summary>
    public string Token { get; private set; } = "";

    public string Local(DateTime utc) => cityClock.Format(utc);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (await safeRide.FindAsync(token, ct) is not { } call) return NotFound();
        if (!SafeRide.Tracked.Contains(call.State) || call.DriverId is not { } driverId)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        (Call, Token) = (call, token);
        Driver = await db.Set<TaxiDriver>().AsNoTracking().SingleAsync(d => d.Id == driverId, ct);
        Company = await db.Set<TaxiCompany>().AsNoTracking().SingleAsync(c => c.Id == Driver.CompanyId, ct);
        if (map.Find(driverId) is { HasPosition: true } car)
        {
            Car = car;
            CarDistrict = districts.DistrictAt(car.Latitude, car.Longitude) is { } code
                ? (await CityHall.Web.Platform.City.DistrictChoices.NamesAsync(db)).GetValueOrDefault(code) : null;
            if (call.State == TaxiCallState.Assigned)
                ArrivalSeconds = times.Seconds(car.Latitude, car.Longitude, call.PickupLatitude, call.PickupLongitude, clock.GetUtcNow());
        }
        return Page();
    }
}
