using CityHall.Web.Modules.CityNetwork.Admin;
using CityHall.Web.Modules.CityNetwork.Visits.Public;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.CityNetwork.Visits.Admin;

/// <summary>
/// The secretariat's study visits: those still to be held first (soonest offered dates first), then the rest, by
/// status; and the statistics by year and country over a span of years, with the way to record a request that
/// came by letter.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class VisitsModel(AppDbContext db, VisitStatistics statistics, CityClock clock) : PageModel
{
    public IReadOnlyList<StudyVisit> Visits { get; private set; } = [];
    public VisitFigures Figures { get; private set; } = null!;
    public VisitStatus? Status { get; private set; }
    public int ThisYear { get; private set; }
    public FiguresView FiguresSection => new(Figures, "/admin/network/visits", ThisYear);
    public const int PageSize = 200;

    public async Task OnGetAsync(VisitStatus? status, int? from, int? to, CancellationToken ct)
    {
        ThisYear = clock.Now.Year;
        Status = status is { } s && Enum.IsDefined(s) ? s : null;
        var query = db.Set<StudyVisit>().AsNoTracking();
        query = Status is { } only ? query.Where(v => v.Status == only)
            : query.Where(v => v.Status == VisitStatus.Requested || v.Status == VisitStatus.Proposed || v.Status == VisitStatus.Confirmed);
        Visits = await query.OrderBy(v => v.PreferredFrom).ThenBy(v => v.Id).Take(PageSize).ToListAsync(ct);
        var (first, last) = VisitYears.Span(from, to, ThisYear);
        Figures = await statistics.ForYearsAsync(first, last, ct);
    }
}
