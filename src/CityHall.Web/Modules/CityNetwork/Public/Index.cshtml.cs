using CityHall.Web.Modules.CityNetwork.Members;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Public;

/// <summary>The network's front page: what it is, how many members from how many countries, by type and by region, and where to go next.</summary>
public sealed class IndexModel(AppDbContext db, IOptionsMonitor<CityNetworkOptions> options) : PageModel
{
    public int Members { get; private set; }
    public int Countries { get; private set; }
    public IReadOnlyDictionary<MembershipType, int> ByType { get; private set; } = new Dictionary<MembershipType, int>();
    public IReadOnlyDictionary<string, int> ByRegion { get; private set; } = new Dictionary<string, int>();
    public CityNetworkOptions Network => options.CurrentValue;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var active = db.Set<NetworkMember>().Where(m => m.Status == MemberStatus.Active);
        Members = await active.CountAsync(ct);
        Countries = await active.Select(m => m.CountryCode).Distinct().CountAsync(ct);
        ByType = await active.GroupBy(m => m.Type).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        ByRegion = await active.GroupBy(m => m.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
