using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.Decisions;

/// <summary>
/// Once a poll has closed, its salt is erased (every minute, for the polls that closed since). The salt is what turns a
/// verified identity into the commitment on the chain: while the poll runs it is needed to find a voter's ballot and
/// replace it; afterwards, without it, no one — not the city either — can tell whose ballot an entry is. The chain,
/// the counts and every receipt (its entry's number and hash) still verify: none of them needs the salt.
/// </summary>
public sealed class PollKeyEraser(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PollKeyEraser> logger) : PeriodicJob(logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    protected override bool RunAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var erased = await EraseAsync(ct);
        if (erased > 0) logger.LogInformation("Erased the voters' key of {Count} closed polls", erased);
    }

    /// <summary>Erases the salt of every published poll that has closed; returns how many.</summary>
    public async Task<int> EraseAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var erased = Array.Empty<byte>();
        return await db.Set<Poll>().Where(p => p.PublishedAt != null && (p.ClosedEarlyAt != null || p.ClosesAt <= now) && p.Salt != erased)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Salt, erased), ct);
    }
}
