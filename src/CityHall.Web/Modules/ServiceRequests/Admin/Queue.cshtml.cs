using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.ServiceRequests.Admin;

/// <summary>
/// A department's queue: its cases filtered by service, district, stage and deadline, sorted by
/// due time (soonest first) or by arrival, 50 a page, and the same selection as CSV. Officials see
/// their departments' cases; administrators every department's, with the overdue count of each.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + ServiceRequestsModule.Handle)]
public sealed class QueueModel(AppDbContext db, ServiceDirectory directory, TimeProvider clock, CityClock cityClock, IStringLocalizer<Text> t) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Service { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    /// <summary>"open" (the default), "closed", "all" or one stage's name.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    /// <summary>"today" or "week": due before the end of that period.</summary>
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    /// <summary>"due" (the default), "newest" or "oldest".</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    // From the query only: "page" is also the route value naming the Razor page, which would win and fail to bind.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public sealed record Row(string Reference, string ServiceCode, RequestStatus Status, string? DistrictCode, string? DepartmentCode,
        string? HandlerName, DateTime RequestedAt, DateTime? DueAt, string Description, string? Address);

    public sealed record OverdueCount(string DepartmentCode, string Name, int Count);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<OverdueCount> OverdueByDepartment { get; private set; } = [];
    public ServiceDirectory.Snapshot Catalogue { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> ServiceItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> StatusItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DueItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SortItems { get; private set; } = [];
    public DateTime Now { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    public async Task OnGetAsync()
    {
        await PrepareAsync();
        var query = Filtered();
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await Project(Sorted(query).Skip((PageNumber - 1) * PageSize).Take(PageSize)).ToListAsync();
        var overdue = await Visible().Where(r => ServiceRequestStates.Open.Contains(r.Status) && r.DueAt < Now && r.DepartmentCode != null)
            .GroupBy(r => r.DepartmentCode!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        OverdueByDepartment = overdue.Select(o => new OverdueCount(o.Key, DepartmentName(o.Key), o.Count)).OrderByDescending(o => o.Count).ToList();
    }

    /// <summary>The selection as a spreadsheet (every page), for reports and offline work.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        await PrepareAsync();
        var rows = await Project(Sorted(Filtered()).Take(100_000)).ToListAsync();
        var bytes = CsvExport.ToBytes(
            ["reference", "service", "status", "district", "department", "handler", "received", "due", "overdue", "address", "description"],
            rows.Select(r => new[]
            {
                r.Reference, r.ServiceCode, r.Status.ToString(), r.DistrictCode ?? "", r.DepartmentCode ?? "", r.HandlerName ?? "",
                CsvExport.Time(r.RequestedAt), CsvExport.Time(r.DueAt), IsOverdue(r) ? "yes" : "no", r.Address ?? "", r.Description,
            }));
        return File(bytes, "text/csv; charset=utf-8", $"service-requests-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
    }

    public bool IsOverdue(Row r) => !ServiceRequestStates.IsClosed(r.Status) && r.DueAt is { } due && due < Now;

    public string DepartmentName(string? code) =>
        code is not null && Catalogue.DepartmentByCode.TryGetValue(code, out var unit) ? unit.Name(CultureInfo.CurrentUICulture) : code ?? "";

    public string PageLink(int page, string? handler = null)
    {
        var query = new QueryString();
        if (handler is not null) query = query.Add("handler", handler);
        foreach (var (name, value) in new[] { ("service", Service), ("district", District), ("department", Department), ("status", Status), ("due", Due), ("sort", Sort) })
            if (!string.IsNullOrEmpty(value)) query = query.Add(name, value);
        if (Overdue) query = query.Add("overdue", "true");
        if (page > 1) query = query.Add("page", page.ToString(CultureInfo.InvariantCulture));
        return "/admin/service-requests" + query.ToUriComponent();
    }

    private async Task PrepareAsync()
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Catalogue = await directory.GetAsync(HttpContext.RequestAborted);
        var culture = CultureInfo.CurrentUICulture;
        ServiceItems = [new(t["Reports.List.AllServices"], ""), .. Catalogue.Services.Select(s => new SelectListItem(LocalizedText.Pick(culture, s.NameKo, s.NameEn), s.Code))];
        DistrictItems = await DistrictChoices.ItemsAsync(db, t["Form.AllDistricts"]);
        var mine = IsAdministrator ? Catalogue.DepartmentByCode.Keys.ToList() : User.Departments().ToList();
        DepartmentItems = [new(t["Reports.Queue.AllMyDepartments"], ""), .. mine.Select(d => new SelectListItem(DepartmentName(d), d)).OrderBy(i => i.Text, StringComparer.Create(culture, false))];
        StatusItems = [new(t["Reports.List.Open"], "open"), new(t["Reports.List.Closed"], "closed"), new(t["Reports.List.AnyState"], "all"),
            .. Enum.GetValues<RequestStatus>().Where(s => s != RequestStatus.Pending).Select(s => new SelectListItem(t[$"ServiceRequests.Status.{s}"], s.ToString()))];
        DueItems = [new(t["Reports.Queue.DueAny"], ""), new(t["Reports.Queue.DueToday"], "today"), new(t["Reports.Queue.DueWeek"], "week")];
        SortItems = [new(t["Reports.Queue.SortDue"], "due"), new(t["Reports.Queue.SortNewest"], "newest"), new(t["Reports.Queue.SortOldest"], "oldest")];
    }

    /// <summary>Accepted cases of the departments this official acts for (every department for administrators).</summary>
    private IQueryable<ServiceRequest> Visible()
    {
        var rows = db.Set<ServiceRequest>().AsNoTracking().Where(r => r.Status != RequestStatus.Pending && r.Reference != null);
        if (IsAdministrator) return rows;
        var departments = User.Departments().ToList();
        return rows.Where(r => r.DepartmentCode != null && departments.Contains(r.DepartmentCode));
    }

    private IQueryable<ServiceRequest> Filtered()
    {
        var rows = Visible();
        if (!string.IsNullOrEmpty(Department)) rows = rows.Where(r => r.DepartmentCode == Department);
        if (!string.IsNullOrEmpty(Service)) rows = rows.Where(r => r.ServiceCode == Service);
        if (!string.IsNullOrEmpty(District)) rows = rows.Where(r => r.DistrictCode == District);
        switch (Status)
        {
            case null or "" or "open": rows = rows.Where(r => ServiceRequestStates.Open.Contains(r.Status)); break;
            case "closed": rows = rows.Where(r => ServiceRequestStates.Closed.Contains(r.Status)); break;
            case "all": break;
            default:
                rows = Enum.TryParse<RequestStatus>(Status, out var one) ? rows.Where(r => r.Status == one) : rows.Where(r => false);
                break;
        }
        var zone = cityClock.CurrentZone;
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, zone));
        DateTime EndOf(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        if (Due == "today") { var end = EndOf(localToday); rows = rows.Where(r => r.DueAt < end); }
        else if (Due == "week") { var end = EndOf(localToday.AddDays(6)); rows = rows.Where(r => r.DueAt < end); }
        if (Overdue) { var now = Now; rows = rows.Where(r => r.DueAt < now && ServiceRequestStates.Open.Contains(r.Status)); }
        return rows;
    }

    private IQueryable<ServiceRequest> Sorted(IQueryable<ServiceRequest> rows) => Sort switch
    {
        "newest" => rows.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id),
        "oldest" => rows.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id),
        // Soonest due first; cases without a deadline last.
        _ => rows.OrderBy(r => r.DueAt == null).ThenBy(r => r.DueAt).ThenBy(r => r.Id),
    };

    private IQueryable<Row> Project(IQueryable<ServiceRequest> rows) => rows
        .Select(r => new Row(r.Reference!, r.ServiceCode, r.Status, r.DistrictCode, r.DepartmentCode,
            db.Users.Where(u => u.Id == r.HandlerId).Select(u => u.DisplayName).FirstOrDefault(), r.RequestedAt, r.DueAt, r.Description, r.Address));
}
