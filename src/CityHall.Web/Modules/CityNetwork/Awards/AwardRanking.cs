namespace CityHall.Web.Modules.CityNetwork.Awards;

/// <summary>
/// How a round's scores become a ranking. Each juror's score of an entry is the weighted mean of their criterion scores
/// (Σ weight × score ÷ Σ weight); only a juror who scored every criterion counts. The entry's score is the mean of its
/// jurors' scores; its spread is the highest less the lowest; a juror whose score is <c>outlierGap</c> or more away from
/// the median of the jurors' scores is flagged (the median, so one far-off juror does not drag the others out with them;
/// of two jurors far apart, both are flagged: nothing says which is right). Entries are ranked by score, highest first; equal scores share a rank (1, 2,
/// 2, 4), and a tie where it matters is broken by a recorded decision, never silently.
/// </summary>
public static class AwardRanking
{
    public sealed record CriterionWeight(long CriterionId, int Weight);

    public sealed record JurorScore(long JurorId, decimal Score, bool Outlier);

    public sealed record Ranked(long EntryId, int Rank, decimal Score, decimal Spread, IReadOnlyList<JurorScore> Jurors)
    {
        public bool HasOutlier => Jurors.Any(j => j.Outlier);
    }

    public static decimal JurorWeighted(IReadOnlyDictionary<long, int> scores, IReadOnlyList<CriterionWeight> criteria)
    {
        var weights = criteria.Sum(c => c.Weight);
        return weights == 0 ? 0 : criteria.Sum(c => (decimal)c.Weight * scores[c.CriterionId]) / weights;
    }

    /// <summary>Ranks the entries given (each, even one nobody scored, which comes last with no score).</summary>
    public static IReadOnlyList<Ranked> Rank(IEnumerable<long> entries, IEnumerable<AwardScore> scores, IReadOnlyList<CriterionWeight> criteria, decimal outlierGap)
    {
        var ids = criteria.Select(c => c.CriterionId).ToHashSet();
        var byEntry = scores.Where(s => ids.Contains(s.CriterionId)).GroupBy(s => s.EntryId).ToDictionary(g => g.Key, g => g.ToList());
        var results = new List<(long EntryId, decimal? Score, decimal Spread, List<JurorScore> Jurors)>();
        foreach (var entryId in entries.Distinct())
        {
            var jurors = new List<(long JurorId, decimal Score)>();
            foreach (var juror in (byEntry.GetValueOrDefault(entryId) ?? []).GroupBy(s => s.JurorId))
            {
                var given = juror.ToDictionary(s => s.CriterionId, s => s.Score);
                if (given.Count == ids.Count) jurors.Add((juror.Key, JurorWeighted(given, criteria)));
            }
            if (jurors.Count == 0)
            {
                results.Add((entryId, null, 0, []));
                continue;
            }
            var mean = jurors.Average(j => j.Score);
            var sorted = jurors.Select(j => j.Score).Order().ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
            var flagged = jurors.OrderBy(j => j.JurorId)
                .Select(j => new JurorScore(j.JurorId, Math.Round(j.Score, 4), jurors.Count > 1 && Math.Abs(j.Score - median) >= outlierGap)).ToList();
            results.Add((entryId, Math.Round(mean, 4), jurors.Max(j => j.Score) - jurors.Min(j => j.Score), flagged));
        }
        var ordered = results.OrderByDescending(r => r.Score.HasValue).ThenByDescending(r => r.Score).ThenBy(r => r.EntryId).ToList();
        var ranked = new List<Ranked>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var r = ordered[i];
            var rank = i > 0 && ordered[i - 1].Score == r.Score ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new Ranked(r.EntryId, rank, r.Score ?? 0, Math.Round(r.Spread, 4), r.Jurors));
        }
        return ranked;
    }

    /// <summary>Whether the first <paramref name="places"/> of a ranking are decided by the scores alone (no tie across the line).</summary>
    public static bool TieAcrossLine(IReadOnlyList<Ranked> ranking, int places) =>
        places > 0 && places < ranking.Count && ranking[places].Rank <= places;
}
