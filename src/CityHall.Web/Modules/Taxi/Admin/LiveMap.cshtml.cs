using System.Globalization;
using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Admin;

/// <summary>What an on-duty car is doing, as the operators' map shows it.</summary>
public enum CarOnMap
{
    Free,
    /// <summary>Holding an offer, waiting for the driver's answer.</summary>
    Offered,
    /// <summary>On the way to a pickup or carrying a rider.</summary>
    OnTrip,
    /// <summary>Free but paused for missing offers.</summary>
    Paused,
    /// <summary>Free, but no position within <see cref="TaxiOptions.PositionFreshSeconds"/>: offered nothing (the phone stopped sharing).</summary>
    Unseen,
}

/// <summary>
/// The operators' live view: every on-duty car by what it is doing (<see cref="CarOnMap"/>) and every call waiting for a
/// car, as figures for the city and by district (the page, which works without JavaScript and follows itself through
/// live-region.js) and on a map (wwwroot/js/taxi-live-map.js, from <c>?handler=data</c> for the part in view: each car,
/// or counts per grid cell where more than <see cref="TaxiOptions.LiveMapCarsLimit"/> are in view). Cars are shown by state only: no
/// driver, no rider, no address.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + TaxiModule.Operate)]
public sealed class LiveMapModel(DriverMap map, AppDbContext db, DistrictMap districts, IOptionsMonitor<TaxiOptions> options,
    IOptionsMonitor<CityOptions> city, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    /// <summary>Cells across the larger side of the view when cars are counted per cell.</summary>
    public const int CellsAcross = 40;

    public static readonly CarOnMap[] Kinds = Enum.GetValues<CarOnMap>();

    /// <summary>Cars by what they are doing, and calls waiting (of which told no car was found yet).</summary>
    public sealed class Figures
    {
        public int[] Cars { get; } = new int[Kinds.Length];
        public int OnDuty => Cars.Sum();
        public int Waiting { get; set; }
        public int NoCarYet { get; set; }
    }

    private sealed record WaitingCall(double Latitude, double Longitude, DateTime CalledAt, bool NoCar, string? District);

    public Figures Total { get; } = new();
    public IReadOnlyList<(string District, Figures Figures)> ByDistrict { get; private set; } = [];
    public TimeSpan? LongestWait { get; private set; }
    public CityOptions City => city.CurrentValue;
    /// <summary>The figures in short: the page replaces its live part when they change.</summary>
    public string Version => string.Join('-', Total.Cars.Append(Total.Waiting).Append(Total.NoCarYet).Append((int)(LongestWait?.TotalMinutes ?? -1)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var freshSince = FreshSince(now);
        var names = await DistrictChoices.NamesAsync(db);
        var byDistrict = new Dictionary<string, Figures>(StringComparer.Ordinal);
        Figures Of(string? code) => code is null ? Outside : byDistrict.TryGetValue(code, out var f) ? f : byDistrict[code] = new Figures();
        foreach (var car in map.All())
        {
            var kind = Classify(car, freshSince);
            Total.Cars[(int)kind]++;
            if (car.HasPosition) Of(districts.DistrictAt(car.Latitude, car.Longitude)).Cars[(int)kind]++;
        }
        var waiting = await WaitingAsync(ct);
        foreach (var call in waiting)
        {
            Total.Waiting++;
            var figures = Of(call.District);
            figures.Waiting++;
            if (call.NoCar) { Total.NoCarYet++; figures.NoCarYet++; }
        }
        if (waiting.Count > 0) LongestWait = now.UtcDateTime - waiting.Min(c => c.CalledAt);
        ByDistrict = [.. byDistrict.Select(kv => (names.GetValueOrDefault(kv.Key) ?? kv.Key, kv.Value)).OrderBy(d => d.Item1, StringComparer.Create(CultureInfo.CurrentCulture, false))];
    }

    /// <summary>Cars and calls outside every district (or all of them, for a city without district boundaries).</summary>
    public Figures Outside { get; } = new();

    /// <summary>
    /// The part of the map in view, as compact JSON: <c>cars</c> [latitude, longitude, kind] or, with more than
    /// <see cref="TaxiOptions.LiveMapCarsLimit"/> in view, <c>cells</c> [latitude, longitude, count of each kind…] at the cars' mean
    /// position; and <c>calls</c> [latitude, longitude, seconds waited, 1 when told no car was found yet].
    /// </summary>
    public async Task<IActionResult> OnGetDataAsync(double? south, double? west, double? north, double? east, CancellationToken ct)
    {
        if (south is not { } s || west is not { } w || north is not { } n || east is not { } e
            || !double.IsFinite(s) || !double.IsFinite(w) || !double.IsFinite(n) || !double.IsFinite(e)
            || s < -90 || n > 90 || s >= n || w < -180 || e > 180 || w >= e)
            return new ObjectResult(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = t["Taxi.LiveMap.BadView"] })
            {
                StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" },
            };
        Response.Headers.CacheControl = "no-store";
        var now = clock.GetUtcNow();
        var freshSince = FreshSince(now);
        var inView = map.All().Where(c => c.HasPosition && c.Latitude >= s && c.Latitude <= n && c.Longitude >= w && c.Longitude <= e).ToList();
        List<double[]>? cars = null, cells = null;
        if (inView.Count <= options.CurrentValue.LiveMapCarsLimit)
            cars = [.. inView.Select(c => new[] { Math.Round(c.Latitude, 5), Math.Round(c.Longitude, 5), (double)Classify(c, freshSince) })];
        else
        {
            var size = Math.Max(n - s, e - w) / CellsAcross;
            cells = [.. inView.GroupBy(c => ((int)Math.Floor((c.Latitude - s) / size), (int)Math.Floor((c.Longitude - w) / size))).Select(g =>
            {
                var cell = new double[2 + Kinds.Length];
                cell[0] = Math.Round(g.Average(c => c.Latitude), 5);
                cell[1] = Math.Round(g.Average(c => c.Longitude), 5);
                foreach (var c in g) cell[2 + (int)Classify(c, freshSince)]++;
                return cell;
            })];
        }
        var calls = (await WaitingAsync(ct)).Where(c => c.Latitude >= s && c.Latitude <= n && c.Longitude >= w && c.Longitude <= e)
            .Select(c => new[] { Math.Round(c.Latitude, 5), Math.Round(c.Longitude, 5), Math.Round((now.UtcDateTime - c.CalledAt).TotalSeconds), c.NoCar ? 1d : 0d })
            .ToList();
        return new JsonResult(new { at = now, cars, cells, calls });
    }

    public static CarOnMap Classify(DriverMap.Spot car, DateTimeOffset freshSince) => car.State switch
    {
        DriverState.Offered => CarOnMap.Offered,
        DriverState.Busy => CarOnMap.OnTrip,
        _ when !car.HasPosition || car.ReportedAt < freshSince => CarOnMap.Unseen,
        _ when car.Paused => CarOnMap.Paused,
        _ => CarOnMap.Free,
    };

    private DateTimeOffset FreshSince(DateTimeOffset now) => now - TimeSpan.FromSeconds(options.CurrentValue.PositionFreshSeconds);

    private async Task<List<WaitingCall>> WaitingAsync(CancellationToken ct) =>
        await db.Set<TaxiCall>().AsNoTracking().Where(c => c.State == TaxiCallState.Waiting)
            .Select(c => new WaitingCall(c.PickupLatitude, c.PickupLongitude, c.CalledAt, c.NoCarSince != null, c.PickupDistrict)).ToListAsync(ct);
}
