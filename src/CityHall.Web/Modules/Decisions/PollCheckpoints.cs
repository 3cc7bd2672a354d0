using CityHall.Web.Platform.Hosting;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Decisions;

/// <summary>
/// A poll's chain as published at a moment: its length, its head and its number of voters. Anyone who copied one can
/// later show that the ballots before it were not rewritten: the verifier checks the chain passes through every
/// checkpoint, and a receipt page names the checkpoint that holds the ballot.
/// </summary>
public sealed class PollCheckpoint
{
    public long Id { get; set; }
    public long PollId { get; set; }
    public long Length { get; set; }
    public required string HeadHash { get; set; }
    public int Voters { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class PollCheckpointConfiguration : IEntityTypeConfiguration<PollCheckpoint>
{
    public void Configure(EntityTypeBuilder<PollCheckpoint> e)
    {
        e.ToTable("decision_checkpoints");
        e.Property(x => x.HeadHash).HasMaxLength(64);
        e.HasIndex(x => new { x.PollId, x.Length });
        e.HasOne<Poll>().WithMany().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Every Decisions:CheckpointInterval (5 minutes) publishes, for each poll whose chain grew, its length, head and number
/// of voters — as proposals' chains are checkpointed (<c>Petitions/CheckpointPublisher</c>).
/// </summary>
public sealed class PollCheckpointPublisher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DecisionsOptions> options,
    ILogger<PollCheckpointPublisher> logger) : PeriodicJob(logger)
{
    protected override TimeSpan Period => options.Value.CheckpointInterval;

    protected override Task RunOnceAsync(CancellationToken ct) => PublishAsync(ct);

    /// <summary>Writes a checkpoint for every chain that grew since its last one; returns how many.</summary>
    public async Task<int> PublishAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var grown = await db.Set<Poll>().AsNoTracking()
            .Where(p => p.ChainLength > (db.Set<PollCheckpoint>().Where(c => c.PollId == p.Id).Max(c => (long?)c.Length) ?? 0))
            .Select(p => new { p.Id, p.ChainLength, p.ChainHead, p.VoterCount })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var p in grown)
            db.Add(new PollCheckpoint { PollId = p.Id, Length = p.ChainLength, HeadHash = p.ChainHead, Voters = p.VoterCount, At = now });
        await db.SaveChangesAsync(ct);
        return grown.Count;
    }
}
