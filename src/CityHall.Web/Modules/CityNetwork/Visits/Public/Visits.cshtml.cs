using System.Security.Claims;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Visits.Public;

/// <summary>
/// Study visits for the public: what delegations can study and see (topics, sites), how to ask, the figures of the
/// visits held over a span of years (by year and by country), and — for a signed-in reader — their own requests.
/// </summary>
public sealed class VisitsModel(AppDbContext db, VisitStatistics statistics, CityClock clock, IOptionsMonitor<CityNetworkOptions> options) : PageModel
{
    public VisitFigures Figures { get; private set; } = null!;
    public IReadOnlyList<VisitSite> Sites { get; private set; } = [];
    public IReadOnlyList<StudyVisit> Mine { get; private set; } = [];
    public CityNetworkOptions Network => options.CurrentValue;
    public int ThisYear { get; private set; }
    public FiguresView FiguresSection => new(Figures, "/network/visits", ThisYear);

    public async Task OnGetAsync(int? from, int? to, CancellationToken ct)
    {
        ThisYear = clock.Now.Year;
        (var first, var last) = VisitYears.Span(from, to, ThisYear);
        Figures = await statistics.ForYearsAsync(first, last, ct);
        Sites = await db.Set<VisitSite>().AsNoTracking().Where(s => s.Active).OrderBy(s => s.Id).ToListAsync(ct);
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } me)
            Mine = await db.Set<StudyVisit>().AsNoTracking().Where(v => v.RequesterUserId == me).OrderByDescending(v => v.RequestedAt).Take(20).ToListAsync(ct);
    }
}

/// <summary>The statistics section of a page: the figures, where its form sends the years, and this year (the latest one may ask).</summary>
public sealed record FiguresView(VisitFigures Figures, string Action, int ThisYear);

/// <summary>The span of years the statistics are asked for: by default the last three full years (Seoul's "in three years").</summary>
public static class VisitYears
{
    public const int Earliest = 1990;

    public static (int From, int To) Span(int? from, int? to, int thisYear)
    {
        var last = Math.Clamp(to ?? thisYear - 1, Earliest, thisYear);
        var first = Math.Clamp(from ?? last - 2, Earliest, last);
        return (first, last);
    }
}
