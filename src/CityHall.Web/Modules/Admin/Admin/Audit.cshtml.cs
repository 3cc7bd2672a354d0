using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.Admin.Admin;

[Authorize(Policy = PermissionPolicyProvider.Prefix + PlatformPermissions.ViewAudit)]
public sealed class AuditModel(AppDbContext db, AuditChainVerifier verifier) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public AuditChainReport? Report { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }

    public async Task OnGetAsync(int p = 1, bool verify = false)
    {
        var total = await db.Set<AuditEntry>().CountAsync();
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(p, 1, PageCount);
        Entries = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Sequence)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        if (verify) Report = await verifier.VerifyAsync();
    }
}
