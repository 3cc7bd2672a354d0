using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Platform.Audit;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Awards;

/// <summary>
/// The secretariat's side of an edition: making one (with the settings' default criteria), and moving it through its
/// rounds. Closing a round freezes it: each entry's score and rank are computed once (<see cref="AwardRanking"/>) and
/// stored, the phase moves on in the same transaction, and from then on no juror's score lands in it.
/// </summary>
public sealed class AwardEditions(AppDbContext db, AuditLog audit, TimeProvider clock, IOptionsMonitor<CityNetworkOptions> options)
{
    public async Task<AwardEdition> CreateAsync(ClaimsPrincipal secretary, AwardEdition edition, CancellationToken ct)
    {
        edition.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Add(edition);
        await db.SaveChangesAsync(ct);
        var order = 0;
        db.AddRange(options.CurrentValue.AwardCriteria.Select(c => new AwardCriterion
        {
            EditionId = edition.Id, Code = c.Code, Name = c.Name.En, NameKo = string.IsNullOrWhiteSpace(c.Name.Ko) ? null : c.Name.Ko, Weight = c.Weight, Order = ++order,
        }));
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(secretary, "network.award.edition-create", "network-award-edition", edition.Id.ToString(CultureInfo.InvariantCulture),
            new { edition.Year, edition.Title, edition.TimeZone, edition.OpensAt, edition.DeadlineAt }, ct);
        return edition;
    }

    public async Task<string?> OpenRound1Async(ClaimsPrincipal secretary, long editionId, CancellationToken ct)
    {
        var edition = await db.Set<AwardEdition>().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return "Network.Awards.Unknown";
        var unscreened = await db.Set<AwardEntry>().CountAsync(e => e.EditionId == editionId && e.Status == EntryStatus.Submitted, ct);
        if (AwardRules.OpenRound1Refusal(edition, clock.GetUtcNow().UtcDateTime, unscreened) is { } refusal) return refusal;
        // Drafts never submitted stay drafts (their applicants still see them), but no longer count for anything.
        return await MoveAsync(secretary, edition, AwardPhase.Entries, AwardPhase.Round1, ct);
    }

    /// <summary>Closes round 1 or 2: every entry scored in it gets its score and rank, frozen.</summary>
    public async Task<string?> CloseRoundAsync(ClaimsPrincipal secretary, long editionId, int round, CancellationToken ct)
    {
        var edition = await db.Set<AwardEdition>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return "Network.Awards.Unknown";
        if (round is not (1 or 2) || edition.Phase != AwardRules.PhaseOf(round)) return "Network.Awards.Phase.Wrong";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.Set<AwardEdition>().Where(e => e.Id == editionId && e.Phase == AwardRules.PhaseOf(round))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Phase, round == 1 ? AwardPhase.Shortlisting : AwardPhase.Deciding).SetProperty(e => e.UpdatedAt, now)
                .SetProperty(e => e.Round1ClosedAt, e => round == 1 ? now : e.Round1ClosedAt).SetProperty(e => e.Round2ClosedAt, e => round == 2 ? now : e.Round2ClosedAt), ct);
        if (moved == 0) return "Network.Awards.Phase.Wrong";
        foreach (var (categoryId, ranking) in await RankingsAsync(editionId, round, ct))
        {
            var entries = await db.Set<AwardEntry>().Where(e => e.CategoryId == categoryId && e.Status == AwardRules.ScoredIn(round)).ToDictionaryAsync(e => e.Id, ct);
            foreach (var r in ranking)
            {
                var entry = entries[r.EntryId];
                var scored = r.Jurors.Count > 0 ? r.Score : (decimal?)null;
                if (round == 1) (entry.Round1Score, entry.Round1Rank) = (scored, r.Rank);
                else (entry.Round2Score, entry.Round2Rank) = (scored, r.Rank);
            }
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(secretary, "network.award.close-round", "network-award-edition", editionId.ToString(CultureInfo.InvariantCulture), new { round }, ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>
    /// Records the shortlist (after round 1, which then opens round 2) or the winners (after round 2) of every category:
    /// <paramref name="chosen"/> are the entries chosen, <paramref name="reasons"/> the tie-breaks by category. Each
    /// category's choice is checked (<see cref="AwardRules.SelectionRefusal"/>); one refusal and nothing is recorded.
    /// Returns null, or the refusal's text key and the category it concerns.
    /// </summary>
    public async Task<(string Key, long? CategoryId)?> SelectAsync(ClaimsPrincipal secretary, long editionId, bool winners, IReadOnlyCollection<long> chosen,
        IReadOnlyDictionary<long, string?> reasons, CancellationToken ct)
    {
        var edition = await db.Set<AwardEdition>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return ("Network.Awards.Unknown", null);
        var phase = winners ? AwardPhase.Deciding : AwardPhase.Shortlisting;
        if (edition.Phase != phase) return ("Network.Awards.Phase.Wrong", null);
        var candidateStatus = winners ? EntryStatus.Shortlisted : EntryStatus.Eligible;
        if (winners && await db.Set<AwardEntry>().AnyAsync(e => e.EditionId == editionId && e.Status == EntryStatus.Awarded, ct)) return ("Network.Awards.Select.Done", null);
        var categories = await db.Set<AwardCategory>().AsNoTracking().Where(c => c.EditionId == editionId).ToListAsync(ct);
        var candidates = await db.Set<AwardEntry>().Where(e => e.EditionId == editionId && e.Status == candidateStatus).ToListAsync(ct);
        var stage = winners ? "winners" : "shortlist";
        var now = clock.GetUtcNow().UtcDateTime;
        var me = secretary.FindFirstValue(ClaimTypes.NameIdentifier)!;
        foreach (var category in categories)
        {
            var ranked = candidates.Where(e => e.CategoryId == category.Id)
                .Select(e => (e.Id, Score: winners ? e.Round2Score : e.Round1Score)).OrderByDescending(x => x.Score).ThenBy(x => x.Id).ToList();
            var picked = chosen.Where(id => ranked.Any(r => r.Id == id)).ToList();
            var reason = reasons.GetValueOrDefault(category.Id);
            if (AwardRules.SelectionRefusal(ranked, picked, winners ? category.Winners : category.ShortlistSize, reason) is { } refusal) return (refusal, category.Id);
            foreach (var entry in candidates.Where(e => e.CategoryId == category.Id))
            {
                entry.Status = picked.Contains(entry.Id) ? (winners ? EntryStatus.Awarded : EntryStatus.Shortlisted) : (winners ? EntryStatus.NotAwarded : EntryStatus.NotShortlisted);
                entry.Revision++;
            }
            if (AwardRules.SelectionNeedsReason(ranked, picked))
                db.Add(new AwardTieBreak { EditionId = editionId, CategoryId = category.Id, Stage = stage, Reason = reason!.Trim(), Chosen = string.Join(",", picked.Order()), RecordedBy = me, RecordedAt = now });
        }
        if (chosen.Any(id => candidates.All(e => e.Id != id))) return ("Network.Awards.Select.Count", null);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = winners ? 1 : await db.Set<AwardEdition>().Where(e => e.Id == editionId && e.Phase == AwardPhase.Shortlisting)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Phase, AwardPhase.Round2).SetProperty(e => e.UpdatedAt, now), ct);
        if (moved == 0) return ("Network.Awards.Phase.Wrong", null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ("Network.Awards.Screen.Changed", null);
        }
        await audit.RecordAsync(secretary, $"network.award.{stage}", "network-award-edition", editionId.ToString(CultureInfo.InvariantCulture), new { chosen = chosen.Order(), reasons }, ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Announces the decided winners: the results page, the applicants' outcomes and the certificates become public.</summary>
    public async Task<string?> AnnounceAsync(ClaimsPrincipal secretary, long editionId, CancellationToken ct)
    {
        var edition = await db.Set<AwardEdition>().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return "Network.Awards.Unknown";
        if (edition.Phase != AwardPhase.Deciding) return "Network.Awards.Phase.Wrong";
        if (!await db.Set<AwardEntry>().AnyAsync(e => e.EditionId == editionId && e.Status == EntryStatus.Awarded, ct)) return "Network.Awards.Select.NotDecided";
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.Set<AwardEdition>().Where(e => e.Id == editionId && e.Phase == AwardPhase.Deciding)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Phase, AwardPhase.Announced).SetProperty(e => e.AnnouncedAt, now).SetProperty(e => e.UpdatedAt, now), ct);
        if (moved == 0) return "Network.Awards.Phase.Wrong";
        await audit.RecordAsync(secretary, "network.award.announce", "network-award-edition", editionId.ToString(CultureInfo.InvariantCulture), null, ct);
        return null;
    }

    /// <summary>Each category's ranking of a round from the scores as they stand (staff see it once the round has closed).</summary>
    public async Task<Dictionary<long, IReadOnlyList<AwardRanking.Ranked>>> RankingsAsync(long editionId, int round, CancellationToken ct)
    {
        var criteria = await db.Set<AwardCriterion>().AsNoTracking().Where(c => c.EditionId == editionId)
            .Select(c => new AwardRanking.CriterionWeight(c.Id, c.Weight)).ToListAsync(ct);
        var status = AwardRules.ScoredIn(round);
        var entries = await db.Set<AwardEntry>().AsNoTracking()
            .Where(e => e.EditionId == editionId && (e.Status == status || (round == 1 && e.Round1Rank != null) || (round == 2 && e.Round2Rank != null)))
            .Select(e => new { e.Id, e.CategoryId }).ToListAsync(ct);
        var ids = entries.Select(e => e.Id).ToList();
        var scores = await db.Set<AwardScore>().AsNoTracking().Where(s => ids.Contains(s.EntryId) && s.Round == round).ToListAsync(ct);
        var gap = options.CurrentValue.OutlierGap;
        return entries.GroupBy(e => e.CategoryId).ToDictionary(g => g.Key,
            g => AwardRanking.Rank(g.Select(e => e.Id), scores.Where(s => g.Any(e => e.Id == s.EntryId)), criteria, gap));
    }

    private async Task<string?> MoveAsync(ClaimsPrincipal secretary, AwardEdition edition, AwardPhase from, AwardPhase to, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.Set<AwardEdition>().Where(e => e.Id == edition.Id && e.Phase == from)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Phase, to).SetProperty(e => e.UpdatedAt, now), ct);
        if (moved == 0) return "Network.Awards.Phase.Wrong";
        await audit.RecordAsync(secretary, "network.award.phase", "network-award-edition", edition.Id.ToString(CultureInfo.InvariantCulture), new { from = from.ToString(), to = to.ToString() }, ct);
        return null;
    }
}
