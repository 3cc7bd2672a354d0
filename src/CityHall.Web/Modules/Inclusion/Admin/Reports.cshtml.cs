using System.Globalization;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Fulfilment;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Inclusion.Admin;

/// <summary>
/// Reports per programme and district over a period of submission: applied, found eligible, served,
/// waiting now, and the average days from applying to being served; as a page and as CSV.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + InclusionModule.Manage)]
public sealed class ReportsModel(AppDbContext db, CityClock cityClock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "programme")] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }

    public sealed record Line(string ProgrammeCode, string ProgrammeName, string? DistrictCode, string DistrictName, int Applied, int Eligible, int Served, int Waiting, double? AverageWaitDays);

    public IReadOnlyList<Line> Lines { get; private set; } = [];
    public IReadOnlyList<Line> Totals { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ProgrammeItems { get; private set; } = [];

    public async Task OnGetAsync() => await BuildAsync();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await BuildAsync();
        string Days(double? d) => d?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
        var bytes = CsvExport.ToBytes(["programme", "district", "applied", "eligible", "served", "waiting", "average_wait_days"],
            Lines.Select(l => new[] { l.ProgrammeCode, l.DistrictCode ?? "", CsvExport.Number(l.Applied), CsvExport.Number(l.Eligible), CsvExport.Number(l.Served), CsvExport.Number(l.Waiting), Days(l.AverageWaitDays) }));
        return File(bytes, "text/csv; charset=utf-8", $"inclusion-report-{DateTime.UtcNow:yyyyMMdd}.csv");
    }

    private async Task BuildAsync()
    {
        var ct = HttpContext.RequestAborted;
        var culture = CultureInfo.CurrentUICulture;
        var programmes = await db.Set<InclusionProgramme>().AsNoTracking()
            .Join(db.Set<ProgrammeVersion>(), p => new { p.Id, V = p.CurrentVersion }, v => new { Id = v.ProgrammeId, V = v.Version }, (p, v) => new { p.Id, p.Code, p.Order, v.NameKo, v.NameEn })
            .ToListAsync(ct);
        ProgrammeItems = [new(t["Inclusion.Admin.AllPools"], ""), .. programmes.OrderBy(p => p.Order).Select(p => new SelectListItem(LocalizedText.Pick(culture, p.NameKo, p.NameEn), p.Code))];
        var districts = await DistrictChoices.NamesAsync(db);

        var rows = db.Set<InclusionApplication>().AsNoTracking().Where(a => a.State != ApplicationState.Draft && a.SubmittedAt != null);
        if (programmes.FirstOrDefault(p => p.Code == Programme) is { } chosen) rows = rows.Where(a => a.ProgrammeId == chosen.Id);
        if (From is { } from) { var since = cityClock.FromLocal(from.ToDateTime(TimeOnly.MinValue)).UtcDateTime; rows = rows.Where(a => a.SubmittedAt >= since); }
        if (To is { } to) { var until = cityClock.FromLocal(to.AddDays(1).ToDateTime(TimeOnly.MinValue)).UtcDateTime; rows = rows.Where(a => a.SubmittedAt < until); }
        var applications = await rows.Select(a => new { a.Id, a.ProgrammeId, a.DistrictCode, a.State, a.SubmittedAt }).ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var eligible = (await db.Set<ApplicationEvent>().AsNoTracking().Where(e => e.To == ApplicationState.Verified && ids.Contains(e.ApplicationId))
            .Select(e => e.ApplicationId).Distinct().ToListAsync(ct)).ToHashSet();
        var served = await db.Set<FulfilmentRecord>().AsNoTracking().Where(r => ids.Contains(r.ApplicationId)).ToDictionaryAsync(r => r.ApplicationId, r => r.FulfilledAt, ct);

        var byProgramme = programmes.ToDictionary(p => p.Id);
        var orderOf = programmes.ToDictionary(p => p.Code, p => p.Order);
        Lines = applications.GroupBy(a => (a.ProgrammeId, a.DistrictCode)).Select(g =>
        {
            var p = byProgramme[g.Key.ProgrammeId];
            var waits = g.Where(a => served.ContainsKey(a.Id)).Select(a => (served[a.Id] - a.SubmittedAt!.Value).TotalDays).ToList();
            return new Line(p.Code, LocalizedText.Pick(culture, p.NameKo, p.NameEn), g.Key.DistrictCode, districts.GetValueOrDefault(g.Key.DistrictCode ?? "", g.Key.DistrictCode ?? "—"),
                g.Count(), g.Count(a => eligible.Contains(a.Id)), g.Count(a => served.ContainsKey(a.Id)), g.Count(a => a.State == ApplicationState.Waitlisted),
                waits.Count == 0 ? null : waits.Average());
        }).OrderBy(l => orderOf[l.ProgrammeCode]).ThenBy(l => l.DistrictName, StringComparer.Create(culture, false)).ToList();
        Totals = Lines.GroupBy(l => (l.ProgrammeCode, l.ProgrammeName)).Select(g =>
        {
            var servedCount = g.Sum(l => l.Served);
            var wait = servedCount == 0 ? (double?)null : g.Where(l => l.AverageWaitDays is not null).Sum(l => l.AverageWaitDays!.Value * l.Served) / servedCount;
            return new Line(g.Key.ProgrammeCode, g.Key.ProgrammeName, null, "", g.Sum(l => l.Applied), g.Sum(l => l.Eligible), servedCount, g.Sum(l => l.Waiting), wait);
        }).ToList();
    }
}
