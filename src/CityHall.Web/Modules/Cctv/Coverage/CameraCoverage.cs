using System.Collections.Concurrent;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Union;

namespace CityHall.Web.Modules.Cctv.Coverage;

/// <summary>
/// How much of each district lies within so many metres of a camera in service (of the purposes asked), measured with
/// NetTopologySuite on the districts' boundaries: every camera near the district (its own and its neighbours' near the
/// line) becomes a disc, the discs are merged, and the part inside the district is measured — on a local metric plane
/// (<see cref="LocalProjection"/>). What is left uncovered, beside where citizens asked for a camera, is where the next
/// ones go. A big city's whole registry takes seconds, so results are kept until a camera changes (count or latest
/// change, checked at each request) or for ten minutes, and <see cref="CoverageWarmer"/> keeps the default ready.
/// </summary>
public sealed class CameraCoverage(IServiceScopeFactory scopes, DistrictMap districtMap, IOptionsMonitor<CityOptions> city, TimeProvider clock)
{
    /// <summary>Discs are drawn with this many segments a quarter: a 64-gon, 0.16% short of the circle's area.</summary>
    private const int QuadrantSegments = 16;
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);
    private const int MaxKept = 100;
    private static readonly GeometryFactory Plane = new();
    /// <summary>The side of the tiles a district is measured in, in metres (250-m tiles were no faster: clipping the district to each costs as much).</summary>
    private const double Tile = 1000;

    /// <param name="AreaSquareMetres">The district's area.</param>
    /// <param name="CoveredSquareMetres">Its part within the radius of a camera.</param>
    /// <param name="Sites">Camera sites of the purposes in the district (by the registry's district).</param>
    public sealed record DistrictCoverage(string Code, double AreaSquareMetres, double CoveredSquareMetres, int Sites, int Cameras)
    {
        public double Share => AreaSquareMetres > 0 ? CoveredSquareMetres / AreaSquareMetres : 0;
        public double UncoveredSquareMetres => Math.Max(0, AreaSquareMetres - CoveredSquareMetres);
    }

    public sealed record Result(int RadiusMetres, IReadOnlyList<CameraPurpose> Purposes, IReadOnlyList<DistrictCoverage> Districts, DateTime ComputedAt)
    {
        public double Area => Districts.Sum(d => d.AreaSquareMetres);
        public double Covered => Districts.Sum(d => d.CoveredSquareMetres);
        public double Share => Area > 0 ? Covered / Area : 0;
    }

    private sealed record Kept(Result Result, (int Count, DateTime? Latest) Version, long At);

    private readonly ConcurrentDictionary<string, Kept> kept = new();

    public bool HasBoundaries => districtMap.HasBoundaries;

    public async Task<Result> ComputeAsync(int radiusMetres, IReadOnlyCollection<CameraPurpose> purposes, CancellationToken ct)
    {
        var chosen = purposes.Count == 0 ? Enum.GetValues<CameraPurpose>() : purposes.Distinct().Order().ToArray();
        var key = radiusMetres + ":" + string.Join(',', chosen);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cameras = db.Set<Camera>().AsNoTracking().Where(c => c.RemovedOn == null && chosen.Contains(c.Purpose));
        var version = (await db.Set<Camera>().CountAsync(ct), await db.Set<Camera>().MaxAsync(c => (DateTime?)c.UpdatedAt, ct));
        if (kept.TryGetValue(key, out var hit) && hit.Version == version && Environment.TickCount64 - hit.At < KeptFor.TotalMilliseconds) return hit.Result;

        var sites = await cameras.Select(c => new { c.Latitude, c.Longitude, c.DistrictCode, c.Count }).ToListAsync(ct);
        var settings = city.CurrentValue;
        var projection = new LocalProjection(settings.MapCenterLatitude, settings.MapCenterLongitude);
        // Every disc once, indexed by its box; each district is then measured tile by tile (kilometre squares), merging
        // only the discs that reach the tile: many small merges instead of one of thousands of overlapping discs, whose
        // cost grows faster than their number (19 s for 50,000 cameras that way, 14 s this way: see docs/benchmarks.md, and
        // CoverageWarmer, which keeps the default ready so the page does not wait).
        var discs = new STRtree<Geometry>();
        foreach (var s in sites)
        {
            var disc = Plane.CreatePoint(projection.ToPlane(s.Latitude, s.Longitude)).Buffer(radiusMetres, QuadrantSegments);
            discs.Insert(disc.EnvelopeInternal, disc);
        }
        if (sites.Count > 0) discs.Build();
        var result = new List<DistrictCoverage>();
        foreach (var (code, boundary) in districtMap.Areas)
        {
            ct.ThrowIfCancellationRequested();
            var area = projection.ToPlane(boundary);
            if (!area.IsValid) area = area.Buffer(0);
            var covered = 0.0;
            var box = area.EnvelopeInternal;
            for (var x = Math.Floor(box.MinX / Tile) * Tile; x < box.MaxX; x += Tile)
                for (var y = Math.Floor(box.MinY / Tile) * Tile; y < box.MaxY; y += Tile)
                {
                    var tileBox = new Envelope(x, x + Tile, y, y + Tile);
                    var near = sites.Count == 0 ? [] : discs.Query(tileBox);
                    if (near.Count == 0) continue;
                    var part = area.Intersection(Plane.ToGeometry(tileBox));
                    if (part.IsEmpty) continue;
                    covered += CascadedPolygonUnion.Union(near).Intersection(part).Area;
                }
            var own = sites.Where(s => s.DistrictCode == code).ToList();
            result.Add(new DistrictCoverage(code, area.Area, covered, own.Count, own.Sum(s => s.Count)));
        }
        var computed = new Result(radiusMetres, chosen, result, clock.GetUtcNow().UtcDateTime);
        // Each radius and set of purposes asked for is kept; a few dozen at most in practice, but a crawler of query strings could ask for thousands.
        if (kept.Count >= MaxKept) kept.Clear();
        kept[key] = new Kept(computed, version, Environment.TickCount64);
        return computed;
    }
}

/// <summary>
/// Every minute (not at start-up, which has enough to do), the coverage the page opens with (the default radius, every purpose) is computed again if a camera
/// changed or it was kept ten minutes — here, not while an official waits (a 50,000-camera registry takes about 15 s).
/// </summary>
public sealed class CoverageWarmer(CameraCoverage coverage, IOptionsMonitor<CctvOptions> options, ILogger<CoverageWarmer> logger)
    : Platform.Hosting.PeriodicJob(logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        if (coverage.HasBoundaries) await coverage.ComputeAsync(options.CurrentValue.CoverageRadiusMetres, [], ct);
    }
}
