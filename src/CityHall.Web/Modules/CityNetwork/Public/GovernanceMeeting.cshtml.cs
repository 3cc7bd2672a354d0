using CityHall.Web.Modules.CityNetwork.Governance;
using CityHall.Web.Modules.CityNetwork.Members;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Public;

/// <summary>A meeting in public: its minutes, and each decision with its outcome, totals and how each member voted.</summary>
public sealed class GovernanceMeetingModel(AppDbContext db, IOptionsMonitor<CityNetworkOptions> options) : PageModel
{
    public GovernanceMeeting Meeting { get; private set; } = null!;
    public IReadOnlyList<GovernanceDecision> Decisions { get; private set; } = [];
    public ILookup<long, (VoteChoice Choice, NetworkMember Member)> VotesByDecision { get; private set; } = null!;
    public IReadOnlyDictionary<long, NetworkMember> Subjects { get; private set; } = new Dictionary<long, NetworkMember>();
    public CityNetworkOptions Network => options.CurrentValue;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await db.Set<GovernanceMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting) return NotFound();
        Meeting = meeting;
        Decisions = await db.Set<GovernanceDecision>().AsNoTracking().Where(d => d.MeetingId == id).OrderBy(d => d.Id).ToListAsync(ct);
        var ids = Decisions.Select(d => d.Id).ToList();
        var votes = await db.Set<DecisionVote>().AsNoTracking().Where(v => ids.Contains(v.DecisionId))
            .Join(db.Set<NetworkMember>(), v => v.MemberId, m => m.Id, (v, m) => new { v.DecisionId, v.Choice, m }).ToListAsync(ct);
        VotesByDecision = votes.OrderBy(v => v.Choice).ThenBy(v => v.m.Name).ToLookup(v => v.DecisionId, v => (v.Choice, v.m));
        var subjectIds = Decisions.Where(d => d.SubjectMemberId != null).Select(d => d.SubjectMemberId!.Value).ToList();
        Subjects = await db.Set<NetworkMember>().AsNoTracking().Where(m => subjectIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        return Page();
    }
}
