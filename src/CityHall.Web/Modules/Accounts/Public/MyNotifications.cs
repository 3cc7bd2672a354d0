using CityHall.Web.Platform.Notifications;

namespace CityHall.Web.Modules.Accounts.Public;

/// <summary>"My city"'s notifications block: how many are unread, and the latest with whether each was read.</summary>
public sealed record MyNotifications(IReadOnlyList<MyNotifications.Item> Latest, int Unread)
{
    public sealed record Item(long Id, string Title, string? Link, DateTimeOffset CreatedAt, bool Read);

    public const int Shown = 5;
    public const string View = "/Modules/Accounts/Public/_MyNotifications.cshtml";

    public static async Task<object?> LoadAsync(IServiceProvider services, string userId, CancellationToken ct)
    {
        var mine = services.GetRequiredService<AppDbContext>().Set<InAppNotification>().AsNoTracking().Where(n => n.UserId == userId);
        var latest = await mine.OrderByDescending(n => n.Id).Take(Shown).Select(n => new Item(n.Id, n.Title, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(ct);
        return latest.Count == 0 ? null : new MyNotifications(latest, await mine.CountAsync(n => n.ReadAt == null, ct));
    }
}
