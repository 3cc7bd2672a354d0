using System.Text.Json;
using Microsoft.Extensions.Options;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;

namespace CityHall.Web.Platform.City;

/// <summary>
/// Which district a point lies in, from the districts' boundaries (City:DistrictBoundaries, GeoJSON shipped
/// for Seoul). A report's district decides which department answers it; an address may be missing or
/// vague where a point from the map or a phone's GPS is exact. Read once; 25 prepared polygons answer
/// a point in microseconds.
/// </summary>
public sealed class DistrictMap
{
    private readonly List<(string Code, IPreparedGeometry Area)> districts;

    /// <summary>Every district's boundary (WGS84 longitude/latitude), for measuring areas (CCTV coverage).</summary>
    public IReadOnlyList<(string Code, Geometry Area)> Areas => districts.Select(d => (d.Code, d.Area.Geometry)).ToList();
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory(Factory) } };

    public DistrictMap(IOptions<CityOptions> city, IHostEnvironment environment, ILogger<DistrictMap> logger)
    {
        var file = city.Value.DistrictBoundaries;
        if (string.IsNullOrWhiteSpace(file))
        {
            districts = [];
            return;
        }
        var path = Path.IsPathRooted(file) ? file : Path.Combine(environment.ContentRootPath, file);
        if (!File.Exists(path))
        {
            logger.LogWarning("District boundaries {File} not found: districts are taken from addresses only", path);
            districts = [];
            return;
        }
        using var stream = File.OpenRead(path);
        var features = JsonSerializer.Deserialize<FeatureCollection>(stream, GeoJson) ?? [];
        districts = features
            .Where(f => f.Geometry is Polygon or MultiPolygon && f.Attributes?.Exists("code") == true)
            .Select(f => (Convert.ToString(f.Attributes["code"], System.Globalization.CultureInfo.InvariantCulture)!, PreparedGeometryFactory.Prepare(f.Geometry)))
            .ToList();
        logger.LogInformation("District boundaries: {Count} districts from {File}", districts.Count, path);
    }

    public bool HasBoundaries => districts.Count > 0;

    /// <summary>The code of the district containing the point, or null (outside every district, or no boundaries).</summary>
    public string? DistrictAt(double latitude, double longitude)
    {
        if (districts.Count == 0 || !double.IsFinite(latitude) || !double.IsFinite(longitude)) return null;
        var point = Factory.CreatePoint(new Coordinate(longitude, latitude));
        foreach (var (code, area) in districts)
            if (area.Covers(point)) return code;
        return null;
    }
}
