using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Cctv.Status;

/// <summary>
/// The recorders' keys: issued (32 random bytes, shown once as base64url), kept encrypted in the database with Data
/// Protection, and held in memory decrypted to check heartbeat signatures (HMAC-SHA256 of the body) — about twenty
/// batches a second for 50,000 cameras, none of which should cost a query or a decryption. The memory copy is read
/// again every 30 seconds, and at once (at most every 2 seconds) when a recorder is unknown or its signature fails,
/// so a key issued on another node works within seconds. A rotated key keeps working until its overlap ends.
/// </summary>
public sealed class RecorderKeys(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock, ILogger<RecorderKeys> logger) : IDisposable
{
    /// <summary>The Data Protection purpose the keys are encrypted under (the benchmark seeds recorders with it).</summary>
    public const string Purpose = "CityHall.Cctv.RecorderKey";
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30), Again = TimeSpan.FromSeconds(2);

    /// <summary>What a heartbeat needs to know of its recorder.</summary>
    public sealed record Entry(int Id, string Code, string DepartmentCode, int IntervalSeconds, byte[]? Key, byte[]? PreviousKey, DateTime? PreviousUntil, bool Retired);

    private volatile FrozenDictionary<string, Entry> entries = FrozenDictionary<string, Entry>.Empty;
    /// <summary>When the memory copy was read (Environment.TickCount64); −1 when it must be read before the next check.</summary>
    private long loadedAt = -1;
    private readonly SemaphoreSlim loading = new(1, 1);

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>A new key: the text the device is configured with, and what the database keeps.</summary>
    public (string Key, string Protected) Issue()
    {
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (key, Protector.Protect(key));
    }

    /// <summary>The recorder by its code when the signature was made with its key (or the previous one during the overlap).</summary>
    public async Task<Entry?> VerifyAsync(string? code, ReadOnlyMemory<byte> body, string? signature, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code) || ParseSignature(signature) is not { } given) return null;
        await LoadAsync(Fresh, ct);
        if (Check(code, body.Span, given) is { } entry) return entry;
        // Unknown here or not matching: perhaps issued or rotated on another node moments ago.
        await LoadAsync(Again, ct);
        return Check(code, body.Span, given);
    }

    /// <summary>After staff issue, rotate or retire a key here: the next heartbeat reads the recorders again.</summary>
    public void Invalidate() => Interlocked.Exchange(ref loadedAt, -1);

    /// <summary>The signature a body needs: "sha256=" and the lowercase hex HMAC-SHA256 keyed with the recorder's key text.</summary>
    public static string Sign(string key, ReadOnlySpan<byte> body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));

    private Entry? Check(string code, ReadOnlySpan<byte> body, byte[] given)
    {
        if (!entries.TryGetValue(code, out var entry) || entry.Retired) return null;
        if (entry.Key is { } key && Matches(key, body, given)) return entry;
        if (entry.PreviousKey is { } previous && entry.PreviousUntil > clock.GetUtcNow().UtcDateTime && Matches(previous, body, given)) return entry;
        return null;
    }

    private static bool Matches(byte[] key, ReadOnlySpan<byte> body, byte[] given)
    {
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(key, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static byte[]? ParseSignature(string? signature)
    {
        if (signature is null || !signature.StartsWith("sha256=", StringComparison.Ordinal) || signature.Length != 7 + 64) return null;
        try { return Convert.FromHexString(signature.AsSpan(7)); }
        catch (FormatException) { return null; }
    }

    private async Task LoadAsync(TimeSpan age, CancellationToken ct)
    {
        bool Current()
        {
            var at = Interlocked.Read(ref loadedAt);
            return at >= 0 && Environment.TickCount64 - at < age.TotalMilliseconds;
        }
        if (Current()) return;
        await loading.WaitAsync(ct);
        try
        {
            if (Current()) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.Set<CameraRecorder>().AsNoTracking().ToListAsync(ct);
            entries = rows.Select(r => new Entry(r.Id, r.Code, r.DepartmentCode, r.IntervalSeconds, KeyBytes(r.KeyProtected), KeyBytes(r.PreviousKeyProtected),
                r.PreviousKeyUntil, r.Retired)).ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);
            Interlocked.Exchange(ref loadedAt, Environment.TickCount64);
        }
        finally { loading.Release(); }
    }

    private byte[]? KeyBytes(string? protectedKey)
    {
        if (protectedKey is null) return null;
        try { return Encoding.UTF8.GetBytes(Protector.Unprotect(protectedKey)); }
        catch (CryptographicException ex)
        {
            // Keys from another installation's key ring (a restored copy): the recorder needs a new key.
            logger.LogWarning(ex, "A recorder key cannot be decrypted with this installation's keys; issue the recorder a new one");
            return null;
        }
    }

    public void Dispose() => loading.Dispose();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
