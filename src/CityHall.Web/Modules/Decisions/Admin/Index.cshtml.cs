namespace CityHall.Web.Modules.Decisions.Admin;

/// <summary>Every poll, drafts included, newest first, with where each stands.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + DecisionsModule.Manage)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Poll> Polls { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Polls = await db.Set<Poll>().AsNoTracking().OrderByDescending(p => p.Id).Take(500).ToListAsync(ct);
    }
}
