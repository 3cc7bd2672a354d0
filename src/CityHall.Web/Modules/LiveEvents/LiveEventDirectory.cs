using Microsoft.Extensions.Caching.Memory;

namespace CityHall.Web.Modules.LiveEvents;

/// <summary>
/// Events as the question channels look them up, hundreds of times a second during a broadcast:
/// kept for two seconds, so a state change made on another node is seen within that; a change
/// made here is seen at once.
/// </summary>
public sealed class LiveEventDirectory(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    public async Task<LiveEvent?> FindAsync(long id, CancellationToken ct = default) =>
        await cache.GetOrCreateAsync(("live-event", id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Freshness;
            return await QueryAsync(db => db.Set<LiveEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct));
        });

    /// <summary>The live event texted at this number (the webhook's To), if one is live.</summary>
    public async Task<LiveEvent?> LiveBySmsNumberAsync(string number, CancellationToken ct = default)
    {
        var normalized = NormalizeNumber(number);
        if (normalized.Length == 0) return null;
        var live = await LiveAsync(ct);
        return live.FirstOrDefault(e => e.SmsNumber is { } n && NormalizeNumber(n) == normalized);
    }

    /// <summary>The live event with this hashtag (without '#', any case), if one is live.</summary>
    public async Task<LiveEvent?> LiveByHashtagAsync(string tag, CancellationToken ct = default)
    {
        var wanted = tag.TrimStart('#');
        return (await LiveAsync(ct)).FirstOrDefault(e => string.Equals(e.Hashtag, wanted, StringComparison.OrdinalIgnoreCase));
    }

    public async Task<IReadOnlyList<LiveEvent>> LiveAsync(CancellationToken ct = default) =>
        await cache.GetOrCreateAsync("live-events-on-air", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Freshness;
            return (IReadOnlyList<LiveEvent>)await QueryAsync(db => db.Set<LiveEvent>().AsNoTracking()
                .Where(e => e.State == LiveEventState.Live).OrderBy(e => e.Id).ToListAsync(ct));
        }) ?? [];

    /// <summary>After a change made on this node: the next lookup reads the database.</summary>
    public void Forget(long id)
    {
        cache.Remove(("live-event", id));
        cache.Remove("live-events-on-air");
    }

    /// <summary>Digits only, with a leading '+' kept: "+82 2-120" and "+822120" are one number.</summary>
    public static string NormalizeNumber(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return "";
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return number.TrimStart().StartsWith('+') ? "+" + digits : digits;
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
