using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.Petitions;

/// <summary>
/// Moves proposals on when their time comes (every minute): a support window that ends below the
/// threshold closes the proposal; one that ends above it leaves the department's answer owed
/// (AwaitingAnswer, due at AnswerDueAt, shown on the public answers-due page until answered).
/// Crossing a threshold is recorded by the signature writer in the batch that crosses it.
/// </summary>
public sealed class PetitionStages(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PetitionStages> logger) : PeriodicJob(logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    protected override Task RunOnceAsync(CancellationToken ct) => AdvanceAsync(ct);

    /// <summary>Closes or hands over every proposal whose support window has ended; returns how many moved.</summary>
    public async Task<int> AdvanceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var ended = await db.Set<Petition>().Where(p => p.Status == PetitionStatus.Collecting).ToListAsync(ct);
        var moved = 0;
        // Deadlines compared in memory: SQLite cannot compare DateTimeOffset values in SQL.
        foreach (var p in ended.Where(p => p.SupportDeadline <= now))
        {
            // The count is the writer's; the status column is only the stage's. The writer refuses
            // signatures after the deadline by itself, so nothing races this change.
            p.Status = p.ThresholdReachedAt is null ? PetitionStatus.Closed
                : p.AnsweredAt is null ? PetitionStatus.AwaitingAnswer : PetitionStatus.Answered;
            p.ClosedAt = now;
            moved++;
        }
        await db.SaveChangesAsync(ct);
        return moved;
    }
}
