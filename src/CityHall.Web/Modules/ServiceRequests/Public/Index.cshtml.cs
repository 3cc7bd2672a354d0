using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.ServiceRequests.Public;

/// <summary>
/// Public reports on a list and a map, newest first, filtered by service, district and open or
/// closed, 20 a page. Private reports never appear; the list works without JavaScript.
/// </summary>
public sealed class IndexModel(AppDbContext db, ServiceDirectory directory, IOptionsMonitor<CityOptions> city, IStringLocalizer<Text> t) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Service { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    // From the query only: "page" is also the route value naming the Razor page, which would win and fail to bind.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public sealed record Row(string Reference, string ServiceCode, RequestStatus Status, string Description, string? Address, string? DistrictCode,
        double? Latitude, double? Longitude, DateTime RequestedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public ServiceDirectory.Snapshot Catalogue { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> ServiceItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> StateItems { get; private set; } = [];
    public CityOptions City => city.CurrentValue;
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        Catalogue = await directory.GetAsync(HttpContext.RequestAborted);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        ServiceItems = [new(t["Reports.List.AllServices"], ""), .. Catalogue.Services.Select(s => new SelectListItem(LocalizedText.Pick(culture, s.NameKo, s.NameEn), s.Code))];
        DistrictItems = await DistrictChoices.ItemsAsync(db, t["Form.AllDistricts"]);
        StateItems = [new(t["Reports.List.AnyState"], ""), new(t["Reports.List.Open"], "open"), new(t["Reports.List.Closed"], "closed")];

        var query = db.Set<ServiceRequest>().AsNoTracking().Where(r => r.IsPublic && r.Reference != null && r.Status != RequestStatus.Pending);
        if (!string.IsNullOrEmpty(Service)) query = query.Where(r => r.ServiceCode == Service);
        if (!string.IsNullOrEmpty(District)) query = query.Where(r => r.DistrictCode == District);
        if (State == "open") query = query.Where(r => ServiceRequestStates.Open.Contains(r.Status));
        else if (State == "closed") query = query.Where(r => ServiceRequestStates.Closed.Contains(r.Status));
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(r => new Row(r.Reference!, r.ServiceCode, r.Status, r.Description, r.Address, r.DistrictCode, r.Latitude, r.Longitude, r.RequestedAt))
            .ToListAsync();
    }

    public string PageLink(int page) => "/reports" + new QueryString()
        .Add("service", Service ?? "").Add("district", District ?? "").Add("state", State ?? "").Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .ToUriComponent();
}
