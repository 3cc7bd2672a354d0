using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Cctv.Admin;

/// <summary>
/// Outages: those still open first (how long each camera has been silent), then those ended in the last days, of the
/// official's departments (every department for administrators) — the page the outage notices link to.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CctvModule.Manage)]
public sealed class OutagesModel(AppDbContext db, IOptionsMonitor<CctvOptions> options, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    public const int EndedDays = 30, Shown = 200;

    [BindProperty(SupportsGet = true, Name = "department")] public string? Department { get; set; }

    public sealed record Row(long Id, int CameraId, string Code, string? Place, string DepartmentCode, DateTime StartedAt, DateTime DetectedAt, DateTime? EndedAt);

    public IReadOnlyList<Row> Open { get; private set; } = [];
    public IReadOnlyList<Row> Ended { get; private set; } = [];
    public int OpenCount { get; private set; }
    public TimeSpan? MeanEnded { get; private set; }
    public DateTime Now { get; private set; }
    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        // A department's outages are its own business (administrators see all): the choice is among the official's departments.
        var view = new StaffView(User, options.CurrentValue);
        DepartmentItems = await DepartmentChoices.ItemsAsync(db, t["Cctv.AnyDepartment"], User.ActsForDepartment, ct);
        if (Department is null && User.Departments() is { Count: 1 } mine) Department = mine[0];
        var outages = view.Outages(db.Set<CameraOutage>().AsNoTracking());
        if (!string.IsNullOrEmpty(Department)) outages = outages.Where(o => o.DepartmentCode == Department);
        IQueryable<Row> RowsOf(IQueryable<CameraOutage> chosen) => chosen.Join(db.Set<Camera>(), o => o.CameraId, c => c.Id,
            (o, c) => new Row(o.Id, c.Id, c.Code, c.Address ?? c.LotAddress, o.DepartmentCode, o.StartedAt, o.DetectedAt, o.EndedAt));
        OpenCount = await outages.CountAsync(o => o.EndedAt == null, ct);
        Open = [.. (await RowsOf(outages.Where(o => o.EndedAt == null).OrderBy(o => o.StartedAt).Take(Shown)).ToListAsync(ct)).OrderBy(r => r.StartedAt)];
        var since = Now.AddDays(-EndedDays);
        Ended = [.. (await RowsOf(outages.Where(o => o.EndedAt != null && o.EndedAt >= since).OrderByDescending(o => o.EndedAt).Take(Shown)).ToListAsync(ct))
            .OrderByDescending(r => r.EndedAt)];
        // The mean over every outage ended in the span, not only those shown (times are ticks on SQLite: averaged here).
        var spans = await outages.Where(o => o.EndedAt != null && o.EndedAt >= since).Select(o => new { o.StartedAt, o.EndedAt }).ToListAsync(ct);
        if (spans.Count > 0) MeanEnded = TimeSpan.FromSeconds(spans.Average(s => (s.EndedAt!.Value - s.StartedAt).TotalSeconds));
    }
}
