using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Modules;
using CityHall.Web.Platform.Notifications;

namespace CityHall.Web.Modules.Admin.Admin;

public sealed class DashboardModel(AppDbContext db, ModuleRegistry modules) : PageModel
{
    public IReadOnlyList<AdminMenuItem> Menu { get; private set; } = [];
    public int Users { get; private set; }
    public int OutboxPending { get; private set; }
    public int OutboxFailed { get; private set; }
    public long AuditEntries { get; private set; }

    public async Task OnGetAsync()
    {
        Menu = modules.AdminMenu.Where(i => User.HasPermission(i.Permission)).ToList();
        Users = await db.Users.CountAsync();
        OutboxPending = await db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null && !m.GaveUp);
        OutboxFailed = await db.Set<OutboxMessage>().CountAsync(m => m.GaveUp);
        AuditEntries = await db.Set<AuditEntry>().LongCountAsync();
    }
}
