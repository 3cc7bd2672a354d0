using System.Security.Claims;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using CityHall.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.ServiceRequests.Open311;

/// <summary>
/// An Open311 client's key. Only a SHA-256 of the key is kept: the key is 256 random bits, so a
/// plain hash cannot be reversed or guessed, and a leaked table gives nobody a usable key.
/// </summary>
public sealed class ApiKey
{
    public long Id { get; set; }
    public required string OwnerId { get; set; }
    /// <summary>What the owner calls the client ("Our neighbourhood app").</summary>
    public required string Name { get; set; }
    /// <summary>The key's first characters, so the owner can tell keys apart in the list.</summary>
    public required string Prefix { get; set; }
    public required byte[] Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.ToTable("service_api_keys");
        e.Property(x => x.OwnerId).HasMaxLength(450);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Prefix).HasMaxLength(16);
        e.Property(x => x.Hash).HasMaxLength(32);
        e.HasIndex(x => x.Hash).IsUnique();
        e.HasIndex(x => x.OwnerId);
    }
}

/// <summary>The result of checking a key: the key's id, or why it was refused.</summary>
public readonly record struct KeyCheck(long? KeyId, bool RateLimited)
{
    public bool Valid => KeyId is not null && !RateLimited;
}

/// <summary>
/// Issues, checks and revokes Open311 keys. A checked key is remembered for a minute so a busy
/// client costs no database read per request; revoking evicts it at once on this node (other
/// nodes within that minute). Each key gets its own request budget per window.
/// </summary>
public sealed class ApiKeys(AppDbContext db, IMemoryCache cache, ApiKeyLimiter limiter, TimeProvider clock, AuditLog audit)
{
    private const string KeyPrefix = "ch311_";
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(1);

    public const int MaxKeysPerOwner = 10;

    /// <summary>Makes a key for the owner and returns it: the only time the full key is ever shown.</summary>
    public async Task<string> IssueAsync(ClaimsPrincipal owner, string name, CancellationToken ct = default)
    {
        var ownerId = owner.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Keys belong to signed-in users.");
        var secret = KeyPrefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey { OwnerId = ownerId, Name = name, Prefix = secret[..(KeyPrefix.Length + 4)], Hash = HashOf(secret), CreatedAt = clock.GetUtcNow() };
        db.Add(key);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(owner, "open311.key.issue", "api-key", key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { key.Name, key.Prefix }, ct);
        return secret;
    }

    public async Task<bool> RevokeAsync(ClaimsPrincipal owner, long id, CancellationToken ct = default)
    {
        var ownerId = owner.FindFirstValue(ClaimTypes.NameIdentifier);
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id && k.OwnerId == ownerId && k.RevokedAt == null, ct);
        if (key is null) return false;
        key.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        cache.Remove(CacheKey(Convert.ToHexString(key.Hash)));
        await audit.RecordAsync(owner, "open311.key.revoke", "api-key", key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { key.Name, key.Prefix }, ct);
        return true;
    }

    public Task<List<ApiKey>> OfOwnerAsync(string ownerId, CancellationToken ct = default) =>
        db.Set<ApiKey>().AsNoTracking().Where(k => k.OwnerId == ownerId).OrderByDescending(k => k.Id).ToListAsync(ct);

    public Task<int> LiveCountAsync(string ownerId, CancellationToken ct = default) =>
        db.Set<ApiKey>().CountAsync(k => k.OwnerId == ownerId && k.RevokedAt == null, ct);

    /// <summary>The live key's id, or null for a missing, unknown or revoked key. Does not spend the rate budget.</summary>
    public async Task<long?> FindAsync(string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100 || !secret.StartsWith(KeyPrefix, StringComparison.Ordinal)) return null;
        var hash = HashOf(secret);
        var cacheKey = CacheKey(Convert.ToHexString(hash));
        if (cache.TryGetValue(cacheKey, out long? known)) return known;
        var id = await db.Set<ApiKey>().AsNoTracking().Where(k => k.Hash == hash && k.RevokedAt == null).Select(k => (long?)k.Id).FirstOrDefaultAsync(ct);
        cache.Set(cacheKey, id, Remember);
        return id;
    }

    /// <summary>Checks the key and spends one request of its budget.</summary>
    public async Task<KeyCheck> CheckAsync(string? secret, CancellationToken ct = default)
    {
        var id = await FindAsync(secret, ct);
        if (id is null) return new(null, false);
        using var lease = limiter.Limiter.AttemptAcquire(id.Value);
        return new(id, !lease.IsAcquired);
    }

    private static byte[] HashOf(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));
    private static string CacheKey(string hex) => "open311-key:" + hex;
}

/// <summary>One fixed-window budget per key (ServiceRequests:Open311:KeyRequestsPerMinute), kept for the app's lifetime.</summary>
public sealed class ApiKeyLimiter(IOptions<ServiceRequestOptions> options) : IDisposable
{
    public PartitionedRateLimiter<long> Limiter { get; } = PartitionedRateLimiter.Create<long, long>(id =>
        RateLimitPartition.GetFixedWindowLimiter(id, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.Open311.KeyRequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public void Dispose() => Limiter.Dispose();
}
