namespace CityHall.Web.Modules.News.Subscriptions;

/// <summary>What the news keeps of a person: what they follow for their daily digest (the digests themselves are the platform's notifications).</summary>
public sealed class NewsPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public string Section => "news";

    public async Task<object?> ExportAsync(string userId, CancellationToken ct) =>
        await db.Set<NewsSubscription>().AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { s.Kinds, s.Departments, s.Districts, s.CreatedAt, s.LastDigestDay }).FirstOrDefaultAsync(ct);

    public Task EraseAsync(string userId, CancellationToken ct) =>
        db.Set<NewsSubscription>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
}
