using System.Globalization;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Inclusion.Admin;

/// <summary>
/// A programme's applications for staff: by state ("open" — not yet ended — by default), district
/// and pool, or a reference or name typed in; oldest first, 50 a page, and the same selection as CSV.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + InclusionModule.Manage)]
public sealed class QueueModel(ApplicationIntake intake, AppDbContext db, IStringLocalizer<Text> t) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "state")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "district")] public string? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "pool")] public string? Pool { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public ProgrammeTerms Terms { get; private set; } = null!;
    public IReadOnlyList<InclusionApplication> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<SelectListItem> StateItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PoolItems { get; private set; } = [];
    public IReadOnlyDictionary<string, string> DistrictNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await PrepareAsync(code) is { } missing) return missing;
        var query = Filtered();
        Total = await query.CountAsync(HttpContext.RequestAborted);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string code)
    {
        if (await PrepareAsync(code) is { } missing) return missing;
        var rows = await Filtered().OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Take(100_000).ToListAsync(HttpContext.RequestAborted);
        var bytes = CsvExport.ToBytes(
            ["reference", "state", "channel", "applicant", "phone", "district", "address", "pool", "submitted", "respond_by", "queue_position", "income_percent_of_median"],
            rows.Select(a => new[]
            {
                a.Reference, a.State.ToString(), a.Channel.ToString(), a.ApplicantName, a.ApplicantPhone ?? "", a.DistrictCode ?? "", a.Address ?? "", a.Pool ?? "",
                CsvExport.Time(a.SubmittedAt), CsvExport.Time(a.RespondBy), a.QueuePosition?.ToString(CultureInfo.InvariantCulture) ?? "",
                a.Answers.IncomePercentOfMedian?.ToString(CultureInfo.InvariantCulture) ?? "",
            }));
        return File(bytes, "text/csv; charset=utf-8", $"inclusion-{code}-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
    }

    public string PageLink(int page, string? handler = null)
    {
        var query = new QueryString();
        if (handler is not null) query = query.Add("handler", handler);
        foreach (var (name, value) in new[] { ("state", State), ("district", District), ("pool", Pool), ("q", Query) })
            if (!string.IsNullOrEmpty(value)) query = query.Add(name, value);
        if (page > 1) query = query.Add("page", page.ToString(CultureInfo.InvariantCulture));
        return $"/admin/inclusion/{Terms.Programme.Code}" + query.ToUriComponent();
    }

    private async Task<IActionResult?> PrepareAsync(string code)
    {
        if (await intake.FindProgrammeAsync(code, HttpContext.RequestAborted) is not { } terms) return NotFound();
        Terms = terms;
        var culture = CultureInfo.CurrentUICulture;
        StateItems = [new(t["Inclusion.Admin.OpenStates"], ""), new(t["Inclusion.Admin.AllStates"], "all"),
            .. Enum.GetValues<ApplicationState>().Where(s => s != ApplicationState.Draft).Select(s => new SelectListItem(t[$"Inclusion.State.{s}"], s.ToString()))];
        DistrictItems = await DistrictChoices.ItemsAsync(db, t["Form.AllDistricts"]);
        DistrictNames = await DistrictChoices.NamesAsync(db);
        PoolItems = [new(t["Inclusion.Admin.AllPools"], ""), .. terms.Version.Pools.Select(p => new SelectListItem(LocalizedText.Pick(culture, p.NameKo, p.NameEn), p.Code))];
        return null;
    }

    private IQueryable<InclusionApplication> Filtered()
    {
        var id = Terms.Programme.Id;
        var rows = db.Set<InclusionApplication>().AsNoTracking().Where(a => a.ProgrammeId == id && a.State != ApplicationState.Draft);
        if (State == "all") { }
        else if (Enum.TryParse<ApplicationState>(State, out var state) && Enum.IsDefined(state)) rows = rows.Where(a => a.State == state);
        else
        {
            ApplicationState[] ended = [.. Enum.GetValues<ApplicationState>().Where(ApplicationStates.IsFinal)];
            rows = rows.Where(a => !ended.Contains(a.State));
        }
        if (!string.IsNullOrEmpty(District)) rows = rows.Where(a => a.DistrictCode == District);
        if (!string.IsNullOrEmpty(Pool)) rows = rows.Where(a => a.Pool == Pool);
        if (Query?.Trim() is { Length: > 0 } q)
        {
            var reference = q.ToUpperInvariant();
            rows = rows.Where(a => a.Reference == reference || a.ApplicantName.Contains(q));
        }
        return rows;
    }
}
