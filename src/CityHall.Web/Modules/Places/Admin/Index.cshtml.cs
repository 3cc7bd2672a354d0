using System.Globalization;
using CityHall.Web.Modules.Places.Import;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Places.Admin;

/// <summary>Staff's list of places: find by name or address, kind and district, 50 a page, to edit; adding one; importing a file; the latest imports.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PlacesModule.Manage)]
public sealed class IndexModel(AppDbContext db, PlaceIndex index, IStringLocalizer<Text> t) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "district")] public string? District { get; set; }
    // From the query only: "page" is also the route value naming the Razor page, which would win and fail to bind.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public sealed record Row(long Id, string KindCode, string NameKo, string? DistrictCode, string? Address, string? Source, DateTime UpdatedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public PlaceIndex.Snapshot Places { get; private set; } = null!;
    public IReadOnlyList<PlaceImportRun> Imports { get; private set; } = [];
    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Places = await index.GetAsync(ct);
        var culture = CultureInfo.CurrentUICulture;
        KindItems = [new(t["Places.Admin.AnyKind"], ""), .. Places.Kinds.Select(k => new SelectListItem(k.Name(culture), k.Code))];
        DistrictItems = Places.DistrictItems(t["Places.Near.AnyDistrict"]);

        var query = db.Set<Place>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim();
            query = query.Where(p => p.NameKo.Contains(text) || (p.NameEn != null && p.NameEn.Contains(text))
                || (p.RoadAddress != null && p.RoadAddress.Contains(text)) || (p.LotAddress != null && p.LotAddress.Contains(text)));
        }
        if (!string.IsNullOrEmpty(Kind)) query = query.Where(p => p.KindCode == Kind);
        if (!string.IsNullOrEmpty(District)) query = query.Where(p => p.DistrictCode == District);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderBy(p => p.NameKo).ThenBy(p => p.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new Row(p.Id, p.KindCode, p.NameKo, p.DistrictCode, p.RoadAddress ?? p.LotAddress, p.Source, p.UpdatedAt)).ToListAsync(ct);
        Imports = await db.Set<PlaceImportRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(10).ToListAsync(ct);
    }

    public string PageLink(int page) => "/admin/places" + new QueryString()
        .Add("q", Query ?? "").Add("kind", Kind ?? "").Add("district", District ?? "").Add("page", page.ToString(CultureInfo.InvariantCulture)).ToUriComponent();
}
