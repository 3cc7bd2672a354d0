using CityHall.Web.Modules.CityNetwork.Governance;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Public;

/// <summary>
/// A member's page: who it is (in English and its own script), its membership and since when, where, its logo and
/// site, the Executive Committee seats it has held and the decisions about it, its MOUs, the study visits its delegations
/// made, its award entries once the results are out (winners and shortlisted) and its cases in the knowledge library.
/// A member that withdrew keeps its page,
/// saying so: its history is the network's.
/// </summary>
public sealed class MemberModel(AppDbContext db, IOptionsMonitor<CityNetworkOptions> options, CityClock clock) : PageModel
{
    public NetworkMember Member { get; private set; } = null!;
    public NetworkPictureInfo? Logo { get; private set; }
    public IReadOnlyList<CommitteeSeat> Seats { get; private set; } = [];
    public IReadOnlyList<(GovernanceDecision Decision, GovernanceMeeting Meeting)> Decisions { get; private set; } = [];
    public IReadOnlyList<(Mous.Mou Mou, IReadOnlyList<Mous.MouParty> Parties)> Mous { get; private set; } = [];
    public IReadOnlyList<Visits.StudyVisit> Visits { get; private set; } = [];
    public IReadOnlyList<(Awards.AwardEntry Entry, Awards.AwardEdition Edition)> AwardEntries { get; private set; } = [];
    public IReadOnlyList<Library.LibraryCase> LibraryCases { get; private set; } = [];
    public CityNetworkOptions Network => options.CurrentValue;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await db.Set<NetworkMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } member) return NotFound();
        Member = member;
        Today = DateOnly.FromDateTime(clock.Now.DateTime);
        Logo = await MemberLogos.InfoAsync(db, id, ct);
        Seats = await db.Set<CommitteeSeat>().AsNoTracking().Where(s => s.MemberId == id).OrderByDescending(s => s.TermStart).ToListAsync(ct);
        Decisions = (await db.Set<GovernanceDecision>().AsNoTracking().Where(d => d.SubjectMemberId == id)
            .Join(db.Set<GovernanceMeeting>(), d => d.MeetingId, m => m.Id, (d, m) => new { d, m }).ToListAsync(ct))
            .OrderByDescending(x => x.m.HeldOn).Select(x => (x.d, x.m)).ToList();
        Mous = await CityNetwork.Mous.Public.MouListing.SignedAsync(db, id, ct);
        Visits = await db.Set<Visits.StudyVisit>().AsNoTracking().Where(v => v.MemberId == id && v.Status == CityNetwork.Visits.VisitStatus.Held)
            .OrderByDescending(v => v.HeldOn).Take(50).ToListAsync(ct);
        // Entries are public only as the results page shows them: announced, and shortlisted or winning.
        AwardEntries = (await db.Set<Awards.AwardEntry>().AsNoTracking()
            .Where(e => e.MemberId == id && (e.Status == Awards.EntryStatus.Awarded || e.Status == Awards.EntryStatus.NotAwarded))
            .Join(db.Set<Awards.AwardEdition>().AsNoTracking().Where(ed => ed.AnnouncedAt != null), e => e.EditionId, ed => ed.Id, (e, ed) => new { e, ed })
            .ToListAsync(ct)).OrderByDescending(x => x.ed.Year).ThenBy(x => x.e.Id).Select(x => (x.e, x.ed)).ToList();
        LibraryCases = await db.Set<Library.LibraryCase>().AsNoTracking().Where(c => c.MemberId == id && c.Status == CityNetwork.Library.LibraryStatus.Published)
            .OrderByDescending(c => c.PublishedAt).Take(50).ToListAsync(ct);
        return Page();
    }

    public string? WebsiteHref => WebAddress.TryParse(Member.Website, out var uri) ? uri.AbsoluteUri : null;
}
