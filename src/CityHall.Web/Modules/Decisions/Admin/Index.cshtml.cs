namespace CityHall.Web.Modules.Decisions.Admin;

/// <summary>
/// Every poll, drafts included, newest first, with where each stands; a citizen's proposal appears once a moderator has
/// accepted it (before that it is in the moderators' queue, <see cref="ProposalsModel"/>).
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + DecisionsModule.Manage)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Poll> Polls { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Polls = await db.Set<Poll>().AsNoTracking().Where(p => p.Moderation == Moderation.Published).OrderByDescending(p => p.Id).Take(500).ToListAsync(ct);
    }
}
