using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Cctv.Admin;

/// <summary>
/// Staff's camera registry: how many cameras are online, offline and not reporting; find by code or address,
/// district, purpose, status and department, 50 a page; add a camera, import a list, the recorders and the outages.
/// Every official with the permission sees the whole registry (it is the city's); edits are the owning department's, and
/// status is shown, counted and filtered only where <see cref="StaffView"/> lets the official see it.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CctvModule.Manage)]
public sealed class IndexModel(AppDbContext db, IOptionsMonitor<CctvOptions> options, IStringLocalizer<Text> t) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "district")] public string? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "purpose")] public string? Purpose { get; set; }
    [BindProperty(SupportsGet = true, Name = "health")] public string? Health { get; set; }
    [BindProperty(SupportsGet = true, Name = "department")] public string? Department { get; set; }
    // From the query only: "page" is also the route value naming the Razor page.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public sealed record Row(int Id, string Code, CameraPurpose Purpose, string? DistrictCode, string? Address, string DepartmentCode, CameraHealth Health,
        DateTime? LastSeenAt, bool InService);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyDictionary<CameraHealth, int> ByHealth { get; private set; } = new Dictionary<CameraHealth, int>();
    public IReadOnlyDictionary<string, string> Districts { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PurposeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> HealthItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public StaffView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Districts = await DistrictChoices.NamesAsync(db);
        DistrictItems = DistrictChoices.Items(Districts.Select(d => (d.Key, d.Value)), t["Cctv.AnyDistrict"]);
        PurposeItems = CameraChoices.Purposes(t, t["Cctv.AnyPurpose"]);
        HealthItems = [new(t["Cctv.AnyHealth"], ""), .. Enum.GetValues<CameraHealth>().Select(h => new SelectListItem(t[$"Cctv.Health.{h}"], h.ToString()))];
        DepartmentItems = await DepartmentChoices.ItemsAsync(db, t["Cctv.AnyDepartment"], ct: ct);

        View = new StaffView(User, options.CurrentValue);
        // Status is counted and filtered only over the cameras whose status this official may see.
        var inService = View.WithVisibleStatus(db.Set<Camera>().AsNoTracking().Where(c => c.RemovedOn == null));
        ByHealth = await inService.GroupBy(c => c.Health).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var query = db.Set<Camera>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim();
            query = query.Where(c => c.Code.Contains(text) || (c.Address != null && c.Address.Contains(text)) || (c.LotAddress != null && c.LotAddress.Contains(text)));
        }
        if (!string.IsNullOrEmpty(District)) query = query.Where(c => c.DistrictCode == District);
        if (CameraPurposes.Parse(Purpose) is { } purpose) query = query.Where(c => c.Purpose == purpose);
        if (Enum.TryParse<CameraHealth>(Health, out var health) && Enum.IsDefined(health))
            query = View.WithVisibleStatus(query).Where(c => c.Health == health && c.RemovedOn == null);
        if (!string.IsNullOrEmpty(Department)) query = query.Where(c => c.DepartmentCode == Department);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderBy(c => c.RemovedOn != null).ThenBy(c => c.DistrictCode).ThenBy(c => c.Code).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new Row(c.Id, c.Code, c.Purpose, c.DistrictCode, c.Address ?? c.LotAddress, c.DepartmentCode, c.Health, c.LastSeenAt, c.RemovedOn == null))
            .ToListAsync(ct);
    }

    public string PageLink(int page) => "/admin/cctv" + new QueryString()
        .Add("q", Query ?? "").Add("district", District ?? "").Add("purpose", Purpose ?? "").Add("health", Health ?? "").Add("department", Department ?? "")
        .Add("page", page.ToString(CultureInfo.InvariantCulture)).ToUriComponent();
}
