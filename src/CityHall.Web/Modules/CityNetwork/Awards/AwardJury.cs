using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.CityNetwork.Awards;

/// <summary>
/// The jury's side: what a juror may see (their category's entries of the round, never one in conflict), their own
/// scores (others' only once the round has closed), scoring every criterion on the scale, and declaring a conflict
/// (which withdraws their scores of that entry).
/// </summary>
public sealed class AwardJury(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<List<AwardJuror>> SeatsOfAsync(string userId, CancellationToken ct) =>
        db.Set<AwardJuror>().AsNoTracking().Where(j => j.UserId == userId).ToListAsync(ct);

    public async Task<HashSet<long>> DeclaredAsync(long jurorId, CancellationToken ct) =>
        (await db.Set<AwardConflict>().Where(c => c.JurorId == jurorId).Select(c => c.EntryId).ToListAsync(ct)).ToHashSet();

    /// <summary>The entries of the juror's category in the current round that the juror may see.</summary>
    public async Task<List<AwardEntry>> EntriesForAsync(AwardJuror juror, AwardEdition edition, CancellationToken ct)
    {
        var round = AwardRules.LatestRound(edition.Phase);
        if (round == 0) return [];
        var status = round == 1 ? new[] { EntryStatus.Eligible, EntryStatus.Shortlisted, EntryStatus.NotShortlisted, EntryStatus.Awarded, EntryStatus.NotAwarded }
            : [EntryStatus.Shortlisted, EntryStatus.Awarded, EntryStatus.NotAwarded];
        var declared = await DeclaredAsync(juror.Id, ct);
        var entries = await db.Set<AwardEntry>().AsNoTracking().Where(e => e.CategoryId == juror.CategoryId && status.Contains(e.Status)).OrderBy(e => e.Id).ToListAsync(ct);
        return entries.Where(e => !AwardRules.InConflict(juror, e, declared.Contains(e.Id))).ToList();
    }

    /// <summary>Records (or replaces) the juror's scores of an entry in a round; null when done, or the refusal's text key.</summary>
    public async Task<string?> ScoreAsync(ClaimsPrincipal user, long jurorId, long entryId, int round, IReadOnlyDictionary<long, int> scores, CancellationToken ct)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var juror = await db.Set<AwardJuror>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == jurorId && me != null && j.UserId == me, ct);
        var entry = await db.Set<AwardEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (juror is null || entry is null) return "Network.Awards.Score.NotYours";
        var edition = await db.Set<AwardEdition>().AsNoTracking().FirstAsync(e => e.Id == juror.EditionId, ct);
        var criteria = await db.Set<AwardCriterion>().Where(c => c.EditionId == edition.Id).Select(c => c.Id).ToListAsync(ct);
        var declared = await db.Set<AwardConflict>().AnyAsync(c => c.JurorId == jurorId && c.EntryId == entryId, ct);
        if (AwardRules.ScoreRefusal(edition, juror, entry, round, declared, criteria, scores) is { } refusal) return refusal;

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The round is checked again inside the transaction by the write itself: a score lands only while the edition is in it.
        var stillOpen = await db.Set<AwardEdition>().Where(e => e.Id == edition.Id && e.Phase == AwardRules.PhaseOf(round))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.UpdatedAt, e => e.UpdatedAt), ct);
        if (stillOpen == 0) return "Network.Awards.Score.RoundClosed";
        await db.Set<AwardScore>().Where(s => s.EntryId == entryId && s.JurorId == jurorId && s.Round == round).ExecuteDeleteAsync(ct);
        db.AddRange(scores.Select(s => new AwardScore { EntryId = entryId, JurorId = jurorId, Round = round, CriterionId = s.Key, Score = s.Value, UpdatedAt = now }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Declares a conflict with an entry: the juror no longer sees it, and their scores of it are withdrawn.</summary>
    public async Task<string?> DeclareConflictAsync(ClaimsPrincipal user, long jurorId, long entryId, string reason, CancellationToken ct)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var juror = await db.Set<AwardJuror>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == jurorId && me != null && j.UserId == me, ct);
        var entry = await db.Set<AwardEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId && e.CategoryId == (juror == null ? 0 : juror.CategoryId), ct);
        if (juror is null || entry is null) return "Network.Awards.Score.NotYours";
        if (await db.Set<AwardConflict>().AnyAsync(c => c.JurorId == jurorId && c.EntryId == entryId, ct)) return null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(new AwardConflict { JurorId = jurorId, EntryId = entryId, Reason = reason.Trim(), DeclaredAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        await db.Set<AwardScore>().Where(s => s.EntryId == entryId && s.JurorId == jurorId).ExecuteDeleteAsync(ct);
        await audit.RecordAsync(user, "network.award.conflict", "network-award-entry", entryId.ToString(CultureInfo.InvariantCulture), new { jurorId, reason }, ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
