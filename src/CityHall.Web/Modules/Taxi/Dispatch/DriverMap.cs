using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Dispatch;

/// <summary>What a car offers beyond a seat: hard requirements a call may set.</summary>
[Flags]
public enum CarFeatures
{
    None = 0,
    /// <summary>Carries a wheelchair user (a ramp or lift): Seoul's call service for people with disabilities.</summary>
    WheelchairAccessible = 1,
    NonSmokingDriver = 2,
    PetsWelcome = 4,
}

/// <summary>A car and its driver as dispatch sees them: features and the languages spoken besides the city's own.</summary>
public sealed record CarTraits(CarFeatures Features, IReadOnlySet<string> Languages)
{
    /// <summary>From a driver's record: the languages as stored, ISO 639-1 codes separated by spaces ("en ja").</summary>
    public static CarTraits Of(CarFeatures features, string languages) =>
        new(features, languages.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));

    public static readonly CarTraits Plain = new(CarFeatures.None, new HashSet<string>());
}

/// <summary>What a call requires of the car; every part is a hard constraint.</summary>
public sealed record CallNeeds(CarFeatures Features, string? Language)
{
    public static readonly CallNeeds Any = new(CarFeatures.None, null);

    public bool MetBy(CarTraits car) =>
        (car.Features & Features) == Features && (Language is null || car.Languages.Contains(Language));
}

public enum DriverState
{
    /// <summary>On duty and may be offered a call.</summary>
    Free,
    /// <summary>Holding an offer: offered nothing else until it is answered or expires.</summary>
    Offered,
    /// <summary>Assigned to a call, on the way to the pickup or carrying the rider.</summary>
    Busy,
}

/// <summary>Why a position report was not taken.</summary>
public enum PositionRefusal
{
    None,
    NotOnDuty,
    /// <summary>Stamped later than the city's clock allows (a device clock far ahead).</summary>
    FromTheFuture,
    /// <summary>Older than the position held: reports crossed on the way; the newer one stands.</summary>
    Outdated,
    /// <summary>Implies a move faster than <see cref="TaxiOptions.MaxSpeedKmh"/>.</summary>
    ImpossibleJump,
    /// <summary>Outside <c>City:Bounds</c> (never the map's answer: checked before it, by <see cref="Driving.PositionTaker"/>).</summary>
    OutsideCity,
}

/// <summary>
/// Every on-duty driver's last position and state, in memory; the free ones with a position are also in a
/// <see cref="GeoGrid{T}"/>, so the cars nearest a pickup are found without looking at the other 70,000.
/// Thousands of reports a second each hold the lock for a dictionary update; a dispatch round holds it while
/// it gathers candidates. Which drivers are on duty and busy is decided by the module's records; this is the
/// fast view dispatch works from.
/// </summary>
public sealed class DriverMap(TimeProvider clock, IOptionsMonitor<TaxiOptions> options)
{
    /// <summary>How far ahead of the city's clock a device's timestamp may be (clocks drift).</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(10);

    private sealed class Driver(long id, CarTraits traits)
    {
        public long Id { get; } = id;
        public CarTraits Traits { get; set; } = traits;
        public bool HasPosition { get; set; }
        public double Latitude { get; set; }
        public double Longitude { get; set; }
        public DateTimeOffset ReportedAt { get; set; }
        public DriverState State { get; set; }
        public DateTimeOffset PausedUntil { get; set; }
        /// <summary>The call a busy driver is on (its rider's page follows the car).</summary>
        public long? TripCallId { get; set; }
    }

    /// <summary>A free car near a pickup: where it was and when.</summary>
    public readonly record struct Candidate(long DriverId, double Latitude, double Longitude, DateTimeOffset ReportedAt, double Meters);

    /// <summary>A driver's place on the map, and the call a busy driver is on when known.</summary>
    public readonly record struct Spot(long DriverId, DriverState State, bool HasPosition, double Latitude, double Longitude, DateTimeOffset ReportedAt, bool Paused,
        long? TripCallId = null);

    private readonly Lock gate = new();
    private readonly Dictionary<long, Driver> drivers = [];
    private readonly GeoGrid<Driver> free = new();

    /// <summary>Puts the driver on duty, free, with no position until the first report (and so offered nothing).</summary>
    public void OnDuty(long driverId, CarTraits traits)
    {
        lock (gate)
        {
            if (drivers.TryGetValue(driverId, out var known)) { known.Traits = traits; return; }
            drivers[driverId] = new Driver(driverId, traits);
        }
    }

    public void OffDuty(long driverId)
    {
        lock (gate)
        {
            drivers.Remove(driverId);
            free.Remove(driverId);
        }
    }

    /// <summary>Takes a position report; <see cref="PositionRefusal.None"/> when it now stands.</summary>
    public PositionRefusal Report(long driverId, double latitude, double longitude, DateTimeOffset at)
    {
        var now = clock.GetUtcNow();
        if (at > now + ClockSkew) return PositionRefusal.FromTheFuture;
        lock (gate)
        {
            if (!drivers.TryGetValue(driverId, out var driver)) return PositionRefusal.NotOnDuty;
            if (driver.HasPosition)
            {
                // The same fix sent again (a page reloaded with the phone's cached fix, a retry) changes nothing and is no error.
                if (at == driver.ReportedAt && latitude == driver.Latitude && longitude == driver.Longitude) return PositionRefusal.None;
                if (at <= driver.ReportedAt) return PositionRefusal.Outdated;
                // Speed over at least one second: two fixes a moment apart carry GPS noise, not a move.
                var seconds = Math.Max(1, (at - driver.ReportedAt).TotalSeconds);
                var meters = Geo.Meters(driver.Latitude, driver.Longitude, latitude, longitude);
                if (meters / seconds * 3.6 > options.CurrentValue.MaxSpeedKmh) return PositionRefusal.ImpossibleJump;
            }
            (driver.Latitude, driver.Longitude, driver.ReportedAt, driver.HasPosition) = (latitude, longitude, at, true);
            if (driver.State == DriverState.Free) free.Set(driverId, latitude, longitude, driver);
            return PositionRefusal.None;
        }
    }

    /// <summary>
    /// Up to <paramref name="limit"/> free, unpaused cars within <paramref name="radiusMeters"/> whose position is
    /// fresh and that meet <paramref name="needs"/>, nearest first, leaving out <paramref name="excluded"/>
    /// (drivers who already declined this call).
    /// </summary>
    public IReadOnlyList<Candidate> Candidates(double latitude, double longitude, double radiusMeters, int limit, CallNeeds needs,
        IReadOnlySet<long>? excluded = null)
    {
        var now = clock.GetUtcNow();
        var freshSince = now - TimeSpan.FromSeconds(options.CurrentValue.PositionFreshSeconds);
        lock (gate)
        {
            var hits = free.Nearest(latitude, longitude, radiusMeters, limit,
                d => d.ReportedAt >= freshSince && d.PausedUntil <= now && needs.MetBy(d.Traits) && excluded?.Contains(d.Id) != true);
            return [.. hits.Select(h => new Candidate(h.Id, h.Value.Latitude, h.Value.Longitude, h.Value.ReportedAt, h.Meters))];
        }
    }

    /// <summary>Marks a free driver as holding an offer; false when the driver is not on duty or not free.</summary>
    public bool TryOffer(long driverId)
    {
        lock (gate)
        {
            if (!drivers.TryGetValue(driverId, out var driver) || driver.State != DriverState.Free) return false;
            driver.State = DriverState.Offered;
            free.Remove(driverId);
            return true;
        }
    }

    /// <summary>
    /// Sets an on-duty driver's state (an offer accepted: busy, on <paramref name="tripCallId"/> when known; declined,
    /// expired or a trip ended: free).
    /// </summary>
    public void SetState(long driverId, DriverState state, long? tripCallId = null)
    {
        lock (gate)
        {
            if (!drivers.TryGetValue(driverId, out var driver)) return;
            driver.State = state;
            driver.TripCallId = state == DriverState.Busy ? tripCallId ?? driver.TripCallId : null;
            if (state == DriverState.Free && driver.HasPosition) free.Set(driverId, driver.Latitude, driver.Longitude, driver);
            else free.Remove(driverId);
        }
    }

    /// <summary>Keeps a driver from being offered calls until <paramref name="until"/> (too many declined or missed offers).</summary>
    public void Pause(long driverId, DateTimeOffset until)
    {
        lock (gate)
            if (drivers.TryGetValue(driverId, out var driver)) driver.PausedUntil = until;
    }

    public Spot? Find(long driverId)
    {
        lock (gate)
            return drivers.TryGetValue(driverId, out var d)
                ? new Spot(d.Id, d.State, d.HasPosition, d.Latitude, d.Longitude, d.ReportedAt, d.PausedUntil > clock.GetUtcNow(), d.TripCallId)
                : null;
    }

    /// <summary>How many drivers are on duty now (the sector page's live figure).</summary>
    public int OnDutyCount
    {
        get { lock (gate) return drivers.Count; }
    }

    /// <summary>Every on-duty driver (for the operators' live map).</summary>
    public IReadOnlyList<Spot> All()
    {
        var now = clock.GetUtcNow();
        lock (gate)
            return [.. drivers.Values.Select(d => new Spot(d.Id, d.State, d.HasPosition, d.Latitude, d.Longitude, d.ReportedAt, d.PausedUntil > now, d.TripCallId))];
    }
}
