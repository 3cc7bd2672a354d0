using System.Globalization;

namespace CityHall.Web.Modules.Taxi.Admin;

/// <summary>
/// How the city's taxi calls were served on a day (the city's own calendar day): by hour and by the pickup's district,
/// the calls, how many got a car, the medians to the first offer, to a car and to the pickup, and the share of pickups
/// within 5 minutes; and the problems riders reported about that day's trips, linked to their cases.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + TaxiModule.Operate)]
public sealed class FiguresModel(AppDbContext db, CityHall.Web.Platform.City.CityClock clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }
    public DateOnly Shown { get; private set; }
    public TripFigures All { get; private set; } = null!;
    public IReadOnlyList<(int Hour, TripFigures Figures)> ByHour { get; private set; } = [];
    public IReadOnlyList<(string District, TripFigures Figures)> ByDistrict { get; private set; } = [];
    public IReadOnlyList<(long CallId, string Case, DateTime CalledAt)> Problems { get; private set; } = [];
    public IReadOnlyDictionary<string, string> DistrictNames { get; private set; } = new Dictionary<string, string>();

    public string Local(DateTime utc) => clock.Format(utc);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A day the city could have had taxi calls on; anything else (0001-01-01, 9999-12-31) is refused and today shown.
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        if (Day is { } asked && (asked.Year < 2000 || asked > today.AddDays(1))) ModelState.AddModelError(nameof(Day), t["Taxi.Figures.BadDay"]);
        Shown = ModelState.IsValid && Day is { } day ? day : today;
        var from = clock.FromLocal(Shown.ToDateTime(TimeOnly.MinValue)).UtcDateTime;
        var to = clock.FromLocal(Shown.AddDays(1).ToDateTime(TimeOnly.MinValue)).UtcDateTime;
        var calls = await db.Set<TaxiCall>().AsNoTracking().Where(c => c.CalledAt >= from && c.CalledAt < to)
            .Select(c => new TripFigures.Call(c.CalledAt, c.FirstOfferAt, c.AssignedAt, c.ArrivedAt, c.PickedUpAt, c.State, c.PickupDistrict))
            .ToListAsync(ct);
        All = TripFigures.Of(calls, TripFigures.PickupTarget);
        ByHour = [.. calls.GroupBy(c => clock.ToLocal(new DateTimeOffset(c.CalledAt, TimeSpan.Zero)).Hour).OrderBy(g => g.Key)
            .Select(g => (g.Key, TripFigures.Of(g.ToList(), TripFigures.PickupTarget)))];
        DistrictNames = await CityHall.Web.Platform.City.DistrictChoices.NamesAsync(db);
        ByDistrict = [.. calls.GroupBy(c => c.District ?? "").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, TripFigures.Of(g.ToList(), TripFigures.PickupTarget)))];
        Problems = [.. (await db.Set<TaxiCall>().AsNoTracking().Where(c => c.CalledAt >= from && c.CalledAt < to && c.ProblemCase != null)
            .Select(c => new { c.Id, c.ProblemCase, c.CalledAt }).ToListAsync(ct))
            .OrderBy(c => c.CalledAt).Select(c => (c.Id, c.ProblemCase!, c.CalledAt))];
    }

    /// <summary>A duration as the tables write it: "42 s" / "42초" under a minute, "4:05" from a minute on, "—" for none.</summary>
    public string Seconds(double? seconds) => seconds is { } s
        ? s < 60 ? t["Taxi.Figures.Seconds", Math.Round(s).ToString(CultureInfo.CurrentCulture)] : TimeSpan.FromSeconds(s).ToString(@"m\:ss", CultureInfo.InvariantCulture)
        : "—";

    public static string Share(TripFigures f) => f.ShareInTarget is { } share ? share.ToString("P0", CultureInfo.CurrentCulture) : "—";
}
