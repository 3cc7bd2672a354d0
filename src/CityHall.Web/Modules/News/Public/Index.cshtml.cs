using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;

namespace CityHall.Web.Modules.News.Public;

/// <summary>The city's news, newest first, 20 a page: all kinds or one, of a department, a district (with the city-wide), a month.</summary>
[OutputCache(PolicyName = Platform.Web.OutputCaching.PublicShort)]
public sealed class IndexModel(AppDbContext db, CityClock clock, TimeProvider time, OfficialNotices notices, IStringLocalizer<Text> t) : PageModel
{
    [FromQuery(Name = "kind")] public string? KindText { get; set; }
    [FromQuery(Name = "department")] public string? Department { get; set; }
    [FromQuery(Name = "district")] public string? District { get; set; }
    [FromQuery(Name = "month")] public string? MonthText { get; set; }
    /// <summary>"inforce": only notices in force today; anything else is no filter.</summary>
    [FromQuery(Name = "status")] public string? Status { get; set; }
    // From the query only: "page" is also the route value naming the Razor page.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public const int ForHomeDistrictShown = 3;

    public NewsKind? Kind { get; private set; }
    /// <summary>A signed-in citizen's district (from their profile): its latest posts come first, above the list.</summary>
    public string? HomeDistrict { get; private set; }
    public IReadOnlyList<NewsPost> ForHomeDistrict { get; private set; } = [];
    public IReadOnlyList<NewsPost> Posts { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + NewsPosts.PageSize - 1) / NewsPosts.PageSize);
    public IReadOnlyDictionary<string, string> DepartmentNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> DistrictNames { get; private set; } = new Dictionary<string, string>();
    /// <summary>Where each listed notice stands today (in force, ended, corrected...).</summary>
    public IReadOnlyDictionary<long, NoticeStatus> NoticeStatuses { get; private set; } = new Dictionary<long, NoticeStatus>();
    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        DepartmentNames = (await db.Set<Department>().AsNoTracking().ToListAsync(ct)).ToDictionary(d => d.Code, d => d.Name(culture));
        DistrictNames = await DistrictChoices.NamesAsync(db);
        // What is not a kind, department, district or month is ignored, not an error: a list is still shown.
        Kind = NewsPosts.ParseKind(KindText);
        KindText = Kind is { } k ? NewsPosts.Slug(k) : null;
        if (Department is not null && !DepartmentNames.ContainsKey(Department)) Department = null;
        if (District is not null && !DistrictNames.ContainsKey(District)) District = null;
        var month = NewsPosts.ParseMonth(MonthText);
        MonthText = month?.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var now = time.GetUtcNow().UtcDateTime;
        DateOnly? inForceOn = Status == "inforce" ? notices.Today : null;
        if (inForceOn is null) Status = null;
        var query = db.Set<NewsPost>().AsNoTracking().Matching(now, new(Kind, Department, District, month, inForceOn), clock);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Posts = await query.Skip((PageNumber - 1) * NewsPosts.PageSize).Take(NewsPosts.PageSize).ToListAsync(ct);
        // The reader's own district first (the list below still has everything): on the first page of an unfiltered list.
        if (User.FindFirst(PermissionClaims.HomeDistrict)?.Value is { } home && DistrictNames.ContainsKey(home) && District is null && PageNumber == 1)
        {
            HomeDistrict = home;
            ForHomeDistrict = await db.Set<NewsPost>().AsNoTracking().Matching(now, new(Kind, Department, null, month, inForceOn), clock)
                .ForDistrict(home, withCityWide: false).Take(ForHomeDistrictShown).ToListAsync(ct);
        }
        var shownNotices = Posts.Concat(ForHomeDistrict).Where(p => p.Kind == NewsKind.Notice).DistinctBy(p => p.Id).ToList();
        var corrected = await OfficialNotices.CorrectionsOfAsync(db, [.. shownNotices.Select(p => p.Id)], now, ct);
        var today = notices.Today;
        NoticeStatuses = shownNotices.ToDictionary(p => p.Id, p => OfficialNotices.StatusOn(p, today, corrected.ContainsKey(p.Id)));

        KindItems = [new(t["News.Filter.AnyKind"], ""), .. Enum.GetValues<NewsKind>().Select(k => new SelectListItem(t["News.Kind." + k], NewsPosts.Slug(k)))];
        DepartmentItems = [new(t["News.Filter.AnyDepartment"], ""), .. DepartmentNames.OrderBy(d => d.Value, StringComparer.Create(culture, false)).Select(d => new SelectListItem(d.Value, d.Key))];
        DistrictItems = DistrictChoices.Items(DistrictNames.Select(d => (d.Key, d.Value)), t["News.Filter.AnyDistrict"]);
    }

    public string PageLink(int page) => "/news" + new QueryString()
        .Add("kind", Kind is { } k ? NewsPosts.Slug(k) : "").Add("department", Department ?? "").Add("district", District ?? "").Add("month", MonthText ?? "").Add("status", Status ?? "")
        .Add("page", page.ToString(CultureInfo.InvariantCulture)).ToUriComponent();

    /// <summary>The Atom feed of what this list shows by kind and district.</summary>
    public string FeedLink => "/news/feed.atom" + new QueryString().Add("kind", Kind is { } k ? NewsPosts.Slug(k) : "").Add("district", District ?? "").ToUriComponent();
}
