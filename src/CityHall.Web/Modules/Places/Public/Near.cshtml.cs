using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Places.Public;

/// <summary>
/// "Near me": the nearest places of a kind to the browser's location (sent as lat and lon by the
/// page's script, or typed by anyone), an address, or a district (the middle of its places), with
/// distances and the filters "open now" and "accessible". A plain GET form: it works without
/// JavaScript, and a result can be bookmarked or shared. Everything but an address is answered
/// from the in-memory <see cref="PlaceIndex"/>, without the database.
/// </summary>
public sealed class NearModel(PlaceIndex index, AppDbContext db, CityClock clock, IOptionsMonitor<CityOptions> city, IStringLocalizer<Text> t) : PageModel
{
    public const int Limit = 20;

    // Bound under their form names, which are also the fields' ids: the error summary links to them.
    public static readonly int[] RadiusChoices = [500, 1000, 2000, 5000, 10000, 20000];

    [BindProperty(SupportsGet = true, Name = "kind")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "address")] public string? Address { get; set; }
    [BindProperty(SupportsGet = true, Name = "district")] public string? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "lat")] public string? Lat { get; set; }
    [BindProperty(SupportsGet = true, Name = "lon")] public string? Lon { get; set; }
    [BindProperty(SupportsGet = true, Name = "radius")] public int Radius { get; set; } = 1000;
    [BindProperty(SupportsGet = true, Name = "openNow")] public bool OpenNow { get; set; }
    [BindProperty(SupportsGet = true, Name = "accessible")] public bool Accessible { get; set; }

    public enum Origin { None, Location, Address, District }

    public PlaceIndex.Snapshot Places { get; private set; } = null!;
    public PlaceIndex.KindInfo? SelectedKind { get; private set; }
    public Origin From { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    /// <summary>How many known addresses the address matched, and whether only its street did.</summary>
    public AddressLookup.Found? AddressMatch { get; private set; }
    public IReadOnlyList<PlaceIndex.Hit> Hits { get; private set; } = [];
    public TimeOnly Now { get; private set; }
    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RadiusItems { get; private set; } = [];
    public CityOptions City => city.CurrentValue;
    public PlaceList List => new(Hits.Select(h => new PlaceList.Item(h.Place, h.Meters)).ToList(), Places, Now);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Places = await index.GetAsync(ct);
        Now = clock.TimeOfDay;
        var culture = CultureInfo.CurrentUICulture;
        KindItems = Places.Kinds.Select(k => new SelectListItem(k.Name(culture), k.Code)).ToList();
        DistrictItems = Places.DistrictItems(t["Places.Near.AnyDistrict"]);
        RadiusItems = RadiusChoices.Select(r => new SelectListItem(PlaceList.Distance(t, r), r.ToString(CultureInfo.InvariantCulture))).ToList();

        if (!ModelState.IsValid) return; // a radius that is not a number: the summary says so, nothing is searched
        Kind = string.IsNullOrEmpty(Kind) ? (Places.Kinds.Count > 0 ? Places.Kinds[0].Code : null) : Kind;
        if (Kind is null) return;
        if (!Places.KindByCode.TryGetValue(Kind, out var kind)) { ModelState.AddModelError("kind", t["Places.Near.UnknownKind"]); return; }
        SelectedKind = kind;
        if (!RadiusChoices.Contains(Radius)) { ModelState.AddModelError("radius", t["Places.Near.BadRadius"]); return; }

        if (!await FindOriginAsync(ct) || Latitude is not { } lat || Longitude is not { } lon) return;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Hits = Places.Nearest(kind.Code, lat, lon, Radius, Limit, PlaceApi.Filter(OpenNow, Accessible, Now));
        ServerTiming.Append(HttpContext, "nearest", started);
    }

    /// <summary>Where to search from: a typed address first, then a district, then the browser's point.</summary>
    private async Task<bool> FindOriginAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Address))
        {
            if (Address.Trim().Length is < AddressLookup.MinLength or > AddressLookup.MaxLength)
                return Refuse("address", t["Places.Near.AddressLength", AddressLookup.MinLength, AddressLookup.MaxLength]);
            AddressMatch = await AddressLookup.FindAsync(db, Address, ct);
            if (AddressMatch is null) return Refuse("address", t["Places.Near.AddressNotFound"]);
            (From, Latitude, Longitude) = (Origin.Address, AddressMatch.Latitude, AddressMatch.Longitude);
            return true;
        }
        if (!string.IsNullOrEmpty(District))
        {
            if (!Places.DistrictByCode.TryGetValue(District, out var district)) return Refuse("district", t["Places.Near.UnknownDistrict"]);
            if (district.Latitude is null) return Refuse("district", t["Places.Near.EmptyDistrict"]);
            (From, Latitude, Longitude) = (Origin.District, district.Latitude, district.Longitude);
            return true;
        }
        if (string.IsNullOrEmpty(Lat) && string.IsNullOrEmpty(Lon)) return false;
        if (!PlaceApi.TryPoint($"{Lat},{Lon}", out var lat, out var lon)) return Refuse("address", t["Places.Near.BadPoint"]);
        (From, Latitude, Longitude) = (Origin.Location, lat, lon);
        return true;
    }

    /// <summary>Records why the search could not start, against the field (by its form name, which is also its id) to correct.</summary>
    private bool Refuse(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return false;
    }
}
