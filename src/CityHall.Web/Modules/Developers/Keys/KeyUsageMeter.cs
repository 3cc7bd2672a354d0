using System.Collections.Concurrent;
using CityHall.Web.Platform.Hosting;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Developers.Keys;

/// <summary>
/// Counts each key's calls by hour and scope in memory and adds them to <see cref="DeveloperKeyUsage"/> every
/// <see cref="DevelopersOptions.UsageFlushSeconds"/> — a call costs no write of its own, and every node adds its own
/// counts (an increment, never an overwrite), so the usage is the city's whole. Counts not yet written when a node
/// stops are lost (at most one flush's worth).
/// </summary>
public sealed class KeyUsageMeter(IServiceScopeFactory scopes, TimeProvider clock, IOptionsMonitor<DevelopersOptions> options, ILogger<KeyUsageMeter> logger)
    : PeriodicJob(logger)
{
    private sealed class Counts { public long Calls; public long Limited; }

    private ConcurrentDictionary<(long Key, DateTime Hour, string Scope), Counts> pending = new();

    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.UsageFlushSeconds));

    public void Count(long keyId, string scope, bool limited)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var counts = pending.GetOrAdd((keyId, new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc), scope), _ => new Counts());
        if (limited) Interlocked.Increment(ref counts.Limited);
        else Interlocked.Increment(ref counts.Calls);
    }

    protected override Task RunOnceAsync(CancellationToken ct) => FlushAsync(ct);

    /// <summary>Adds what was counted since the last flush to the table.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var taken = Interlocked.Exchange(ref pending, new());
        if (taken.IsEmpty) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var ((key, hour, scopeCode), counts) in taken)
        {
            long calls = Interlocked.Read(ref counts.Calls), limited = Interlocked.Read(ref counts.Limited);
            for (var attempt = 0; ; attempt++)
            {
                var updated = await db.Set<DeveloperKeyUsage>().Where(u => u.KeyId == key && u.Hour == hour && u.Scope == scopeCode)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Calls, x => x.Calls + calls).SetProperty(x => x.Limited, x => x.Limited + limited), ct);
                if (updated > 0) break;
                try
                {
                    db.Add(new DeveloperKeyUsage { KeyId = key, Hour = hour, Scope = scopeCode, Calls = calls, Limited = limited });
                    await db.SaveChangesAsync(ct);
                    break;
                }
                catch (DbUpdateException) when (attempt < 2)
                {
                    // Another node wrote the hour's row first (or the key was removed): try the increment again.
                    db.ChangeTracker.Clear();
                }
            }
        }
    }
}
