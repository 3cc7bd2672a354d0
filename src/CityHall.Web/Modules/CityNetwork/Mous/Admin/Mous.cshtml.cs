using CityHall.Web.Modules.CityNetwork.Admin;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.CityNetwork.Mous.Admin;

/// <summary>The secretariat's MOUs: each with its status today and its follow-up actions overdue, newest first; and a new one.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class MousModel(AppDbContext db, CityClock clock) : PageModel
{
    public IReadOnlyList<(Mou Mou, int Overdue, string Parties)> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        var today = Today;
        var mous = await db.Set<Mou>().AsNoTracking().OrderByDescending(m => m.SignedOn == null).ThenByDescending(m => m.SignedOn).ThenByDescending(m => m.Id).ToListAsync(ct);
        var overdue = await db.Set<MouAction>().Where(a => a.DoneOn == null && a.DueOn < today).GroupBy(a => a.MouId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var parties = (await db.Set<MouParty>().AsNoTracking().ToListAsync(ct)).ToLookup(p => p.MouId);
        Rows = mous.Select(m => (m, overdue.GetValueOrDefault(m.Id), string.Join(", ", parties[m.Id].Select(p => p.Name)))).ToList();
    }
}
