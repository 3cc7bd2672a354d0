using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.Petitions;

/// <summary>
/// Moves proposals on when their time comes (every minute): a support window that ends below the
/// threshold closes the proposal; one that ends above it leaves the department's answer owed
/// (AwaitingAnswer, due at AnswerDueAt, shown on the public answers-due page until answered); a
/// forum whose time is over closes. Crossing a threshold is recorded where it happens (the
/// signature writer, the forum vote). Each move is recorded as news for the author and signers.
/// Once the review period is over (Fraud.OriginRetention after the window) the signers' addresses
/// and e-mail domains are forgotten.
/// </summary>
public sealed class PetitionStages(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptionsMonitor<PetitionOptions> options,
    ILogger<PetitionStages> logger) : PeriodicJob(logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await AdvanceAsync(ct);
        await ForgetOriginsAsync(ct);
    }

    /// <summary>Clears the addresses and e-mail domains kept with the signatures of proposals whose review period is over; returns how many proposals.</summary>
    public async Task<int> ForgetOriginsAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cutoff = clock.GetUtcNow() - options.CurrentValue.Fraud.OriginRetention;
        var ended = (await db.Set<Petition>().AsNoTracking()
                .Where(p => p.OriginsForgottenAt == null && p.Status != PetitionStatus.Collecting && p.SupportDeadline != null)
                .Select(p => new { p.Id, p.SupportDeadline }).ToListAsync(ct))
            .Where(p => p.SupportDeadline <= cutoff).Select(p => p.Id).ToList();
        foreach (var id in ended)
        {
            await db.Set<PetitionSignature>().Where(s => s.PetitionId == id && (s.ClientIp != null || s.EmailDomain != null))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ClientIp, (string?)null).SetProperty(s => s.EmailDomain, (string?)null), ct);
            await db.Set<Petition>().Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.OriginsForgottenAt, clock.GetUtcNow()), ct);
        }
        return ended.Count;
    }

    /// <summary>Closes or hands over every proposal whose support window has ended and closes ended forums; returns how many moved.</summary>
    public async Task<int> AdvanceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        // Only what decides the stage is read (not titles and bodies); deadlines are compared in
        // memory because SQLite cannot compare DateTimeOffset values in SQL.
        var candidates = await db.Set<Petition>().AsNoTracking()
            .Where(p => p.Status == PetitionStatus.Collecting || (p.ForumOpenedAt != null && !p.ForumClosed))
            .Select(p => new { p.Id, p.Status, p.SupportDeadline, p.ForumOpenedAt, p.ForumClosesAt, p.ForumClosed,
                Reached = p.ThresholdReachedAt != null, Answered = p.AnsweredAt != null })
            .ToListAsync(ct);
        var moved = 0;
        foreach (var p in candidates.Where(p => (p.Status == PetitionStatus.Collecting && p.SupportDeadline <= now) || p.ForumClosesAt <= now))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (p.Status == PetitionStatus.Collecting && p.SupportDeadline <= now)
            {
                var next = !p.Reached ? PetitionStatus.Closed : p.Answered ? PetitionStatus.Answered : PetitionStatus.AwaitingAnswer;
                // Only the stage columns change: the writer owns the count and the chain, and refuses
                // signatures after the deadline by itself, so nothing races this update.
                if (await db.Set<Petition>().Where(x => x.Id == p.Id && x.Status == PetitionStatus.Collecting)
                        .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, next).SetProperty(x => x.ClosedAt, now), ct) == 1)
                {
                    moved++;
                    if (next != PetitionStatus.Answered)
                        db.Add(PetitionEvent.Of(p.Id, next == PetitionStatus.Closed ? PetitionEventKind.Closed : PetitionEventKind.AwaitingAnswer, now));
                }
            }
            if (p.ForumOpenedAt is not null && !p.ForumClosed && p.ForumClosesAt <= now
                && await db.Set<Petition>().Where(x => x.Id == p.Id && !x.ForumClosed)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.ForumClosed, true), ct) == 1)
            {
                moved++;
                db.Add(PetitionEvent.Of(p.Id, PetitionEventKind.ForumClosed, now));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return moved;
    }
}
