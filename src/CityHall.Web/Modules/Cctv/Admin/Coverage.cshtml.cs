using System.Globalization;
using System.Text.Json;
using CityHall.Web.Modules.Cctv.Coverage;
using CityHall.Web.Modules.ServiceRequests.Contracts;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CityHall.Web.Modules.Cctv.Admin;

/// <summary>
/// Where the next cameras go: for a radius and the purposes chosen, each district's share within reach of a camera,
/// what is left uncovered, its camera sites, and how many citizens asked for a camera there (open cases of
/// <see cref="CctvOptions.RequestService"/> in the service-request catalogue) — as a table, a bar chart drawn on the
/// server, and a map (districts shaded by share, a district's cameras with their view wedges, the requests).
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CctvModule.Manage)]
public sealed class CoverageModel(AppDbContext db, CameraCoverage coverage, ILocatedCases requests, DistrictMap districtMap, IOptionsMonitor<CctvOptions> options,
    IOptionsMonitor<CityOptions> city, IStringLocalizer<Text> t) : PageModel
{
    public const int MinRadius = 10, MaxRadius = 1000, RequestsShown = 2000, CamerasOnMap = 5000;

    [BindProperty(SupportsGet = true, Name = "radius")] public int? Radius { get; set; }
    [BindProperty(SupportsGet = true, Name = "purposes")] public List<string> Purposes { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "district")] public string? District { get; set; }

    public CameraCoverage.Result? Result { get; private set; }
    public IReadOnlyDictionary<string, string> Districts { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, int> RequestsByDistrict { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyList<LocatedCase> Requests { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PurposeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];
    public bool HasBoundaries => coverage.HasBoundaries;
    public CityOptions City => city.CurrentValue;
    public int ViewRange => options.CurrentValue.ViewRangeMetres;
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Districts = await DistrictChoices.NamesAsync(db);
        DistrictItems = DistrictChoices.Items(Districts.Select(d => (d.Key, d.Value)), t["Cctv.Coverage.NoDistrictOnMap"]);
        PurposeItems = CameraChoices.Purposes(t, null);
        Radius ??= options.CurrentValue.CoverageRadiusMetres;
        if (Radius is < MinRadius or > MaxRadius)
        {
            Problem = t["Cctv.Coverage.RadiusRange", MinRadius, MaxRadius];
            return;
        }
        if (Purposes.Count == 0) Purposes = [.. CameraPurposes.All];
        var purposes = Purposes.Select(CameraPurposes.Parse).OfType<CameraPurpose>().ToList();
        Purposes = purposes.Select(p => p.Code()).ToList();
        Requests = await requests.OpenAsync(options.CurrentValue.RequestService, RequestsShown, ct);
        RequestsByDistrict = Requests.Where(r => r.DistrictCode is not null).GroupBy(r => r.DistrictCode!).ToDictionary(g => g.Key, g => g.Count());
        if (!HasBoundaries) return;
        Result = await coverage.ComputeAsync(Radius.Value, purposes, ct);
    }

    /// <summary>The map's data as GeoJSON: districts with their share, the chosen district's cameras (view direction and angle), open requests.</summary>
    public async Task<IActionResult> OnGetMapAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        if (Result is null) return NotFound();
        var features = new FeatureCollection();
        var shares = Result.Districts.ToDictionary(d => d.Code);
        foreach (var (code, area) in districtMap.Areas)
        {
            var share = shares.TryGetValue(code, out var d) ? d.Share : 0;
            features.Add(new Feature(area, new AttributesTable { { "kind", "district" }, { "code", code }, { "name", Districts.GetValueOrDefault(code, code) },
                { "share", Math.Round(share, 4) }, { "requests", RequestsByDistrict.GetValueOrDefault(code) } }));
        }
        if (!string.IsNullOrEmpty(District))
        {
            var purposes = Purposes.Select(CameraPurposes.Parse).OfType<CameraPurpose>().ToList();
            var cameras = await db.Set<Camera>().AsNoTracking().Where(c => c.DistrictCode == District && c.RemovedOn == null && purposes.Contains(c.Purpose))
                .OrderBy(c => c.Code).Take(CamerasOnMap).Select(c => new { c.Code, c.Latitude, c.Longitude, c.ViewDirection, c.ViewAngle, c.Purpose }).ToListAsync(ct);
            foreach (var c in cameras)
                features.Add(new Feature(Point(c.Latitude, c.Longitude), new AttributesTable { { "kind", "camera" }, { "code", c.Code }, { "purpose", c.Purpose.Code() },
                    { "direction", c.ViewDirection }, { "angle", c.ViewAngle } }));
        }
        foreach (var r in Requests)
            features.Add(new Feature(Point(r.Latitude, r.Longitude), new AttributesTable { { "kind", "request" }, { "reference", r.Reference },
                { "answers", string.Join(' ', r.Answers.Select(a => a.Value)) } }));
        var json = JsonSerializer.Serialize(features, GeoJson);
        return Content(json, "application/geo+json");
    }

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory(Wgs84) } };
    private static Point Point(double latitude, double longitude) => Wgs84.CreatePoint(new Coordinate(longitude, latitude));

    /// <summary>The map's data for what the page shows.</summary>
    public string MapLink
    {
        get
        {
            var query = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder
            {
                { "handler", "map" }, { "radius", (Radius ?? 0).ToString(CultureInfo.InvariantCulture) }, { "district", District ?? "" },
            };
            foreach (var purpose in Purposes) query.Add("purposes", purpose);
            return "/admin/cctv/coverage" + query.ToQueryString();
        }
    }
}
