using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Petitions.Forum;

public enum ForumVoteOutcome { Counted, Changed, Unchanged, NotOpen, NotFound }

/// <summary>The forum's tally: votes by side (the number of people is the proposal's ForumParticipants).</summary>
public sealed record ForumTally(int Pro, int Con, int Neutral);

/// <summary>
/// The public forum a proposal opens at the forum threshold: verified citizens vote for, against or
/// undecided (one person, one vote, changeable while the forum is open). Each new participant is
/// counted on the proposal in the same transaction; reaching the mayor threshold makes the mayor's
/// answer due, once.
/// </summary>
public sealed class PetitionForum(AppDbContext db, IOptionsMonitor<PetitionOptions> options, TimeProvider clock)
{
    public static bool IsOpen(Petition p, DateTimeOffset now) =>
        p.ForumOpenedAt is not null && !p.ForumClosed && p.ForumClosesAt > now;

    public async Task<ForumVoteOutcome> VoteAsync(long petitionId, string identityKey, string userId, ForumStance choice, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var petition = await db.Set<Petition>().AsNoTracking().Where(p => p.Id == petitionId)
            .Select(p => new { p.Status, p.Salt, p.ForumOpenedAt, p.ForumClosesAt, p.ForumClosed }).FirstOrDefaultAsync(ct);
        if (petition is null || petition.Status is PetitionStatus.PendingReview or PetitionStatus.Rejected) return ForumVoteOutcome.NotFound;
        if (petition.ForumOpenedAt is null || petition.ForumClosed || petition.ForumClosesAt <= now) return ForumVoteOutcome.NotOpen;
        var commitment = Petitions.SignatureChain.Commitment(petition.Salt, identityKey);

        for (var attempt = 0; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var existing = await db.Set<PetitionForumVote>().FirstOrDefaultAsync(v => v.PetitionId == petitionId && v.Commitment == commitment, ct);
            if (existing is not null)
            {
                if (existing.Choice == choice) return ForumVoteOutcome.Unchanged;
                existing.Choice = choice;
                existing.CastAt = now;
                existing.UserId = userId;
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return ForumVoteOutcome.Changed;
            }
            db.Add(new PetitionForumVote { PetitionId = petitionId, Commitment = commitment, UserId = userId, Choice = choice, CastAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same person voted at the same moment from another request: change that vote instead.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                continue;
            }
            // Counted in the database, not read-modify-written, so simultaneous voters all count.
            await db.Set<Petition>().Where(p => p.Id == petitionId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.ForumParticipants, p => p.ForumParticipants + 1), ct);
            var rules = options.CurrentValue;
            var reached = await db.Set<Petition>().Where(p => p.Id == petitionId && p.MayorThresholdReachedAt == null && p.ForumParticipants >= rules.MayorThreshold)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.MayorThresholdReachedAt, now).SetProperty(p => p.MayorAnswerDueAt, now + rules.MayorAnswerWindow), ct);
            if (reached == 1)
            {
                db.Add(PetitionEvent.Of(petitionId, PetitionEventKind.MayorThresholdReached, now));
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            return ForumVoteOutcome.Counted;
        }
    }

    public async Task<ForumTally> TallyAsync(long petitionId, CancellationToken ct = default)
    {
        var counts = await db.Set<PetitionForumVote>().AsNoTracking().Where(v => v.PetitionId == petitionId)
            .GroupBy(v => v.Choice).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(ForumStance s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return new(Of(ForumStance.Pro), Of(ForumStance.Con), Of(ForumStance.Neutral));
    }

    /// <summary>The signed-in person's vote through this account, if any.</summary>
    public Task<ForumStance?> MyVoteAsync(long petitionId, string userId, CancellationToken ct = default) =>
        db.Set<PetitionForumVote>().AsNoTracking().Where(v => v.PetitionId == petitionId && v.UserId == userId)
            .Select(v => (ForumStance?)v.Choice).FirstOrDefaultAsync(ct);
}
