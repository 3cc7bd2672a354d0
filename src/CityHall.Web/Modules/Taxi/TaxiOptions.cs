namespace CityHall.Web.Modules.Taxi;

/// <summary>Taxi call and dispatch settings (section "Taxi").</summary>
public sealed class TaxiOptions
{
    public const string Section = "Taxi";

    public bool Enabled { get; set; } = true;

    /// <summary>A rider may cancel free of charge this long after a car was assigned (or any time once the car is late).</summary>
    public int FreeCancellationSeconds { get; set; } = 60;

    /// <summary>The fee for cancelling an assigned car later than that, in won.</summary>
    public long CancellationFee { get; set; } = 2_000;

    /// <summary>A car is late once this long past the pickup time it was offered with.</summary>
    public int LateAfterMinutes { get; set; } = 5;

    /// <summary>How many safe-ride texts a rider may send for one call (to correct a mistyped number; each replaces the last link).</summary>
    public int SafeRideTextsPerCall { get; set; } = 3;

    /// <summary>
    /// How the rider reaches the driver by phone: <see cref="DriverPhoneDisplay.Hidden"/> (not at all),
    /// <see cref="DriverPhoneDisplay.Relay"/> (the relay number below and the trip's number to key in, so neither sees
    /// the other's number; the relay exchange is the phone operator's service) or <see cref="DriverPhoneDisplay.Direct"/>.
    /// </summary>
    public DriverPhoneDisplay DriverPhone { get; set; } = DriverPhoneDisplay.Hidden;

    /// <summary>The masked relay's number (Relay only), e.g. "0507-1234-5678".</summary>
    public string? RelayNumber { get; set; }

    /// <summary>The service-request catalogue's service a problem with a trip is filed under (lost property, overcharging, refusal…).</summary>
    public string ProblemService { get; set; } = "taxi-trip";

    /// <summary>
    /// How long a trip's personal details (addresses, destination, exact pickup, rating comment) are kept after the call:
    /// long enough for lost property and complaints, then only what the figures need stays.
    /// </summary>
    public int TripDetailsDays { get; set; } = 180;

    /// <summary>Languages besides Korean a driver may say they speak (ISO 639-1), in the order forms list them.</summary>
    public List<string> Languages { get; set; } = ["en", "zh", "ja", "ru", "vi", "mn"];

    /// <summary>The largest driver's photo accepted, in bytes (it is re-encoded and shrunk).</summary>
    public long MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Whether the driver's page sends its positions over its hub connection (when up) rather than a request each. Off by
    /// default: on this project's 2-core benchmark the hub held the same 14,000 a second with a higher tail and, beside 50
    /// calls a second, slowed dispatch (docs/benchmarks.md, taxi); a city whose nodes have the cores may measure again.
    /// </summary>
    public bool PositionsOverHub { get; set; }

    /// <summary>
    /// The department whose officials (with <see cref="TaxiModule.Operate"/>) answer the calls riders hand over to the call
    /// centre when no car was found (<c>/admin/taxi/call-centre</c>): they see the rider's number, so not every official does.
    /// </summary>
    public string CallCentreDepartment { get; set; } = "transport";

    /// <summary>A car whose last position is older than this is not offered a call.</summary>
    public int PositionFreshSeconds { get; set; } = 30;

    /// <summary>
    /// More cars than this in the operators' map view are drawn as counts per area (a browser draws a few thousand
    /// markers smoothly, not Seoul's 70,000).
    /// </summary>
    public int LiveMapCarsLimit { get; set; } = 3000;

    /// <summary>A position implying a faster move than this since the last one is refused (a GPS jump or a forged report).</summary>
    public double MaxSpeedKmh { get; set; } = 200;

    /// <summary>How far from the pickup free cars are looked for, and how far when the rider widens the search.</summary>
    public double SearchRadiusMeters { get; set; } = 3_000;

    public double WidenedRadiusMeters { get; set; } = 8_000;

    /// <summary>
    /// How long a new call waits for others to be matched with it in one batch. Longer batches match better but
    /// keep riders waiting for their first offer; at 0.5 s the first offer comes within a second.
    /// </summary>
    public int BatchWindowMilliseconds { get; set; } = 500;

    /// <summary>The longest time between rounds, which also expire offers and tell riders no car was found.</summary>
    public int RoundEveryMilliseconds { get; set; } = 2_000;

    /// <summary>
    /// With several nodes, one dispatches at a time under a Redis lease of this many seconds, extended every fifth of
    /// it; when the holder is gone another takes over within this time.
    /// </summary>
    public int DispatchLeaseSeconds { get; set; } = 10;

    /// <summary>How often the dispatching node compares its queue with the database's waiting calls (messages lost between nodes).</summary>
    public int ReconcileCallsSeconds { get; set; } = 5;

    /// <summary>How often it compares its map with the drivers on duty and on a trip in the database.</summary>
    public int ReconcileDriversSeconds { get; set; } = 30;

    /// <summary>How long a driver has to accept an offer.</summary>
    public int OfferSeconds { get; set; } = 15;

    /// <summary>A call with no car assigned after this long is told so: the rider may widen the search or call the phone centre.</summary>
    public int NoCarAfterMinutes { get; set; } = 5;

    /// <summary>A driver who declines or lets expire this many offers within <see cref="MissWindowMinutes"/> is paused.</summary>
    public int MissesBeforePause { get; set; } = 3;

    public int MissWindowMinutes { get; set; } = 30;

    public int PauseMinutes { get; set; } = 10;

    /// <summary>The nearest eligible cars considered for each call in a dispatch round.</summary>
    public int CandidatesPerCall { get; set; } = 8;

    /// <summary>
    /// The largest batch (calls × cars considered) matched optimally in one round; a larger one is matched greedily,
    /// nearest first, so a burst of calls never holds a round past its time budget.
    /// </summary>
    public int OptimalBatchCells { get; set; } = 250_000;

    /// <summary>Road distance over straight-line distance, for estimating pickup times without a road router.</summary>
    public double DetourFactor { get; set; } = 1.35;

    /// <summary>Travel speed when no rule below matches.</summary>
    public double DefaultSpeedKmh { get; set; } = 20;

    /// <summary>Travel speeds by district and hour of the city's day; the first matching rule wins.</summary>
    public List<TaxiSpeedRule> Speeds { get; set; } =
    [
        new() { FromHour = 7, ToHour = 10, Kmh = 14 },
        new() { FromHour = 17, ToHour = 20, Kmh = 13 },
        new() { FromHour = 0, ToHour = 5, Kmh = 32 },
    ];
}

public enum DriverPhoneDisplay { Hidden, Relay, Direct }

/// <summary>Cars travel at <see cref="Kmh"/> in these districts (none listed: everywhere) from <see cref="FromHour"/> up to <see cref="ToHour"/>.</summary>
public sealed class TaxiSpeedRule
{
    public List<string> Districts { get; set; } = [];

    public int FromHour { get; set; }

    public int ToHour { get; set; } = 24;

    public double Kmh { get; set; }

    public bool Covers(string? district, int hour) =>
        hour >= FromHour && hour < ToHour && (Districts.Count == 0 || (district is not null && Districts.Contains(district, StringComparer.Ordinal)));
}
