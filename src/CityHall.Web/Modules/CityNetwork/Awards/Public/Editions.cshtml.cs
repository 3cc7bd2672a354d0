namespace CityHall.Web.Modules.CityNetwork.Awards.Public;

/// <summary>The awards editions, newest first, with where each stands.</summary>
public sealed class EditionsModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<AwardEdition> Editions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Editions = await db.Set<AwardEdition>().AsNoTracking().OrderByDescending(e => e.Year).ThenByDescending(e => e.Id).ToListAsync(ct);
}
