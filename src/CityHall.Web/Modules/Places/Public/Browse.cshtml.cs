using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;

namespace CityHall.Web.Modules.Places.Public;

/// <summary>Every place of a kind, by name, optionally in one district: 20 a page, with the downloads of the kind.</summary>
[OutputCache(PolicyName = Platform.Web.OutputCaching.PublicShort)]
public sealed class BrowseModel(PlaceIndex index, AppDbContext db, CityClock clock, IStringLocalizer<Text> t) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    // From the query only: "page" is also the route value naming the Razor page, which would win and fail to bind.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public PlaceIndex.Snapshot Places { get; private set; } = null!;
    public PlaceIndex.KindInfo SelectedKind { get; private set; } = null!;
    public PlaceList List { get; private set; } = null!;
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Places = await index.GetAsync(ct);
        if (!Places.KindByCode.TryGetValue(Kind, out var kind)) return NotFound();
        SelectedKind = kind;
        var culture = CultureInfo.CurrentUICulture;
        DistrictItems = Places.DistrictItems(t["Places.Near.AnyDistrict"]);
        if (!string.IsNullOrEmpty(District) && !Places.DistrictByCode.ContainsKey(District)) District = null;

        var query = db.Set<Place>().AsNoTracking().Where(p => p.KindCode == Kind);
        if (!string.IsNullOrEmpty(District)) query = query.Where(p => p.DistrictCode == District);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var cards = await query.OrderBy(p => p.NameKo).ThenBy(p => p.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(PlaceIndex.Card.Of).ToListAsync(ct);
        List = new PlaceList(cards.Select(c => new PlaceList.Item(c, null)).ToList(), Places, clock.TimeOfDay);
        return Page();
    }

    public string PageLink(int page) => $"/places/kind/{Uri.EscapeDataString(Kind)}" + new QueryString()
        .Add("district", District ?? "").Add("page", page.ToString(CultureInfo.InvariantCulture)).ToUriComponent();
}
