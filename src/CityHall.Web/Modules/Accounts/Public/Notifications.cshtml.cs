using System.Security.Claims;
using CityHall.Web.Platform.Notifications;

namespace CityHall.Web.Modules.Accounts.Public;

/// <summary>The person's in-app notifications, newest first, 20 a page; "mark all as read".</summary>
[Authorize]
public sealed class NotificationsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<InAppNotification> Items { get; private set; } = [];
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }
    public int Unread { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(int p = 1)
    {
        var mine = db.Set<InAppNotification>().AsNoTracking().Where(n => n.UserId == UserId);
        var total = await mine.CountAsync();
        Unread = await mine.CountAsync(n => n.ReadAt == null);
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(p, 1, PageCount);
        Items = await mine.OrderByDescending(n => n.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var now = clock.GetUtcNow();
        await db.Set<InAppNotification>().Where(n => n.UserId == UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
        return RedirectToPage();
    }
}
