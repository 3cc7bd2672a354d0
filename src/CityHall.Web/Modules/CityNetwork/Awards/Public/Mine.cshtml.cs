using System.Security.Claims;

namespace CityHall.Web.Modules.CityNetwork.Awards.Public;

/// <summary>The entries this account made, newest first, with where each stands.</summary>
[Authorize]
public sealed class MineModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<(AwardEntry Entry, AwardEdition Edition)> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Entries = (await db.Set<AwardEntry>().AsNoTracking().Where(e => e.ApplicantUserId == me)
            .Join(db.Set<AwardEdition>(), e => e.EditionId, ed => ed.Id, (e, ed) => new { e, ed }).OrderByDescending(x => x.e.CreatedAt).ToListAsync(ct))
            .Select(x => (x.e, x.ed)).ToList();
    }
}
