using System.Security.Claims;

namespace CityHall.Web.Modules.Petitions.Public;

/// <summary>"What I proposed and what I signed": a citizen's own proposals in every state, and their live signatures with receipts.</summary>
[Authorize]
public sealed class MineModel(AppDbContext db, PetitionText text) : PageModel
{
    public PetitionText Text => text;
    public IReadOnlyList<Petition> Proposed { get; private set; } = [];
    public IReadOnlyList<SignedRow> Supports { get; private set; } = [];

    public sealed record SignedRow(long PetitionId, string Title, PetitionStatus Status, long Sequence, DateTimeOffset SignedAt);

    public async Task OnGetAsync()
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Proposed = await db.Set<Petition>().AsNoTracking().Where(p => p.AuthorId == me).OrderByDescending(p => p.Id).ToListAsync();
        Supports = await db.Set<PetitionSignature>().AsNoTracking().Where(s => s.UserId == me && s.WithdrawnAt == null)
            .OrderByDescending(s => s.Id) // newest first (SQLite cannot sort by DateTimeOffset)
            .Join(db.Set<Petition>(), s => s.PetitionId, p => p.Id, (s, p) => new SignedRow(p.Id, p.Title, p.Status, s.Sequence, s.SignedAt))
            .ToListAsync();
    }
}
