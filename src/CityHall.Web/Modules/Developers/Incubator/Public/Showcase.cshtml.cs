namespace CityHall.Web.Modules.Developers.Incubator.Public;

/// <summary>
/// Apps built on the city's data: each published app with its maker, what it does, where to get it, and the city's
/// datasets and APIs it uses, each linked to where a developer finds it. A dataset whose module is switched off is
/// named by its code without a link.
/// </summary>
public sealed class ShowcaseModel(AppDbContext db, Portal.CityApis apis) : PageModel
{
    public IReadOnlyList<ShowcaseApp> Apps { get; private set; } = [];
    public IReadOnlyDictionary<string, Portal.CityApi> Datasets { get; private set; } = new Dictionary<string, Portal.CityApi>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Apps = await db.Set<ShowcaseApp>().AsNoTracking().Where(a => a.Published).OrderBy(a => a.Name).ToListAsync(ct);
        Datasets = (await apis.AllAsync(ct)).ToDictionary(d => d.Code, StringComparer.Ordinal);
    }
}
