namespace CityHall.Web.Modules.Inclusion.Selection;

/// <summary>A criterion of a weighted score (severity, economic situation, social participation, suitability, past benefits) and its weight.</summary>
public sealed record Criterion(string Code, double Weight, double MaxScore);

/// <summary>One panel member's scores for one entrant, by criterion; a member who declared a conflict for an entrant gives none.</summary>
public sealed record PanelScore(string MemberId, string EntrantId, IReadOnlyDictionary<string, double> Scores);

/// <summary>An entrant's total and each criterion's averaged score, as the explanation of a ranking shows them.</summary>
public sealed record ScoredEntrant(Entrant Entrant, double Total, IReadOnlyDictionary<string, double> ByCriterion);

/// <summary>
/// First come, first served, and a weighted score: each criterion's score is the average of the
/// panel members who scored the entrant (members with a declared conflict are left out); the total
/// is the weighted sum; ties are broken by the criteria in the programme's order (higher first),
/// then by the earlier application, then by id — so the same inputs always give the same order.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<PoolResult> FirstComeFirstServed(IEnumerable<Entrant> entrants, IReadOnlyDictionary<string, int> quotas) =>
        Lottery.Split(entrants.OrderBy(e => e.SubmittedAt).ThenBy(e => e.Id, StringComparer.Ordinal), quotas);

    public static IReadOnlyList<ScoredEntrant> Score(IEnumerable<Entrant> entrants, IReadOnlyList<Criterion> criteria, IEnumerable<PanelScore> scores,
        IReadOnlySet<(string MemberId, string EntrantId)> conflicts)
    {
        var byEntrant = scores.Where(s => !conflicts.Contains((s.MemberId, s.EntrantId))).ToLookup(s => s.EntrantId, StringComparer.Ordinal);
        return entrants.Select(e =>
        {
            var mine = byEntrant[e.Id].ToList();
            var averages = criteria.ToDictionary(c => c.Code, c =>
            {
                var given = mine.Where(s => s.Scores.ContainsKey(c.Code)).Select(s => Math.Clamp(s.Scores[c.Code], 0, c.MaxScore)).ToList();
                return given.Count == 0 ? 0 : Math.Round(given.Average(), 4);
            }, StringComparer.Ordinal);
            return new ScoredEntrant(e, Math.Round(criteria.Sum(c => c.Weight * averages[c.Code]), 4), averages);
        }).ToList();
    }

    public static IReadOnlyList<PoolResult> ByScore(IReadOnlyList<ScoredEntrant> scored, IReadOnlyList<Criterion> tieBreakOrder, IReadOnlyDictionary<string, int> quotas)
    {
        IOrderedEnumerable<ScoredEntrant> ordered = scored.OrderByDescending(s => s.Total);
        foreach (var criterion in tieBreakOrder) ordered = ordered.ThenByDescending(s => s.ByCriterion[criterion.Code]);
        return Lottery.Split(ordered.ThenBy(s => s.Entrant.SubmittedAt).ThenBy(s => s.Entrant.Id, StringComparer.Ordinal).Select(s => s.Entrant), quotas);
    }
}
