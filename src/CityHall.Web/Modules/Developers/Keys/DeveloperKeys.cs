using System.Security.Claims;
using System.Security.Cryptography;
using CityHall.Web.Platform.ApiAccess;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Modules;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Developers.Keys;

/// <summary>
/// Issues, rotates and revokes apps' keys, and checks a call's key for a scope (<see cref="IApiKeys"/>). A checked key
/// is remembered for a minute, so a busy app costs no database read per call; revoking or rotating forgets it at once
/// on this node (other nodes within the minute). Each key's calls are counted against its own rate and in its usage.
/// </summary>
public sealed class DeveloperKeys(AppDbContext db, IMemoryCache cache, KeyRateLimiter limiter, KeyUsageMeter usage, ModuleRegistry modules,
    PermissionHolders holders, IAuthorizationService authorization, IOptionsMonitor<DevelopersOptions> options, TimeProvider clock, AuditLog audit) : IApiKeys
{
    public const string KeyPrefix = "chk_";
    /// <summary>The prefix of the Open311 keys issued before every API shared these keys; the migration that moved them kept their hashes.</summary>
    public const string FormerOpen311Prefix = "ch311_";
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(1);

    /// <summary>What a key may be checked against, as remembered: the key, its app, owner, scopes and rate, and until when it works (a rotated-out key).</summary>
    private sealed record KnownKey(long Id, string AppName, string OwnerId, HashSet<string> Scopes, int RequestsPerMinute, DateTime? Until);

    /// <summary>
    /// The scopes the person may give a key: every declared scope whose permission, if any, the staff pages would grant
    /// them now — the same policy, so a key is made only where the work itself could be done (with the two-factor
    /// sign-in the city requires of staff).
    /// </summary>
    public async Task<IReadOnlyList<ApiScope>> ScopesForAsync(ClaimsPrincipal user)
    {
        var scopes = new List<ApiScope>();
        foreach (var scope in modules.ApiScopes)
            if (scope.Permission is null || (await authorization.AuthorizeAsync(user, PermissionPolicyProvider.Prefix + scope.Permission)).Succeeded) scopes.Add(scope);
        return scopes;
    }

    public Task<List<DeveloperKey>> OfOwnerAsync(string ownerId, CancellationToken ct = default) =>
        db.Set<DeveloperKey>().AsNoTracking().Where(k => k.OwnerId == ownerId).OrderByDescending(k => k.Id).ToListAsync(ct);

    /// <summary>Makes a key for an app and returns it: the only time the whole key is shown. Null when the person holds as many live keys as allowed.</summary>
    public async Task<string?> IssueAsync(ClaimsPrincipal owner, string appName, IReadOnlyCollection<string> scopes, CancellationToken ct = default)
    {
        var ownerId = OwnerOf(owner);
        if (await db.Set<DeveloperKey>().CountAsync(k => k.OwnerId == ownerId && k.RevokedAt == null, ct) >= options.CurrentValue.MaxKeysPerOwner) return null;
        var allowed = (await ScopesForAsync(owner)).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        if (scopes.Count == 0 || scopes.Any(s => !allowed.Contains(s))) throw new InvalidOperationException("A key is made with scopes its owner may give.");
        var secret = NewSecret();
        var key = new DeveloperKey
        {
            OwnerId = ownerId, AppName = appName.Trim(), Prefix = secret[..(KeyPrefix.Length + 6)], Hash = HashOf(secret), Scopes = string.Join(' ', scopes.Order(StringComparer.Ordinal)),
            RequestsPerMinute = options.CurrentValue.RequestsPerMinute, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(key);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(owner, "developers.key.issue", "developer-key", Id(key), new { key.AppName, key.Prefix, key.Scopes, key.RequestsPerMinute }, ct);
        return secret;
    }

    /// <summary>A new key for the same app and scopes; the old one keeps working for the overlap. Null when the key is not the person's or is revoked.</summary>
    public async Task<string?> RotateAsync(ClaimsPrincipal owner, long id, CancellationToken ct = default)
    {
        var ownerId = OwnerOf(owner);
        if (await db.Set<DeveloperKey>().FirstOrDefaultAsync(k => k.Id == id && k.OwnerId == ownerId && k.RevokedAt == null, ct) is not { } key) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = NewSecret();
        Forget(key.Hash);
        if (key.PreviousHash is { } older) Forget(older);
        key.PreviousHash = key.Hash;
        key.PreviousUntil = now.AddMinutes(options.CurrentValue.RotationOverlapMinutes);
        key.Hash = HashOf(secret);
        key.Prefix = secret[..(KeyPrefix.Length + 6)];
        key.RotatedAt = now;
        await audit.RecordAsync(owner, "developers.key.rotate", "developer-key", Id(key), new { key.AppName, key.Prefix, key.PreviousUntil }, ct);
        return secret;
    }

    public async Task<bool> RevokeAsync(ClaimsPrincipal owner, long id, CancellationToken ct = default)
    {
        var ownerId = OwnerOf(owner);
        if (await db.Set<DeveloperKey>().FirstOrDefaultAsync(k => k.Id == id && k.OwnerId == ownerId && k.RevokedAt == null, ct) is not { } key) return false;
        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        Forget(key.Hash);
        if (key.PreviousHash is { } older) Forget(older);
        await audit.RecordAsync(owner, "developers.key.revoke", "developer-key", Id(key), new { key.AppName, key.Prefix }, ct);
        return true;
    }

    public Task<ApiKeyCheck> CheckAsync(HttpRequest request, string scope, CancellationToken ct = default) =>
        CheckKeyAsync(request.Headers.Authorization.ToString() is { Length: > 7 } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? auth[7..] : request.Headers["X-Api-Key"].ToString(), scope, ct);

    /// <summary>Deletes every key of the person (their account is going), with its usage, and forgets them on this node at once.</summary>
    public async Task DeleteAllOfAsync(string ownerId, CancellationToken ct = default)
    {
        var hashes = await db.Set<DeveloperKey>().AsNoTracking().Where(k => k.OwnerId == ownerId).Select(k => new { k.Hash, k.PreviousHash }).ToListAsync(ct);
        await db.Set<DeveloperKey>().Where(k => k.OwnerId == ownerId).ExecuteDeleteAsync(ct);
        foreach (var key in hashes)
        {
            Forget(key.Hash);
            if (key.PreviousHash is { } older) Forget(older);
        }
    }

    public async Task<ApiKeyCheck> CheckKeyAsync(string? given, string scope, CancellationToken ct = default)
    {
        var secret = given?.Trim() ?? "";
        if (secret.Length == 0) return new(ApiKeyRefusal.Missing);
        if (secret.Length > 100 || !HasOurPrefix(secret) || await FindAsync(HashOf(secret), ct) is not { } key)
            return new(ApiKeyRefusal.Unknown);
        if (!key.Scopes.Contains(scope)) return new(ApiKeyRefusal.NoScope, key.Id, key.AppName, key.OwnerId);
        var (allowed, retryAfter) = limiter.TryCall(key.Id, key.RequestsPerMinute);
        usage.Count(key.Id, scope, limited: !allowed);
        return allowed ? new(ApiKeyRefusal.None, key.Id, key.AppName, key.OwnerId) : new(ApiKeyRefusal.RateLimited, key.Id, key.AppName, key.OwnerId, retryAfter);
    }

    private async Task<KnownKey?> FindAsync(byte[] hash, CancellationToken ct)
    {
        var cacheKey = CacheKey(hash);
        if (!cache.TryGetValue(cacheKey, out KnownKey? known))
        {
            var row = await db.Set<DeveloperKey>().AsNoTracking().Where(k => k.RevokedAt == null && (k.Hash == hash || k.PreviousHash == hash))
                .Select(k => new { k.Id, k.AppName, k.OwnerId, k.Scopes, k.RequestsPerMinute, k.Hash, k.PreviousUntil }).FirstOrDefaultAsync(ct);
            if (row is not null)
            {
                // A scope that writes the city's records works only while its owner still holds the permission behind it.
                var held = await holders.OfUserAsync(row.OwnerId, ct);
                var gated = modules.ApiScopes.Where(s => s.Permission is not null).ToDictionary(s => s.Code, s => s.Permission!, StringComparer.Ordinal);
                var scopes = row.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(s => !gated.TryGetValue(s, out var permission) || held.Contains(permission)).ToHashSet(StringComparer.Ordinal);
                known = new KnownKey(row.Id, row.AppName, row.OwnerId, scopes, row.RequestsPerMinute, row.Hash.AsSpan().SequenceEqual(hash) ? null : row.PreviousUntil ?? DateTime.MinValue);
            }
            else known = null;
            cache.Set(cacheKey, known, Remember);
        }
        return known is { Until: { } until } && until <= clock.GetUtcNow().UtcDateTime ? null : known;
    }

    /// <summary>Ours: made here, or an Open311 key made before keys were one per app (they carried their own prefix and still work).</summary>
    private static bool HasOurPrefix(string secret) =>
        secret.StartsWith(KeyPrefix, StringComparison.Ordinal) || secret.StartsWith(FormerOpen311Prefix, StringComparison.Ordinal);

    private void Forget(byte[] hash) => cache.Remove(CacheKey(hash));

    private static string OwnerOf(ClaimsPrincipal owner) =>
        owner.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Keys belong to signed-in people.");

    private static string NewSecret() => KeyPrefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static byte[] HashOf(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    private static string CacheKey(byte[] hash) => "developer-key:" + Convert.ToHexString(hash);

    private static string Id(DeveloperKey key) => key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
