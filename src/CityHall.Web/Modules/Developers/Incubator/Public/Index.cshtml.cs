using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Developers.Incubator.Public;

/// <summary>
/// The app-business centre for the public: what it offers and how a start-up applies (the programme's page), the demo
/// days to come with who presents, the past ones, and the showcase.
/// </summary>
public sealed class IndexModel(AppDbContext db, IOptionsMonitor<DevelopersOptions> options, TimeProvider clock) : PageModel
{
    public const int PastShown = 10;

    public IReadOnlyList<DemoDay> Coming { get; private set; } = [];
    public IReadOnlyList<DemoDay> Past { get; private set; } = [];
    public IReadOnlyDictionary<long, ShowcaseApp> Apps { get; private set; } = new Dictionary<long, ShowcaseApp>();
    public string ProgrammeHref => "/inclusion/" + options.CurrentValue.IncubatorProgramme;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Coming = await db.Set<DemoDay>().AsNoTracking().Include(d => d.Pitches).Where(d => d.StartsAt >= now).OrderBy(d => d.StartsAt).ToListAsync(ct);
        Past = await db.Set<DemoDay>().AsNoTracking().Include(d => d.Pitches).Where(d => d.StartsAt < now).OrderByDescending(d => d.StartsAt).Take(PastShown).ToListAsync(ct);
        var ids = Coming.Concat(Past).SelectMany(d => d.Pitches).Select(p => p.ShowcaseAppId).OfType<long>().Distinct().ToList();
        // Only published apps are named: a pitch's app that is not in the showcase yet stays unnamed.
        Apps = await db.Set<ShowcaseApp>().AsNoTracking().Where(a => ids.Contains(a.Id) && a.Published).ToDictionaryAsync(a => a.Id, ct);
    }
}
