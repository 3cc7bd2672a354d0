using CityHall.Web.Platform.Notifications;

namespace CityHall.Web.Platform.Identity;

/// <summary>
/// Each module that keeps personal data says what it holds for a person (for "download my data")
/// and removes or anonymises it when the account is deleted. Public records (signature counts,
/// audit chains) stay verifiable: contributors anonymise those rather than delete them.
/// </summary>
public interface IPersonalDataContributor
{
    string Section { get; }
    Task<object?> ExportAsync(string userId, CancellationToken ct);
    Task EraseAsync(string userId, CancellationToken ct);
}

/// <summary>The platform's own personal data: in-app notifications and messages sent to the person.</summary>
public sealed class NotificationPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public string Section => "notifications";

    public async Task<object?> ExportAsync(string userId, CancellationToken ct) => new
    {
        inApp = await db.Set<InAppNotification>().AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id)
            .Select(n => new { n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt }).ToListAsync(ct),
        sent = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.Id)
            .Select(m => new { channel = m.Channel.ToString(), m.Recipient, m.Subject, m.CreatedAt, m.SentAt }).ToListAsync(ct),
    };

    public async Task EraseAsync(string userId, CancellationToken ct)
    {
        await db.Set<InAppNotification>().Where(n => n.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<OutboxMessage>().Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);
    }
}
