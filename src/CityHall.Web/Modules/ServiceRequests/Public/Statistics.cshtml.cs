using System.Globalization;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.ServiceRequests.Public;

/// <summary>
/// How the city is doing, for everyone: cases received in a period, open and closed, by service and
/// by district, the median time to close and the share closed within the statutory deadline.
/// Counts include private cases (a count reveals no one).
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = OutputCaching.PublicShort)] // every read aggregates the period's cases: a crowd shares one
public sealed class StatisticsModel(AppDbContext db, ServiceDirectory directory, TimeProvider clock) : PageModel
{
    public static readonly int[] Periods = [30, 90, 365];

    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 90;

    public sealed record Line(string Name, int Open, int Closed, TimeSpan? MedianToClose, double? WithinDeadline);

    public Line Total { get; private set; } = null!;
    public IReadOnlyList<Line> ByService { get; private set; } = [];
    public IReadOnlyList<Line> ByDistrict { get; private set; } = [];

    private sealed record Case(string ServiceCode, string? DistrictCode, RequestStatus Status, DateTime RequestedAt, DateTime? ClosedAt, DateTime? DueAt);

    public async Task OnGetAsync()
    {
        if (!Periods.Contains(Days)) Days = 90;
        var from = clock.GetUtcNow().UtcDateTime.AddDays(-Days);
        var cases = await db.Set<ServiceRequest>().AsNoTracking().Where(r => r.RequestedAt >= from && r.Status != RequestStatus.Pending)
            .Select(r => new Case(r.ServiceCode, r.DistrictCode, r.Status, r.RequestedAt, r.ClosedAt, r.DueAt)).ToListAsync();
        var catalogue = await directory.GetAsync(HttpContext.RequestAborted);
        var culture = CultureInfo.CurrentUICulture;
        Total = Summarize("", cases);
        ByService = cases.GroupBy(c => c.ServiceCode)
            .Select(g => Summarize(catalogue.ByCode.TryGetValue(g.Key, out var s) ? LocalizedText.Pick(culture, s.NameKo, s.NameEn) : g.Key, g.ToList()))
            .OrderByDescending(l => l.Open + l.Closed).ToList();
        ByDistrict = cases.Where(c => c.DistrictCode is not null).GroupBy(c => c.DistrictCode!)
            .Select(g => Summarize(catalogue.DistrictByCode.TryGetValue(g.Key, out var d) ? d.Name(culture) : g.Key, g.ToList()))
            .OrderBy(l => l.Name, StringComparer.Create(culture, false)).ToList();
    }

    private static Line Summarize(string name, IReadOnlyCollection<Case> cases)
    {
        var closed = cases.Where(c => ServiceRequestStates.IsClosed(c.Status) && c.ClosedAt is not null).ToList();
        var durations = closed.Select(c => c.ClosedAt!.Value - c.RequestedAt).Order().ToList();
        TimeSpan? median = durations.Count == 0 ? null
            : durations.Count % 2 == 1 ? durations[durations.Count / 2]
            : (durations[durations.Count / 2 - 1] + durations[durations.Count / 2]) / 2;
        var withDeadline = closed.Where(c => c.DueAt is not null).ToList();
        double? within = withDeadline.Count == 0 ? null : (double)withDeadline.Count(c => c.ClosedAt <= c.DueAt) / withDeadline.Count;
        return new Line(name, cases.Count(c => !ServiceRequestStates.IsClosed(c.Status)), cases.Count(c => ServiceRequestStates.IsClosed(c.Status)), median, within);
    }
}
