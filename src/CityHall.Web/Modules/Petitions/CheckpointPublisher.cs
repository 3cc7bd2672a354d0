using CityHall.Web.Platform.Hosting;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Petitions;

/// <summary>
/// Every Petitions:CheckpointInterval (5 minutes) publishes, for each proposal whose chain grew,
/// its length, head hash and count. Anyone who copied a checkpoint can later prove the tally was
/// not rewritten before it; receipts are checked against the latest one.
/// </summary>
public sealed class CheckpointPublisher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<PetitionOptions> options,
    ILogger<CheckpointPublisher> logger) : PeriodicJob(logger)
{
    protected override TimeSpan Period => options.Value.CheckpointInterval;

    protected override Task RunOnceAsync(CancellationToken ct) => PublishAsync(ct);

    /// <summary>Writes a checkpoint for every chain that grew since its last one; returns how many.</summary>
    public async Task<int> PublishAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var grown = await db.Set<Petition>().AsNoTracking()
            .Where(p => p.ChainLength > (db.Set<PetitionCheckpoint>().Where(c => c.PetitionId == p.Id).Max(c => (long?)c.Length) ?? 0))
            .Select(p => new { p.Id, p.ChainLength, p.ChainHead, p.SignatureCount })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var p in grown)
            db.Add(new PetitionCheckpoint { PetitionId = p.Id, Length = p.ChainLength, HeadHash = p.ChainHead, Supports = p.SignatureCount, At = now });
        await db.SaveChangesAsync(ct);
        return grown.Count;
    }
}
