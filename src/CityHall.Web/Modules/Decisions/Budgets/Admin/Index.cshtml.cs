namespace CityHall.Web.Modules.Decisions.Budgets.Admin;

/// <summary>Every participatory budget, drafts included, newest first, with the phase each is in.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + DecisionsModule.Manage)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Budget> Budgets { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Budgets = await db.Set<Budget>().AsNoTracking().OrderByDescending(b => b.Id).Take(500).ToListAsync(ct);
    }
}
