using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Cctv.Public;

/// <summary>
/// The public camera registry: how many camera sites there are for each purpose and in each district, then the sites
/// by district, purpose and address, 50 a page, each with its notice — and on a map with where each looks. Whether a
/// camera is working is shown only for the purposes the city publishes (<see cref="CctvOptions.PublicStatusPurposes"/>).
/// </summary>
public sealed class IndexModel(AppDbContext db, IOptionsMonitor<CctvOptions> options, IOptionsMonitor<CityOptions> city, IStringLocalizer<Text> t) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "district")] public string? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "purpose")] public string? Purpose { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public sealed record Row(string Code, CameraPurpose Purpose, string? DistrictCode, string? Address, int Count, double Latitude, double Longitude,
        int? ViewDirection, int? ViewAngle, CameraHealth Health);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyDictionary<CameraPurpose, (int Sites, int Cameras)> ByPurpose { get; private set; } = new Dictionary<CameraPurpose, (int, int)>();
    public IReadOnlyList<(string Code, string Name, int Sites, int Cameras)> ByDistrict { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Districts { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PurposeItems { get; private set; } = [];
    public CityOptions City => city.CurrentValue;
    public int ViewRange => options.CurrentValue.ViewRangeMetres;

    public bool StatusShown(CameraPurpose purpose) => options.CurrentValue.StatusIsPublic(purpose);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Districts = await DistrictChoices.NamesAsync(db);
        DistrictItems = DistrictChoices.Items(Districts.Select(d => (d.Key, d.Value)), t["Cctv.AnyDistrict"]);
        PurposeItems = CameraChoices.Purposes(t, t["Cctv.AnyPurpose"]);
        var inService = db.Set<Camera>().AsNoTracking().Where(c => c.RemovedOn == null);
        ByPurpose = (await inService.GroupBy(c => c.Purpose).Select(g => new { g.Key, Sites = g.Count(), Cameras = g.Sum(c => c.Count) }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => (g.Sites, g.Cameras));
        var culture = CultureInfo.CurrentUICulture;
        ByDistrict = (await inService.Where(c => c.DistrictCode != null).GroupBy(c => c.DistrictCode!)
                .Select(g => new { g.Key, Sites = g.Count(), Cameras = g.Sum(c => c.Count) }).ToListAsync(ct))
            .Select(g => (g.Key, Districts.GetValueOrDefault(g.Key, g.Key), g.Sites, g.Cameras))
            .OrderBy(g => g.Item2, StringComparer.Create(culture, false)).ToList();

        var query = inService;
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim();
            var code = text.ToUpperInvariant();
            query = query.Where(c => c.Code == code || (c.Address != null && c.Address.Contains(text)) || (c.LotAddress != null && c.LotAddress.Contains(text)));
        }
        if (!string.IsNullOrEmpty(District)) query = query.Where(c => c.DistrictCode == District);
        if (CameraPurposes.Parse(Purpose) is { } purpose) query = query.Where(c => c.Purpose == purpose);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderBy(c => c.DistrictCode).ThenBy(c => c.Address ?? c.LotAddress).ThenBy(c => c.Code).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new Row(c.Code, c.Purpose, c.DistrictCode, c.Address ?? c.LotAddress, c.Count, c.Latitude, c.Longitude, c.ViewDirection, c.ViewAngle, c.Health))
            .ToListAsync(ct);
    }

    public string PageLink(int page) => "/cctv" + new QueryString()
        .Add("q", Query ?? "").Add("district", District ?? "").Add("purpose", Purpose ?? "").Add("page", page.ToString(CultureInfo.InvariantCulture)).ToUriComponent();
}
