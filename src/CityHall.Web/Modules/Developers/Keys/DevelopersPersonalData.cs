using CityHall.Web.Platform.Identity;

namespace CityHall.Web.Modules.Developers.Keys;

/// <summary>
/// A person's apps and their keys, for "download my data" (never a key's hash), and their deletion with the account:
/// the keys stop working at once and their usage goes with them. Requests an app sent stay with the modules that
/// received them, which keep only the key's number.
/// </summary>
public sealed class DevelopersPersonalData(AppDbContext db, DeveloperKeys keys) : IPersonalDataContributor
{
    public string Section => "developers";

    public async Task<object?> ExportAsync(string userId, CancellationToken ct) => new
    {
        keys = await db.Set<DeveloperKey>().AsNoTracking().Where(k => k.OwnerId == userId).OrderBy(k => k.Id)
            .Select(k => new { app = k.AppName, k.Prefix, k.Scopes, k.RequestsPerMinute, k.CreatedAt, k.RotatedAt, k.RevokedAt }).ToListAsync(ct),
    };

    public Task EraseAsync(string userId, CancellationToken ct) => keys.DeleteAllOfAsync(userId, ct);
}
