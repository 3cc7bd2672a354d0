using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.CityNetwork.Mous.Public;

/// <summary>The MOUs signed (drafts are the secretariat's): parties, areas of cooperation, dates and status, newest first.</summary>
public sealed class MousModel(AppDbContext db, CityClock clock) : PageModel
{
    public IReadOnlyList<(Mou Mou, IReadOnlyList<MouParty> Parties)> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        Rows = await MouListing.SignedAsync(db, null, ct);
    }
}

/// <summary>Signed MOUs with their parties, for the public list and a member's page.</summary>
public static class MouListing
{
    public static async Task<IReadOnlyList<(Mou Mou, IReadOnlyList<MouParty> Parties)>> SignedAsync(AppDbContext db, long? memberId, CancellationToken ct)
    {
        var mous = db.Set<Mou>().AsNoTracking().Where(m => m.SignedOn != null);
        if (memberId is { } member) mous = mous.Where(m => db.Set<MouParty>().Any(p => p.MouId == m.Id && p.MemberId == member));
        var list = await mous.OrderByDescending(m => m.SignedOn).ThenByDescending(m => m.Id).ToListAsync(ct);
        var ids = list.Select(m => m.Id).ToList();
        var parties = (await db.Set<MouParty>().AsNoTracking().Where(p => ids.Contains(p.MouId)).OrderBy(p => p.Id).ToListAsync(ct)).ToLookup(p => p.MouId);
        return list.Select(m => (m, (IReadOnlyList<MouParty>)parties[m.Id].ToList())).ToList();
    }
}
