using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.ServiceRequests.Public;

/// <summary>
/// Reporting, step 2: where? A point on the map (with JavaScript) or an address and district
/// (always). The choice travels in the query string, so every step can be bookmarked or gone back to.
/// </summary>
[Authorize]
public sealed class LocationModel(ServiceDirectory directory, AppDbContext db, IOptionsMonitor<CityOptions> city, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReportPlace Place { get; set; } = new();

    public ServiceDefinition Service { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Districts { get; private set; } = [];
    public CityOptions City => city.CurrentValue;

    public async Task<IActionResult> OnGetAsync(bool go = false)
    {
        var catalogue = await directory.GetAsync(HttpContext.RequestAborted);
        if (Place.Service is null || !catalogue.ByCode.TryGetValue(Place.Service, out var service))
            return Redirect("/reports/new?missing=true");
        Service = service;
        Districts = await DistrictChoices.ItemsAsync(db, t["Reports.Location.DistrictNone"]);
        if (!go) { ModelState.Clear(); return Page(); }
        foreach (var (field, message) in Place.Problems(t, city.CurrentValue.Bounds)) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        return Redirect("/reports/new/details" + Place.Query());
    }
}

/// <summary>The service and place chosen so far, as the steps pass them on.</summary>
public sealed class ReportPlace
{
    public string? Service { get; set; }

    [Display(Name = "Reports.Location.Latitude")]
    [ModelBinder(Name = "lat")]
    public double? Latitude { get; set; }

    [Display(Name = "Reports.Location.Longitude")]
    [ModelBinder(Name = "long")]
    public double? Longitude { get; set; }

    [Display(Name = "Reports.Location.Address")]
    [StringLength(ServiceRequestIntake.MaxText, ErrorMessage = "Reports.Location.AddressLength")]
    public string? Address { get; set; }

    [Display(Name = "Reports.Location.District")]
    public string? District { get; set; }

    public bool HasPoint => Latitude is not null && Longitude is not null;

    /// <summary>What is missing or wrong, by field: a point or an address is needed, and a point must be in the city.</summary>
    public IEnumerable<(string Field, string Message)> Problems(IStringLocalizer<Text> t, GeoBounds city)
    {
        if (Latitude is null != Longitude is null) yield return ("address", t["ServiceRequests.Error.LatLongPair"]);
        else if (!HasPoint && string.IsNullOrWhiteSpace(Address)) yield return ("address", t["Reports.Location.Missing"]);
        if (Latitude is < -90 or > 90) yield return ("address", t["ServiceRequests.Error.Latitude"]);
        if (Longitude is < -180 or > 180) yield return ("address", t["ServiceRequests.Error.Longitude"]);
        else if (Latitude is >= -90 and <= 90 && Latitude is { } lat && Longitude is { } lon && !city.Contains(lat, lon))
            yield return ("address", t["ServiceRequests.Error.OutsideCity"]);
    }

    public string Query()
    {
        var query = new QueryString()
            .Add("service", Service ?? "");
        if (Latitude is { } lat) query = query.Add("lat", lat.ToString("R", CultureInfo.InvariantCulture));
        if (Longitude is { } lon) query = query.Add("long", lon.ToString("R", CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(Address)) query = query.Add("address", Address.Trim());
        if (!string.IsNullOrWhiteSpace(District)) query = query.Add("district", District);
        return query.ToUriComponent();
    }
}
