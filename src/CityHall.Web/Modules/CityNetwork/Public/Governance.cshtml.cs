using CityHall.Web.Modules.CityNetwork.Governance;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Public;

/// <summary>The network's governance in public: the Executive Committee today (offices first), the meetings of both bodies, when the next General Assembly is due.</summary>
public sealed class GovernanceModel(AppDbContext db, CityClock clock, IOptionsMonitor<CityNetworkOptions> options) : PageModel
{
    public IReadOnlyList<(CommitteeSeat Seat, NetworkMember Member)> Committee { get; private set; } = [];
    public IReadOnlyList<GovernanceMeeting> Meetings { get; private set; } = [];
    public DateOnly? NextAssemblyDue { get; private set; }
    public CityNetworkOptions Network => options.CurrentValue;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        Committee = (await db.Set<CommitteeSeat>().AsNoTracking().Where(s => s.TermStart <= today && s.TermEnd >= today)
            .Join(db.Set<NetworkMember>(), s => s.MemberId, m => m.Id, (s, m) => new { s, m }).ToListAsync(ct))
            .OrderBy(x => x.s.Office).ThenBy(x => x.m.Name).Select(x => (x.s, x.m)).ToList();
        Meetings = await db.Set<GovernanceMeeting>().AsNoTracking().OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync(ct);
        NextAssemblyDue = Meetings.Where(m => m.Body == GoverningBody.GeneralAssembly).Select(m => (DateOnly?)m.HeldOn).FirstOrDefault()?.AddYears(Network.GeneralAssemblyYears);
    }
}
