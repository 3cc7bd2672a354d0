namespace CityHall.Web.Modules.Petitions.Admin;

/// <summary>Moderators' queue: proposals waiting for review, oldest first.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PetitionsModule.Moderate)]
public sealed class QueueModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Petition> Pending { get; private set; } = [];

    public async Task OnGetAsync() =>
        Pending = await db.Set<Petition>().AsNoTracking().Where(p => p.Status == PetitionStatus.PendingReview).OrderBy(p => p.Id).Take(200).ToListAsync();
}
