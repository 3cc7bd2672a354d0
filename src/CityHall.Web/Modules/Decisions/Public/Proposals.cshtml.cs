using System.Security.Claims;

namespace CityHall.Web.Modules.Decisions.Public;

/// <summary>The votes the signed-in citizen proposed and where each stands: waiting, accepted (the city prepares it), published, or declined and why.</summary>
[Authorize]
public sealed class ProposalsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Poll> Proposals { get; private set; } = [];
    public DateTime Now { get; private set; }
    public bool Submitted { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Submitted = done == "submitted";
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Proposals = await db.Set<Poll>().AsNoTracking().Where(p => p.ProposedBy == me).OrderByDescending(p => p.Id).ToListAsync(ct);
    }
}
