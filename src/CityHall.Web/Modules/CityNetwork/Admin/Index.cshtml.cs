using System.Globalization;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Admin;

/// <summary>
/// The secretariat's desk: applications waiting, oldest first (and the latest decided); every member, found by name,
/// type, region and status, 50 a page, exported to CSV as filtered; the way to fees and governance.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class IndexModel(AppDbContext db, Countries countries, IOptionsMonitor<CityNetworkOptions> options, IStringLocalizer<Text> t) : PageModel
{
    public const int PageSize = 50, RecentlyDecided = 20;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public MembershipType? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "region")] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public MemberStatus? Status { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<MembershipApplication> Waiting { get; private set; } = [];
    public IReadOnlyList<MembershipApplication> Decided { get; private set; } = [];
    public IReadOnlyList<NetworkMember> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<SelectListItem> TypeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RegionItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> StatusItems { get; private set; } = [];
    public CityNetworkOptions Network => options.CurrentValue;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        TypeItems = [new(t["Network.Members.AnyType"], ""), .. Enum.GetValues<MembershipType>().Select(v => new SelectListItem(t[$"Network.Type.{v}"], v.ToString()))];
        RegionItems = [new(t["Network.Members.AnyRegion"], ""), .. Network.Regions.Select(r => new SelectListItem(r.Name.For(culture), r.Code))];
        StatusItems = [new(t["Network.Admin.AnyStatus"], ""), .. Enum.GetValues<MemberStatus>().Select(v => new SelectListItem(t[$"Network.Status.{v}"], v.ToString()))];
        var applications = db.Set<MembershipApplication>().AsNoTracking();
        Waiting = await applications.Where(a => a.Status == ApplicationStatus.Submitted).OrderBy(a => a.SubmittedAt).ToListAsync(ct);
        Decided = await applications.Where(a => a.Status != ApplicationStatus.Submitted).OrderByDescending(a => a.DecidedAt).Take(RecentlyDecided).ToListAsync(ct);
        var query = Filtered();
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderBy(m => m.Name).ThenBy(m => m.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>The members as filtered, as CSV for a spreadsheet (the contacts stay on the members' pages).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = await Filtered().OrderBy(m => m.Name).ThenBy(m => m.Id).ToListAsync(ct);
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        return File(CsvExport.ToBytes(
            ["id", "name", "local_name", "kind", "membership", "status", "country", "region", "regional_office", "population", "website", "joined_on", "full_since", "left_on"],
            rows.Select(m => new[]
            {
                CsvExport.Number(m.Id), m.Name, m.LocalName ?? "", m.Kind.ToString(), m.Type.ToString(), m.Status.ToString(), m.CountryCode, m.RegionCode,
                m.HostsRegionalOffice ? "true" : "false", m.Population is { } p ? CsvExport.Number(p) : "", m.Website ?? "", Day(m.JoinedOn), Day(m.FullSince), Day(m.LeftOn),
            })), "text/csv; charset=utf-8", "network-members.csv");
    }

    private IQueryable<NetworkMember> Filtered()
    {
        var query = db.Set<NetworkMember>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = NetworkMember.Folded(Query);
            query = query.Where(m => m.SearchText.Contains(text));
        }
        if (Type is { } type) query = query.Where(m => m.Type == type);
        if (!string.IsNullOrEmpty(Region)) query = query.Where(m => m.RegionCode == Region);
        if (Status is { } status) query = query.Where(m => m.Status == status);
        return query;
    }

    public string CountryName(string code) => countries.NameOf(code, CultureInfo.CurrentUICulture);

    public string Link(int page, string? handler = null) => "/admin/network" + new QueryString()
        .Add("q", Query ?? "").Add("type", Type?.ToString() ?? "").Add("region", Region ?? "").Add("status", Status?.ToString() ?? "")
        .Add(handler is null ? "page" : "handler", handler ?? page.ToString(CultureInfo.InvariantCulture)).ToUriComponent();
}
