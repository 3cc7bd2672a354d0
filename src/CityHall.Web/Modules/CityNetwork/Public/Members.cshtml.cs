using System.Globalization;
using System.Text.Json;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CityHall.Web.Modules.CityNetwork.Public;

/// <summary>
/// The public member directory: every active member, found by name (in English or its own script), region, type and
/// country, 100 a page, with a world map of the same choice drawn from <c>?handler=map</c> (GeoJSON, RFC 7946).
/// </summary>
public sealed class MembersModel(AppDbContext db, Countries countries, IOptionsMonitor<CityNetworkOptions> options, IStringLocalizer<Text> t) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "region")] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public MembershipType? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<NetworkMember> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<SelectListItem> RegionItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> TypeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CountryItems { get; private set; } = [];
    public CityNetworkOptions Network => options.CurrentValue;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        RegionItems = [new(t["Network.Members.AnyRegion"], ""), .. Network.Regions.Select(r => new SelectListItem(r.Name.For(culture), r.Code))];
        TypeItems = [new(t["Network.Members.AnyType"], ""), .. Enum.GetValues<MembershipType>().Select(v => new SelectListItem(t[$"Network.Type.{v}"], v.ToString()))];
        var present = await db.Set<NetworkMember>().Where(m => m.Status == MemberStatus.Active).Select(m => m.CountryCode).Distinct().ToListAsync(ct);
        CountryItems = [new(t["Network.Members.AnyCountry"], ""), .. present.Select(c => new SelectListItem(countries.NameOf(c, culture), c))
            .OrderBy(i => i.Text, StringComparer.Create(culture, true))];

        var query = Filtered();
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderBy(m => m.Name).ThenBy(m => m.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).AsNoTracking().ToListAsync(ct);
    }

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The members of the same choice with a point, as GeoJSON features (id, name, type, country's numeric code for the map's shading, page).</summary>
    public async Task<IActionResult> OnGetMapAsync(CancellationToken ct)
    {
        var points = await Filtered().Where(m => m.Latitude != null && m.Longitude != null).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Name, m.Type, m.CountryCode, Latitude = m.Latitude!.Value, Longitude = m.Longitude!.Value }).ToListAsync(ct);
        var features = new FeatureCollection();
        foreach (var m in points)
        {
            features.Add(new Feature(new Point(m.Longitude, m.Latitude), new AttributesTable
            {
                { "id", m.Id }, { "name", m.Name }, { "type", t[$"Network.Type.{m.Type}"].Value },
                { "country", countries.Find(m.CountryCode)?.Numeric ?? "" }, { "href", $"/network/members/{m.Id}" },
            }));
        }
        Response.Headers.CacheControl = "public, max-age=300";
        return Content(JsonSerializer.Serialize(features, GeoJson), "application/geo+json");
    }

    private IQueryable<NetworkMember> Filtered()
    {
        var query = db.Set<NetworkMember>().Where(m => m.Status == MemberStatus.Active);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = NetworkMember.Folded(Query);
            query = query.Where(m => m.SearchText.Contains(text));
        }
        if (!string.IsNullOrEmpty(Region)) query = query.Where(m => m.RegionCode == Region);
        if (Type is { } type) query = query.Where(m => m.Type == type);
        if (!string.IsNullOrEmpty(Country))
        {
            var country = Country.ToUpperInvariant();
            query = query.Where(m => m.CountryCode == country);
        }
        return query;
    }

    public string PageLink(int page) => "/network/members" + new QueryString()
        .Add("q", Query ?? "").Add("region", Region ?? "").Add("type", Type?.ToString() ?? "").Add("country", Country ?? "")
        .Add("page", page.ToString(CultureInfo.InvariantCulture)).ToUriComponent();

    public string MapLink => "/network/members" + new QueryString()
        .Add("handler", "map").Add("q", Query ?? "").Add("region", Region ?? "").Add("type", Type?.ToString() ?? "").Add("country", Country ?? "").ToUriComponent();
}
