using System.Security.Claims;
using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Modules.Taxi.Fleet;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Calls;

/// <summary>
/// The rider's call as it stands: looking for a car (and told when none was found yet), then the assigned car
/// (plate, model, company, driver's name and photo) with its estimated arrival from its latest position; cancel.
/// Refreshes itself every few seconds while the call is open, so it works without JavaScript. Only the rider sees it.
/// </summary>
[Authorize]
public sealed class TripModel(AppDbContext db, CallDesk desk, SafeRide safeRide, DriverMap map, IPickupTimes times, TimeProvider clock,
    CityHall.Web.Platform.City.CityClock cityClock, ServiceRequests.Contracts.ICaseFiling cases, IOptionsMonitor<TaxiOptions> options, IStringLocalizer<Text> t) : PageModel
{
    public TaxiCall Call { get; private set; } = null!;
    public TaxiDriver? Driver { get; private set; }
    public TaxiCompany? Company { get; private set; }
    public double? ArrivalSeconds { get; private set; }
    /// <summary>The assigned car where it was last seen, while it is on its way or carrying the rider (the trip's map).</summary>
    public DriverMap.Spot? Car { get; private set; }
    public bool IsOpen => CallDesk.Open.Contains(Call.State);
    /// <summary>The rider sees the forms; staff handling a problem reported about the trip (its case links here) read it only.</summary>
    public bool IsRider { get; private set; }
    public bool CanReportProblem { get; private set; }
    /// <summary>Told no car was found yet: the rider may look further (once) or hand the call to the call centre.</summary>
    public bool CanHandOver => IsRider && Call.State == TaxiCallState.Waiting && Call.NoCarSince is not null;
    public bool CanWiden => CanHandOver && Call.SearchRadiusMeters < options.CurrentValue.WidenedRadiusMeters;
    /// <summary>The number the call-centre form starts with: the one the rider verified on their account, if any.</summary>
    public string? VerifiedPhone { get; private set; }
    public bool CanSendSafeRide => IsRider && SafeRide.Tracked.Contains(Call.State) && Call.SafeRideTexts < options.CurrentValue.SafeRideTextsPerCall;
    public TaxiOptions Settings => options.CurrentValue;
    /// <summary>What the live part of the page shows, in short: the page replaces it when this changes.</summary>
    public string Version => $"{Call.Revision}-{(Call.NoCarSince is null ? 0 : 1)}-{(ArrivalSeconds is { } s ? CallModel.Minutes(s) : "")}";
    [TempData] public string? SafeRideSentTo { get; set; }

    public string Local(DateTime utc) => cityClock.Format(utc);
    [TempData] public string? Refusal { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        // A refusal from the last post (post, redirect, get) is shown in the page's usual error summary.
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Driver is not null && SafeRide.Tracked.Contains(Call.State) && map.Find(Driver.Id) is { HasPosition: true } car)
        {
            Car = car;
            if (Call.State == TaxiCallState.Assigned)
                ArrivalSeconds = times.Seconds(car.Latitude, car.Longitude, Call.PickupLatitude, Call.PickupLongitude, clock.GetUtcNow());
        }
        if (CanHandOver)
            VerifiedPhone = await db.Users.AsNoTracking().Where(u => u.Id == Call.RiderId && u.PhoneNumberConfirmed).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);
        CanReportProblem = IsRider && Call.DriverId is not null && (Call.ProblemCase is not null || await cases.OffersAsync(options.CurrentValue.ProblemService, ct));
        return Page();
    }

    /// <summary>The assigned driver's photo, for the rider of this call only.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (Driver?.Photo is not { } photo) return NotFound();
        Response.Headers.CacheControl = "private, max-age=300";
        return File(photo, Driver.PhotoType ?? "image/jpeg");
    }

    public async Task<IActionResult> OnPostRateAsync(long id, int? rating, string? comment, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is { } missing) return missing;
        var refusal = rating is { } r ? await desk.RateAsync(Call, r, comment, ct) : CallRefusal.BadRating;
        if (refusal != CallRefusal.None) Refusal = t[$"Taxi.Call.Refused.{refusal}"];
        return Redirect($"/taxi/calls/{id}");
    }

    [EnableRateLimiting(RateLimits.CitizenWrite)]
    public async Task<IActionResult> OnPostSafeRideAsync(long id, string? phone, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is { } missing) return missing;
        var refusal = await safeRide.SendAsync(Call, phone, Request.PublicOrigin(), ct);
        if (refusal == SafeRideRefusal.None) SafeRideSentTo = FleetRules.MobilePhone(phone);
        else Refusal = t[$"Taxi.SafeRide.Refused.{refusal}", Settings.SafeRideTextsPerCall];
        return Redirect($"/taxi/calls/{id}");
    }

    public async Task<IActionResult> OnPostWidenAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is { } missing) return missing;
        var refusal = await desk.WidenAsync(Call, ct);
        if (refusal != CallRefusal.None) Refusal = t[$"Taxi.Call.Refused.{refusal}"];
        return Redirect($"/taxi/calls/{id}");
    }

    /// <summary>No car found: the rider asks the call centre to call back on a mobile number.</summary>
    [EnableRateLimiting(RateLimits.CitizenWrite)]
    public async Task<IActionResult> OnPostHandOverAsync(long id, string? phone, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is { } missing) return missing;
        var refusal = await desk.HandOverAsync(Call, phone, ct);
        if (refusal != CallRefusal.None) Refusal = t[$"Taxi.Call.Refused.{refusal}"];
        return Redirect($"/taxi/calls/{id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is { } missing) return missing;
        var refusal = await desk.CancelAsync(Call, ct);
        if (refusal != CallRefusal.None) Refusal = t[$"Taxi.Call.Refused.{refusal}"];
        return Redirect($"/taxi/calls/{id}");
    }

    /// <summary>
    /// The call for its rider. Staff may read it (never change it) only through a problem the rider reported about it, and
    /// only if they may handle that case (its department's officials): a rider's trips — where from, where to, when — are
    /// theirs, not every official's. Anyone else gets a 404.
    /// </summary>
    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct, bool tracked = false)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var calls = tracked ? db.Set<TaxiCall>() : db.Set<TaxiCall>().AsNoTracking();
        if (await calls.FirstOrDefaultAsync(c => c.Id == id && (c.RiderId == me || (!tracked && c.ProblemCase != null)), ct) is not { } call) return NotFound();
        if (call.RiderId != me && !await cases.MayHandleAsync(User, call.ProblemCase!, ct)) return NotFound();
        Call = call;
        IsRider = call.RiderId == me;
        if (call.DriverId is { } driverId)
        {
            Driver = await db.Set<TaxiDriver>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == driverId, ct);
            if (Driver is not null) Company = await db.Set<TaxiCompany>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == Driver.CompanyId, ct);
        }
        return null;
    }
}
